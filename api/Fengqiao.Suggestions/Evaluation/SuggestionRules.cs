using System.Text.Json;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.RuleSets;

namespace Fengqiao.Suggestions.Evaluation;

/// <summary>A period of <see cref="Days"/> calendar days, or working days when <see cref="WorkingDays"/>, counted from the day after the start.</summary>
internal sealed record SuggestionDeadline(int Days, bool WorkingDays, string? Source = null)
{
    public DateOnly From(DateOnly start, WorkCalendar calendar) =>
        WorkingDays ? calendar.AddWorkingDays(start, Days) : calendar.AddCalendarDays(start, Days);
}

/// <summary>The <c>suggestions</c> section of a rule set: how long a department has to evaluate an assigned suggestion.</summary>
internal sealed record SuggestionsRuleSection(SuggestionDeadline EvaluationDeadline)
{
    public const string Section = "suggestions";

    public static SuggestionsRuleSection From(IRuleSets ruleSets) => ruleSets.ActiveSection<SuggestionsRuleSection>(Section);
}

/// <summary>Checks the <c>suggestions</c> section of a rule set before an admin's change is stored.</summary>
internal sealed class SuggestionsRuleSetSectionValidator : IRuleSetSectionValidator
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public string Section => SuggestionsRuleSection.Section;

    public IReadOnlyList<RuleSetProblem> Validate(JsonElement section)
    {
        SuggestionsRuleSection? suggestions;
        try
        {
            suggestions = section.Deserialize<SuggestionsRuleSection>(Strict);
        }
        catch (JsonException e)
        {
            var path = e.Path is null or "$" ? string.Empty : e.Path.TrimStart('$', '.');
            return [new RuleSetProblem(path, "This value is missing or not valid here.")];
        }

        if (suggestions is null)
        {
            return [new RuleSetProblem(string.Empty, "The suggestions section is required.")];
        }

        return suggestions.EvaluationDeadline.Days is >= 1 and <= 366
            ? []
            : [new RuleSetProblem("evaluationDeadline.days", "Between 1 and 366 days.")];
    }
}
