using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.RuleSets;

namespace Fengqiao.Dispatch.Rules;

/// <summary>A statutory period: so many calendar or working days, counted from the day after the event.</summary>
internal sealed record Period(int Days, bool WorkingDays, string? Source = null)
{
    public DateOnly From(DateOnly start, WorkCalendar calendar, int extraDays = 0) =>
        WorkingDays ? calendar.AddWorkingDays(start, Days + extraDays) : calendar.AddCalendarDays(start, Days + extraDays);

    /// <summary>Days between two dates in this period's unit: working days for working-day periods.</summary>
    public int Count(DateOnly from, DateOnly to, WorkCalendar calendar) =>
        to <= from ? 0 : WorkingDays ? calendar.WorkingDaysBetween(from, to) : to.DayNumber - from.DayNumber;
}

/// <summary>One tick of a closure checklist, labelled in both UI languages.</summary>
internal sealed record ChecklistItemTemplate(string Key, IReadOnlyDictionary<string, string> Label);

/// <summary>
/// The dispatch part of the active rule set (national or Zhejiang, stored in the database and editable by admins):
/// every deadline of DOMAIN §3, the traffic-light threshold and the closure checklists are data. The record is the
/// <c>dispatch</c> section of the rule-set document as stored, plus the name of the set it came from.
/// </summary>
internal sealed record DispatchRules(
    Period AssignmentDeadline,
    Period SignDeadline,
    Period ReturnDeadline,
    Period ReplyDeadline,
    int MaxExtensionDays,
    Period ReviewRequestWindow,
    Period ReviewDeadline,
    Period ReReviewRequestWindow,
    Period ReReviewDeadline,
    int YellowWorkingDays,
    int UnratedAfterDays,
    IReadOnlyDictionary<string, IReadOnlyList<ChecklistItemTemplate>>? Checklists)
{
    public const string FirstTimeChecklist = "first_time";
    public const string DefaultChecklist = "default";

    public const string Section = "dispatch";

    /// <summary>The name of the rule set these rules belong to; it lives beside the section, not in it.</summary>
    [JsonIgnore]
    public string RuleSet { get; init; } = string.Empty;

    /// <summary>The rule set's title as people know it (信访工作条例 (2022)), shown beside the deadlines it gave.</summary>
    [JsonIgnore]
    public string RuleSetTitle { get; init; } = string.Empty;

    public IReadOnlyList<ChecklistItemTemplate> ChecklistFor(bool isFirstTime) =>
        Checklists?.GetValueOrDefault(isFirstTime ? FirstTimeChecklist : DefaultChecklist)
        ?? Checklists?.GetValueOrDefault(DefaultChecklist)
        ?? [];

    public static DispatchRules From(ActiveRuleSet ruleSet) => ruleSet.Section<DispatchRules>(Section) with { RuleSet = ruleSet.Name, RuleSetTitle = ruleSet.Title };
}
