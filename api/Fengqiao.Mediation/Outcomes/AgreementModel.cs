namespace Fengqiao.Mediation.Outcomes;

/// <summary>How an agreement was made (人民调解法 Art 28): a written 调解协议书 the parties sign, or an oral agreement the mediator records.</summary>
public enum AgreementForm
{
    Written,
    Oral,
}

/// <summary>
/// A dispute's mediation agreement: its terms, the amount agreed, when it took effect and by when it is to be performed, and the
/// last day to apply to a court for its judicial confirmation (the rule set's window from the day it took effect).
/// </summary>
internal sealed record AgreementView
{
    public required string Terms { get; init; }

    public required decimal? AmountAgreed { get; init; }

    public required AgreementForm Form { get; init; }

    public required bool ApplicantSigned { get; init; }

    public required bool RespondentSigned { get; init; }

    public required DateOnly EffectiveOn { get; init; }

    public required DateOnly PerformanceDeadline { get; init; }

    public required DateOnly ConfirmationDueOn { get; init; }

    /// <summary>How many days before <see cref="ConfirmationDueOn"/> the parties are reminded of it: the rule set's, not stored with the agreement.</summary>
    public int ConfirmationReminderDays { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The day the parties applied to <see cref="ConfirmationCourt"/> for judicial confirmation, if they did.</summary>
    public required DateOnly? ConfirmationAppliedOn { get; init; }

    public required string? ConfirmationCourt { get; init; }

    public required JudicialRuling? ConfirmationRuling { get; init; }

    public required DateOnly? ConfirmationDecidedOn { get; init; }

    public required string? ConfirmationNote { get; init; }
}
