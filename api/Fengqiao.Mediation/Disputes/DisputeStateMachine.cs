using Fengqiao.BuildingBlocks.Errors;

namespace Fengqiao.Mediation.Disputes;

/// <summary>What may happen to a dispute.</summary>
public enum DisputeAction
{
    ApplicantConsents,
    ApplicantRefuses,
    RespondentConsents,
    RespondentRefuses,
    Withdraw,
    RecordAgreement,
    RecordFailure,

    /// <summary>A return visit 回访 after the agreement, recording its performance.</summary>
    RecordFollowUp,

    /// <summary>Puts an open dispute in a room under a lead mediator, with assisting mediators; the state does not change.</summary>
    Assign,
}

/// <summary>A dispute's status with each side's consent and, once agreed, the performance the last return visit found: what the state machine reads and writes.</summary>
public sealed record DisputeState(DisputeStatus Status, ConsentState ApplicantConsent, ConsentState RespondentConsent, Performance? Performance = null);

/// <summary>
/// The dispute's life (人民调解法 Art 17, 23, 26): registered, it waits for both sides; a consent is recorded once per side,
/// and the second consent accepts the dispute; a refusal by either side ends it as not mediated. The applicant may withdraw
/// while the dispute is open (registered or accepted), and an open dispute may be put in a room under its mediators. An accepted dispute ends in an agreement or as failed (Art 26, 28). An ended
/// dispute takes no further step, except that an agreement is followed up by return visits 回访 until one finds it performed.
/// </summary>
public static class DisputeStateMachine
{
    public static bool IsOpen(DisputeStatus status) => status is DisputeStatus.Registered or DisputeStatus.Accepted;

    /// <summary>
    /// Whether the consents agree with the status, as every step leaves them: a registered dispute has no refusal and not both
    /// consents, an accepted one both, one not mediated a refusal, a withdrawn one none; only an agreement has a performance. A
    /// state that does not takes no step.
    /// </summary>
    public static bool IsConsistent(DisputeState state) => (state.Performance is null || state.Status == DisputeStatus.Agreed) && state.Status switch
    {
        DisputeStatus.Registered => state.ApplicantConsent != ConsentState.Refused && state.RespondentConsent != ConsentState.Refused
            && !(state.ApplicantConsent == ConsentState.Given && state.RespondentConsent == ConsentState.Given),
        DisputeStatus.Accepted => state.ApplicantConsent == ConsentState.Given && state.RespondentConsent == ConsentState.Given,
        DisputeStatus.NotMediated => state.ApplicantConsent == ConsentState.Refused || state.RespondentConsent == ConsentState.Refused,
        DisputeStatus.Agreed or DisputeStatus.Failed => state.ApplicantConsent == ConsentState.Given && state.RespondentConsent == ConsentState.Given,
        _ => state.ApplicantConsent != ConsentState.Refused && state.RespondentConsent != ConsentState.Refused,
    };

    /// <summary>Whether <paramref name="action"/> may be taken in <paramref name="state"/>.</summary>
    public static bool Allows(DisputeState state, DisputeAction action) => IsConsistent(state) && action switch
    {
        DisputeAction.ApplicantConsents or DisputeAction.ApplicantRefuses =>
            state.Status == DisputeStatus.Registered && state.ApplicantConsent == ConsentState.Pending,
        DisputeAction.RespondentConsents or DisputeAction.RespondentRefuses =>
            state.Status == DisputeStatus.Registered && state.RespondentConsent == ConsentState.Pending,
        DisputeAction.Withdraw or DisputeAction.Assign => IsOpen(state.Status),
        DisputeAction.RecordAgreement or DisputeAction.RecordFailure => state.Status == DisputeStatus.Accepted,
        DisputeAction.RecordFollowUp => state.Status == DisputeStatus.Agreed && state.Performance != Performance.Performed,
        _ => false,
    };

    /// <summary>The actions <paramref name="state"/> allows, in the enum's order.</summary>
    public static IReadOnlyList<DisputeAction> AllowedIn(DisputeState state) =>
        Enum.GetValues<DisputeAction>().Where(action => Allows(state, action)).ToList();

    /// <summary>The state after <paramref name="action"/>; a step the state does not allow is a conflict (409).</summary>
    public static DisputeState Apply(DisputeState state, DisputeAction action)
    {
        if (!Allows(state, action))
        {
            throw new ConflictException("dispute_action_not_allowed", $"A dispute that is {state.Status} (applicant {state.ApplicantConsent}, respondent {state.RespondentConsent}) cannot take the step {action}.");
        }

        var next = action switch
        {
            DisputeAction.ApplicantConsents => state with { ApplicantConsent = ConsentState.Given },
            DisputeAction.ApplicantRefuses => state with { ApplicantConsent = ConsentState.Refused, Status = DisputeStatus.NotMediated },
            DisputeAction.RespondentConsents => state with { RespondentConsent = ConsentState.Given },
            DisputeAction.RespondentRefuses => state with { RespondentConsent = ConsentState.Refused, Status = DisputeStatus.NotMediated },
            DisputeAction.RecordAgreement => state with { Status = DisputeStatus.Agreed },
            DisputeAction.RecordFailure => state with { Status = DisputeStatus.Failed },
            DisputeAction.RecordFollowUp or DisputeAction.Assign => state,
            _ => state with { Status = DisputeStatus.Withdrawn },
        };
        return next is { Status: DisputeStatus.Registered, ApplicantConsent: ConsentState.Given, RespondentConsent: ConsentState.Given }
            ? next with { Status = DisputeStatus.Accepted }
            : next;
    }
}
