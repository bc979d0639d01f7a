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

/// <summary>
/// The <c>mediation</c> section of a rule set: the window for applying for judicial confirmation of an agreement, counted from
/// the day it takes effect (人民调解法 Art 33: 30 days).
/// </summary>
internal sealed record MediationRuleSection(MediationPeriod JudicialConfirmationWindow)
{
    public const string Section = "mediation";

    public static MediationRuleSection From(IRuleSets ruleSets) => ruleSets.ActiveSection<MediationRuleSection>(Section);
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

        return mediation.JudicialConfirmationWindow.Days is >= 1 and <= 366
            ? []
            : [new RuleSetProblem("judicialConfirmationWindow.days", "Between 1 and 366 days.")];
    }
}
