using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.RuleSets;

namespace Fengqiao.Intake.Rules;

internal sealed record Period(int Days, bool WorkingDays);

internal sealed record RepresentativeLimit(int? MaxGroupSize, int MaxRepresentatives);

/// <summary>The <c>intake</c> section of a rule set document, as stored.</summary>
internal sealed record IntakeRulesSection(
    Period AcceptanceDeadline,
    int CollectiveThreshold,
    IReadOnlyList<RepresentativeLimit> RepresentativeLimits,
    int RepeatWindowDays,
    double DuplicateScoreThreshold);

/// <summary>
/// The intake part of the active rule set (national or Zhejiang, edited by admins in the database): statutory
/// periods and limits are data, not code. A scope sees the rule set that was active when it began.
/// </summary>
internal sealed record IntakeRules(
    string RuleSet,
    Period AcceptanceDeadline,
    int CollectiveThreshold,
    IReadOnlyList<RepresentativeLimit> RepresentativeLimits,
    int RepeatWindowDays,
    double DuplicateScoreThreshold)
{
    public const string Section = "intake";

    public DateOnly AcceptanceDue(DateOnly received, WorkCalendar calendar) =>
        AcceptanceDeadline.WorkingDays
            ? calendar.AddWorkingDays(received, AcceptanceDeadline.Days)
            : calendar.AddCalendarDays(received, AcceptanceDeadline.Days);

    /// <summary>The tightest limit whose group size covers <paramref name="persons"/> (e.g. Zhejiang: ≤ 3 for groups of ≤ 10).</summary>
    public int MaxRepresentatives(int persons) =>
        RepresentativeLimits
            .Where(l => l.MaxGroupSize is null || persons <= l.MaxGroupSize)
            .OrderBy(l => l.MaxGroupSize ?? int.MaxValue)
            .Select(l => l.MaxRepresentatives)
            .First();

    public static IntakeRules From(ActiveRuleSet ruleSet)
    {
        var intake = ruleSet.Section<IntakeRulesSection>(Section);
        return new IntakeRules(ruleSet.Name, intake.AcceptanceDeadline, intake.CollectiveThreshold, intake.RepresentativeLimits, intake.RepeatWindowDays, intake.DuplicateScoreThreshold);
    }
}
