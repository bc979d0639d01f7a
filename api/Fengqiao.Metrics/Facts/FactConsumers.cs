using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Intake;

namespace Fengqiao.Metrics.Facts;

/// <summary>
/// Feeds the daily facts from the intake and dispatch events. The dispatcher's inbox runs each consumer once per event in the
/// same transaction as these writes, so a redelivered event changes nothing twice.
/// </summary>
internal sealed class PetitionFactConsumer(IFactLedger store) :
    IIntegrationEventConsumer<PetitionRegistered>,
    IIntegrationEventConsumer<PetitionAccepted>
{
    public async Task HandleAsync(PetitionRegistered integrationEvent, CancellationToken cancellationToken)
    {
        await store.SavePetitionAsync(
            new PetitionFacts(integrationEvent.PetitionId, FactAccumulator.ChannelOf(integrationEvent), integrationEvent.Category, integrationEvent.Flags.Contains("first_time")),
            cancellationToken);
        await store.ApplyAsync(FactAccumulator.Registered(integrationEvent), cancellationToken);
    }

    public async Task HandleAsync(PetitionAccepted integrationEvent, CancellationToken cancellationToken)
    {
        // Classification may correct the category and decides whether it is a first petition: the case facts count by these.
        var petition = await store.PetitionAsync(integrationEvent.PetitionId, integrationEvent.Category, cancellationToken) with
        {
            Category = integrationEvent.Category,
            IsFirstTime = integrationEvent.IsFirstTime,
        };
        await store.SavePetitionAsync(petition, cancellationToken);
        await store.ApplyAsync(FactAccumulator.Accepted(integrationEvent, petition), cancellationToken);
    }
}

internal sealed class CaseFactConsumer(IFactLedger store) :
    IIntegrationEventConsumer<CaseAssigned>,
    IIntegrationEventConsumer<SupervisionOrderIssued>,
    IIntegrationEventConsumer<CaseReplied>,
    IIntegrationEventConsumer<CaseOverdue>,
    IIntegrationEventConsumer<CaseRated>,
    IIntegrationEventConsumer<CaseClosed>,
    IIntegrationEventConsumer<CaseReviewRequested>
{
    public async Task HandleAsync(CaseAssigned integrationEvent, CancellationToken cancellationToken)
    {
        var petition = await store.PetitionAsync(integrationEvent.PetitionId, null, cancellationToken);
        await store.ApplyAsync(FactAccumulator.Assigned(integrationEvent, petition), cancellationToken);
    }

    public async Task HandleAsync(SupervisionOrderIssued integrationEvent, CancellationToken cancellationToken)
    {
        var petition = await store.PetitionAsync(integrationEvent.PetitionId, null, cancellationToken);
        await store.ApplyAsync(FactAccumulator.SupervisionOrderIssued(integrationEvent, petition), cancellationToken);
    }

    public Task HandleAsync(CaseReplied integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(integrationEvent, FactAccumulator.Replied, cancellationToken);

    public Task HandleAsync(CaseOverdue integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(integrationEvent, FactAccumulator.Overdue, cancellationToken);

    public async Task HandleAsync(CaseRated integrationEvent, CancellationToken cancellationToken)
    {
        var petition = await store.PetitionAsync(integrationEvent.PetitionId, null, cancellationToken);
        await store.ApplyAsync(FactAccumulator.Rated(integrationEvent, petition), cancellationToken);
    }

    public Task HandleAsync(CaseClosed integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(integrationEvent, FactAccumulator.Closed, cancellationToken);

    public Task HandleAsync(CaseReviewRequested integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(integrationEvent, FactAccumulator.ReviewRequested, cancellationToken);

    private async Task ApplyAsync<TEvent>(
        TEvent integrationEvent, Func<TEvent, PetitionFacts, CaseFacts, (IReadOnlyList<FactDelta> Deltas, CaseFacts State)> accumulate, CancellationToken cancellationToken)
        where TEvent : CaseEvent
    {
        var petition = await store.PetitionAsync(integrationEvent.PetitionId, null, cancellationToken);
        var before = await store.CaseAsync(integrationEvent.CaseId, cancellationToken);
        var (deltas, after) = accumulate(integrationEvent, petition, before);
        if (deltas.Count == 0)
        {
            return;
        }

        await store.ApplyAsync(deltas, cancellationToken);
        await store.SaveCaseAsync(after, cancellationToken);
    }
}
