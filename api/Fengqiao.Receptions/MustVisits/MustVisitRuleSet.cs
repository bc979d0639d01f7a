using System.Text.Json;
using Fengqiao.BuildingBlocks.RuleSets;

namespace Fengqiao.Receptions.MustVisits;

/// <summary>Many petitions: at least <see cref="MinPetitions"/> in the month before, or growth of <see cref="MinGrowthPercent"/> % on the month before that from at least <see cref="MinPetitionsForGrowth"/>.</summary>
internal sealed record ManyPetitionsThresholds(int MinPetitions, int MinGrowthPercent, int MinPetitionsForGrowth);

/// <summary>Hard work: a backlog or overdue cases of at least so many, or a resolution rate below <see cref="MaxResolutionRate"/> over at least <see cref="MinConcluded"/> concluded cases.</summary>
internal sealed record HardWorkThresholds(int MinBacklog, int MinOverdue, int MinConcluded, decimal MaxResolutionRate);

/// <summary>A major policy counts from <see cref="LeadDays"/> days before it takes effect (disputes start when it is announced) until it ends.</summary>
internal sealed record MajorPolicyThresholds(int LeadDays);

/// <summary>An emergency: at least <see cref="MinUrgentPetitions"/> urgent petitions in the month before, or an incident in the month or the <see cref="IncidentLookbackDays"/> days before it.</summary>
internal sealed record EmergencyThresholds(int MinUrgentPetitions, int IncidentLookbackDays);

internal sealed record MustVisitThresholds(
    ManyPetitionsThresholds ManyPetitions, HardWorkThresholds HardWork, MajorPolicyThresholds MajorPolicy, EmergencyThresholds Emergency, string? Source = null);

/// <summary>The <c>receptions</c> section of a rule set: the thresholds of the four must-visits (四个必访), a local practice kept as data.</summary>
internal sealed record ReceptionsRuleSection(MustVisitThresholds MustVisits)
{
    public const string Section = "receptions";

    public static MustVisitThresholds From(IRuleSets ruleSets) => ruleSets.ActiveSection<ReceptionsRuleSection>(Section).MustVisits;
}

/// <summary>Checks the <c>receptions</c> section of a rule set before an admin's change is stored.</summary>
internal sealed class ReceptionsRuleSetSectionValidator : IRuleSetSectionValidator
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public string Section => ReceptionsRuleSection.Section;

    public IReadOnlyList<RuleSetProblem> Validate(JsonElement section)
    {
        ReceptionsRuleSection? receptions;
        try
        {
            receptions = section.Deserialize<ReceptionsRuleSection>(Strict);
        }
        catch (JsonException e)
        {
            var path = e.Path is null or "$" ? string.Empty : e.Path.TrimStart('$', '.');
            return [new RuleSetProblem(path, "This value is missing or not valid here.")];
        }

        if (receptions is null)
        {
            return [new RuleSetProblem(string.Empty, "The receptions section is required.")];
        }

        var problems = new List<RuleSetProblem>();
        void Check(bool valid, string path, string message)
        {
            if (!valid)
            {
                problems.Add(new RuleSetProblem("mustVisits." + path, message));
            }
        }

        var t = receptions.MustVisits;
        Check(t.ManyPetitions.MinPetitions is >= 1 and <= 100_000, "manyPetitions.minPetitions", "Between 1 and 100000 petitions.");
        Check(t.ManyPetitions.MinGrowthPercent is >= 1 and <= 10_000, "manyPetitions.minGrowthPercent", "Between 1 and 10000 per cent.");
        Check(t.ManyPetitions.MinPetitionsForGrowth is >= 1 and <= 100_000, "manyPetitions.minPetitionsForGrowth", "Between 1 and 100000 petitions.");
        Check(t.HardWork.MinBacklog is >= 1 and <= 100_000, "hardWork.minBacklog", "Between 1 and 100000 cases.");
        Check(t.HardWork.MinOverdue is >= 1 and <= 100_000, "hardWork.minOverdue", "Between 1 and 100000 cases.");
        Check(t.HardWork.MinConcluded is >= 1 and <= 100_000, "hardWork.minConcluded", "Between 1 and 100000 cases.");
        Check(t.HardWork.MaxResolutionRate is > 0m and <= 1m, "hardWork.maxResolutionRate", "A fraction above 0 and at most 1.");
        Check(t.MajorPolicy.LeadDays is >= 0 and <= 366, "majorPolicy.leadDays", "Between 0 and 366 days.");
        Check(t.Emergency.MinUrgentPetitions is >= 1 and <= 100_000, "emergency.minUrgentPetitions", "Between 1 and 100000 petitions.");
        Check(t.Emergency.IncidentLookbackDays is >= 0 and <= 366, "emergency.incidentLookbackDays", "Between 0 and 366 days.");
        return problems;
    }
}
