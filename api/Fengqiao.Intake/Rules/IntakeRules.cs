using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.RuleSets;

namespace Fengqiao.Intake.Rules;

internal sealed record Period(int Days, bool WorkingDays);

internal sealed record RepresentativeLimit(int? MaxGroupSize, int MaxRepresentatives);

/// <summary>
/// 越级 (Art 20¶1): petitioners go to the competent body at the same level or one level up. A petition of one of
/// <paramref name="Channels"/> (snake_case channel names: visits, above all) brought more than
/// <paramref name="LevelsAboveAllowed"/> levels above the highest level that owns or has handled the matter skipped a level.
/// </summary>
internal sealed record SkipLevelRule(IReadOnlyList<string> Channels, int LevelsAboveAllowed, string? Source);

/// <summary>
/// The intake part of the active rule set (national or Zhejiang, edited by admins in the database): statutory
/// periods and limits are data, not code. A scope sees the rule set that was active when it began. The record is the
/// <c>intake</c> section of the rule-set document as stored, plus the name of the set it came from.
/// </summary>
internal sealed record IntakeRules(
    Period AcceptanceDeadline,
    int CollectiveThreshold,
    IReadOnlyList<RepresentativeLimit> RepresentativeLimits,
    int RepeatWindowDays,
    double DuplicateScoreThreshold,
    SkipLevelRule SkipLevel)
{
    public const string Section = "intake";

    /// <summary>The name of the rule set these rules belong to; it lives beside the section, not in it.</summary>
    [JsonIgnore]
    public string RuleSet { get; init; } = string.Empty;

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

    public static IntakeRules From(ActiveRuleSet ruleSet) => ruleSet.Section<IntakeRules>(Section) with { RuleSet = ruleSet.Name };
}
