using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Mediation;

namespace Fengqiao.Metrics.Facts;

/// <summary>
/// How the mediation events change the fact counters: pure, so the definitions are tested on hand-made events. A dispute counts
/// under channel <c>mediation</c> and its dispute type as category, in its region, without a unit, on the day each step happened.
/// </summary>
internal static class MediationFactAccumulator
{
    public const string MediationChannel = "mediation";

    /// <summary>The court's ruling that confirms an agreement (the other is <c>refused</c>).</summary>
    private const string ConfirmedRuling = "confirmed";

    /// <summary>The return visit's finding that the agreement was carried out (the others are <c>partly_performed</c> and <c>not_performed</c>).</summary>
    private const string PerformedFinding = "performed";

    public static IReadOnlyList<FactDelta> DisputeOpened(DisputeOpened e) =>
        [new FactDelta(Key(e.OccurredAt, e.RegionPath, e.DisputeType), Counter.DisputesOpened, 1)];

    public static IReadOnlyList<FactDelta> DisputeAccepted(DisputeAccepted e) =>
        [new FactDelta(Key(e.OccurredAt, e.RegionPath, e.DisputeType), Counter.DisputesAccepted, 1)];

    public static IReadOnlyList<FactDelta> SessionHeld(MediationSessionHeld e) =>
        [new FactDelta(Key(e.OccurredAt, e.RegionPath, e.DisputeType), Counter.MediationSessions, 1)];

    public static IReadOnlyList<FactDelta> AgreementReached(MediationAgreementReached e) =>
        [new FactDelta(Key(e.OccurredAt, e.RegionPath, e.DisputeType), Counter.MediationAgreements, 1)];

    public static IReadOnlyList<FactDelta> Failed(MediationFailed e) =>
        [new FactDelta(Key(e.OccurredAt, e.RegionPath, e.DisputeType), Counter.MediationFailures, 1)];

    /// <summary>A ruling counts on the day the court decided, which the event states (it may be recorded later).</summary>
    public static IReadOnlyList<FactDelta> JudicialConfirmationDecided(JudicialConfirmationDecided e)
    {
        var key = Key(e.DecidedOn, e.RegionPath, e.DisputeType);
        return e.Ruling == ConfirmedRuling
            ? [new FactDelta(key, Counter.JudicialDecided, 1), new FactDelta(key, Counter.JudicialConfirmed, 1)]
            : [new FactDelta(key, Counter.JudicialDecided, 1)];
    }

    /// <summary>
    /// A return visit 回访 counts its dispute once as followed up, on the day of the visit, and as performed when it found the
    /// agreement performed; a later visit of the same dispute takes back what the earlier one counted, so each agreement
    /// followed up counts once, as its latest visit found it. Events may arrive out of order (two dispatchers, a retry): a visit
    /// earlier than the one counted changes nothing, and of two visits on one day the one recorded later stands, so a rebuild in
    /// the history's order counts what the live projection counted.
    /// </summary>
    public static (IReadOnlyList<FactDelta> Deltas, DisputeFacts State) PerformanceRecorded(AgreementPerformanceRecorded e, DisputeFacts? before)
    {
        if (before is not null && IsEarlier(e, before))
        {
            return ([], before);
        }

        var key = Key(e.VisitedOn, e.RegionPath, e.DisputeType);
        var performed = e.Performance == PerformedFinding;
        var deltas = new List<FactDelta>();
        if (before is not null)
        {
            deltas.Add(new FactDelta(before.FollowedUpIn, Counter.AgreementsFollowedUp, -1));
            if (before.Performed)
            {
                deltas.Add(new FactDelta(before.FollowedUpIn, Counter.AgreementsPerformed, -1));
            }
        }

        deltas.Add(new FactDelta(key, Counter.AgreementsFollowedUp, 1));
        if (performed)
        {
            deltas.Add(new FactDelta(key, Counter.AgreementsPerformed, 1));
        }

        return (deltas, new DisputeFacts(e.DisputeId, key, performed, e.OccurredAt));
    }

    /// <summary>A visit counted before its instant was kept (<c>RecordedAt</c> null) yields to any later visit on its day.</summary>
    private static bool IsEarlier(AgreementPerformanceRecorded e, DisputeFacts counted) =>
        e.VisitedOn < counted.FollowedUpIn.Day
        || (e.VisitedOn == counted.FollowedUpIn.Day && counted.RecordedAt is { } countedAt && e.OccurredAt < countedAt);

    public static FactKey Key(DateOnly day, string regionPath, string disputeType) => new(day, regionPath, Guid.Empty, MediationChannel, disputeType);

    private static FactKey Key(DateTimeOffset occurredAt, string regionPath, string disputeType) => Key(FactDays.Of(occurredAt), regionPath, disputeType);
}

/// <summary>Feeds the mediation counters; the inbox runs it once per event in the same transaction as its writes.</summary>
internal sealed class MediationFactConsumer(IFactLedger store) :
    IIntegrationEventConsumer<DisputeOpened>,
    IIntegrationEventConsumer<DisputeAccepted>,
    IIntegrationEventConsumer<MediationSessionHeld>,
    IIntegrationEventConsumer<MediationAgreementReached>,
    IIntegrationEventConsumer<MediationFailed>,
    IIntegrationEventConsumer<JudicialConfirmationDecided>,
    IIntegrationEventConsumer<AgreementPerformanceRecorded>
{
    public Task HandleAsync(DisputeOpened integrationEvent, CancellationToken cancellationToken) =>
        store.ApplyAsync(MediationFactAccumulator.DisputeOpened(integrationEvent), cancellationToken);

    public Task HandleAsync(DisputeAccepted integrationEvent, CancellationToken cancellationToken) =>
        store.ApplyAsync(MediationFactAccumulator.DisputeAccepted(integrationEvent), cancellationToken);

    public Task HandleAsync(MediationSessionHeld integrationEvent, CancellationToken cancellationToken) =>
        store.ApplyAsync(MediationFactAccumulator.SessionHeld(integrationEvent), cancellationToken);

    public Task HandleAsync(MediationAgreementReached integrationEvent, CancellationToken cancellationToken) =>
        store.ApplyAsync(MediationFactAccumulator.AgreementReached(integrationEvent), cancellationToken);

    public Task HandleAsync(MediationFailed integrationEvent, CancellationToken cancellationToken) =>
        store.ApplyAsync(MediationFactAccumulator.Failed(integrationEvent), cancellationToken);

    public Task HandleAsync(JudicialConfirmationDecided integrationEvent, CancellationToken cancellationToken) =>
        store.ApplyAsync(MediationFactAccumulator.JudicialConfirmationDecided(integrationEvent), cancellationToken);

    public async Task HandleAsync(AgreementPerformanceRecorded integrationEvent, CancellationToken cancellationToken)
    {
        var (deltas, after) = MediationFactAccumulator.PerformanceRecorded(integrationEvent, await store.DisputeAsync(integrationEvent.DisputeId, cancellationToken));
        await store.ApplyAsync(deltas, cancellationToken);
        await store.SaveDisputeAsync(after, cancellationToken);
    }
}
