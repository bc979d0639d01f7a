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
        var key = new FactKey(e.DecidedOn, e.RegionPath, Guid.Empty, MediationChannel, e.DisputeType);
        return e.Ruling == ConfirmedRuling
            ? [new FactDelta(key, Counter.JudicialDecided, 1), new FactDelta(key, Counter.JudicialConfirmed, 1)]
            : [new FactDelta(key, Counter.JudicialDecided, 1)];
    }

    private static FactKey Key(DateTimeOffset occurredAt, string regionPath, string disputeType) =>
        new(FactDays.Of(occurredAt), regionPath, Guid.Empty, MediationChannel, disputeType);
}

/// <summary>Feeds the mediation counters; the inbox runs it once per event in the same transaction as its writes.</summary>
internal sealed class MediationFactConsumer(FactStore store) :
    IIntegrationEventConsumer<DisputeOpened>,
    IIntegrationEventConsumer<DisputeAccepted>,
    IIntegrationEventConsumer<MediationSessionHeld>,
    IIntegrationEventConsumer<MediationAgreementReached>,
    IIntegrationEventConsumer<MediationFailed>,
    IIntegrationEventConsumer<JudicialConfirmationDecided>
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
}
