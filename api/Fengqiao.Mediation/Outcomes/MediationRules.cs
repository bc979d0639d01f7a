using System.Text.Json;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.RuleSets;

namespace Fengqiao.Mediation.Outcomes;

/// <summary>A period of <see cref="Days"/> calendar days, or working days when <see cref="WorkingDays"/>, counted from the day after the start.</summary>
internal sealed record MediationPeriod(int Days, bool WorkingDays, string? Source = null)
{
    public DateOnly From(DateOnly start, WorkCalendar calendar) =>
        WorkingDays ? calendar.AddWorkingDays(start, Days) : calendar.AddCalendarDays(start, Days);
}

/// <summary>How long mediation of a dispute type may take from acceptance, e.g. medical disputes 30 working days (医疗纠纷预防和处理条例 Art 33).</summary>
internal sealed record MediationTimeLimit(string DisputeType, int Days, bool WorkingDays, string? Source = null)
{
    public MediationPeriod Period => new(Days, WorkingDays, Source);
}

/// <summary>The most representatives each side of a dispute type may name, e.g. five in medical disputes.</summary>
internal sealed record RepresentativeLimit(string DisputeType, int MaxPerSide, string? Source = null);

/// <summary>
/// The <c>mediation</c> section of a rule set: the window for applying for judicial confirmation of an agreement, counted from
/// the day it takes effect (人民调解法 Art 33: 30 days), and how many days before its last day the parties are reminded; the time limits of the dispute types that have one; and the
/// representative limits per side. A type without a limit has none.
/// </summary>
internal sealed record MediationRuleSection(
    MediationPeriod JudicialConfirmationWindow,
    int ConfirmationReminderDays,
    IReadOnlyList<MediationTimeLimit>? TimeLimits = null,
    IReadOnlyList<RepresentativeLimit>? RepresentativeLimits = null)
{
    public const string Section = "mediation";

    public static MediationRuleSection From(IRuleSets ruleSets) => ruleSets.ActiveSection<MediationRuleSection>(Section);

    public MediationTimeLimit? TimeLimitOf(string disputeType) => TimeLimits?.FirstOrDefault(l => l.DisputeType == disputeType);

    public int? MaxRepresentativesPerSide(string disputeType) => RepresentativeLimits?.FirstOrDefault(l => l.DisputeType == disputeType)?.MaxPerSide;
}

/// <summary>Checks the <c>mediation</c> section of a rule set before an admin's change is stored.</summary>
internal sealed class MediationRuleSetSectionValidator : IRuleSetSectionValidator
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public string Section => MediationRuleSection.Section;

    public IReadOnlyList<RuleSetProblem> Validate(JsonElement section)
    {
        MediationRuleSection? mediation;
        try
        {
            mediation = section.Deserialize<MediationRuleSection>(Strict);
        }
        catch (JsonException e)
        {
            var path = e.Path is null or "$" ? string.Empty : e.Path.TrimStart('$', '.');
            return [new RuleSetProblem(path, "This value is missing or not valid here.")];
        }

        if (mediation is null)
        {
            return [new RuleSetProblem(string.Empty, "The mediation section is required.")];
        }

        var problems = new List<RuleSetProblem>();
        if (mediation.JudicialConfirmationWindow.Days is < 1 or > 366)
        {
            problems.Add(new RuleSetProblem("judicialConfirmationWindow.days", "Between 1 and 366 days."));
        }

        if (mediation.ConfirmationReminderDays < 0 || mediation.ConfirmationReminderDays >= mediation.JudicialConfirmationWindow.Days)
        {
            problems.Add(new RuleSetProblem("confirmationReminderDays", "From 0 to fewer days than the judicial-confirmation window."));
        }

        var limits = mediation.TimeLimits ?? [];
        for (var i = 0; i < limits.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(limits[i].DisputeType) || limits.Take(i).Any(l => l.DisputeType == limits[i].DisputeType))
            {
                problems.Add(new RuleSetProblem($"timeLimits[{i}].disputeType", "A dispute type, each once."));
            }

            if (limits[i].Days is < 1 or > 366)
            {
                problems.Add(new RuleSetProblem($"timeLimits[{i}].days", "Between 1 and 366 days."));
            }
        }

        var representatives = mediation.RepresentativeLimits ?? [];
        for (var i = 0; i < representatives.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(representatives[i].DisputeType) || representatives.Take(i).Any(l => l.DisputeType == representatives[i].DisputeType))
            {
                problems.Add(new RuleSetProblem($"representativeLimits[{i}].disputeType", "A dispute type, each once."));
            }

            if (representatives[i].MaxPerSide is < 0 or > 50)
            {
                problems.Add(new RuleSetProblem($"representativeLimits[{i}].maxPerSide", "Between 0 and 50."));
            }
        }

        return problems;
    }
}
