using System.Text.Json;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.RuleSets;

namespace Fengqiao.Intake.Rules;

/// <summary>Checks the <c>intake</c> section of a rule set before an admin's change is stored.</summary>
internal sealed class IntakeRuleSetSectionValidator : IRuleSetSectionValidator
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public string Section => IntakeRules.Section;

    public IReadOnlyList<RuleSetProblem> Validate(JsonElement section)
    {
        IntakeRules? intake;
        try
        {
            intake = section.Deserialize<IntakeRules>(Strict);
        }
        catch (JsonException e)
        {
            var path = e.Path is null or "$" ? string.Empty : e.Path.TrimStart('$', '.');
            return [new RuleSetProblem(path, "This value is missing or not valid here.")];
        }

        if (intake is null)
        {
            return [new RuleSetProblem(string.Empty, "The intake section is required.")];
        }

        var problems = new List<RuleSetProblem>();
        void Check(bool valid, string path, string message)
        {
            if (!valid)
            {
                problems.Add(new RuleSetProblem(path, message));
            }
        }

        Check(intake.AcceptanceDeadline.Days is >= 1 and <= 365, "acceptanceDeadline.days", "Between 1 and 365 days.");
        Check(intake.CollectiveThreshold is >= 2 and <= 1000, "collectiveThreshold", "Between 2 and 1,000 persons.");
        Check(intake.RepeatWindowDays is >= 1 and <= 3650, "repeatWindowDays", "Between 1 and 3,650 days.");
        Check(intake.DuplicateScoreThreshold is > 0 and <= 1, "duplicateScoreThreshold", "Greater than 0 and at most 1.");
        Check(intake.SkipLevel.LevelsAboveAllowed is >= 0 and <= 3, "skipLevel.levelsAboveAllowed", "Between 0 and 3 levels.");
        for (var i = 0; i < intake.SkipLevel.Channels.Count; i++)
        {
            Check(Enum.GetValues<Petitions.Channel>().Any(c => c.ToSnakeCase() == intake.SkipLevel.Channels[i]), $"skipLevel.channels[{i}]", "A channel such as visit or leader_reception.");
        }

        Check(intake.RepresentativeLimits.Count(l => l.MaxGroupSize is null) == 1, "representativeLimits",
            "Exactly one limit has no maxGroupSize: it applies to groups larger than every other limit.");
        Check(intake.RepresentativeLimits.Select(l => l.MaxGroupSize).Distinct().Count() == intake.RepresentativeLimits.Count, "representativeLimits",
            "Each maxGroupSize appears once.");
        for (var i = 0; i < intake.RepresentativeLimits.Count; i++)
        {
            var limit = intake.RepresentativeLimits[i];
            Check(limit.MaxRepresentatives is >= 1 and <= 100, $"representativeLimits[{i}].maxRepresentatives", "Between 1 and 100 representatives.");
            Check(limit.MaxGroupSize is null or (>= 1 and <= 100_000), $"representativeLimits[{i}].maxGroupSize", "Between 1 and 100,000 persons, or null.");
        }

        return problems;
    }
}
