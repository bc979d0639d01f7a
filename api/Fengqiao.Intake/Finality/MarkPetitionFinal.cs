using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Intake.Petitions;

namespace Fengqiao.Intake.Finality;

/// <summary>Records that a petition's matter is final, so registration flags new petitions on it and points to the decision.</summary>
internal sealed class MarkPetitionFinal(IDbSession session) : IIntegrationEventConsumer<CaseFinal>
{
    public Task HandleAsync(CaseFinal integrationEvent, CancellationToken cancellationToken) =>
        session.ExecuteAsync(PetitionSql.MarkFinal, new { integrationEvent.PetitionId, FinalAt = integrationEvent.OccurredAt }, cancellationToken);
}
