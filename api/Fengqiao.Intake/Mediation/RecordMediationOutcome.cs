using System.Globalization;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Intake.Petitions;

namespace Fengqiao.Intake.Mediation;

/// <summary>
/// Shows on a referred petition's timeline, to the petitioner as well, how its mediation ended: the agreement reached, or the
/// failure with the guidance the parties were given.
/// </summary>
internal sealed class RecordMediationOutcome(Timeline timeline) : IIntegrationEventConsumer<MediationAgreementReached>, IIntegrationEventConsumer<MediationFailed>
{
    public Task HandleAsync(MediationAgreementReached integrationEvent, CancellationToken cancellationToken) =>
        integrationEvent.PetitionId is { } petitionId
            ? timeline.AddAsync(petitionId, TimelineKind.MediationAgreed, isPublic: true,
                string.Create(CultureInfo.InvariantCulture, $"调解纠纷 {integrationEvent.Number} 达成调解协议，履行期限至 {integrationEvent.PerformanceDeadline:yyyy-MM-dd}。"), integrationEvent.RoomName, null, cancellationToken)
            : Task.CompletedTask;

    public Task HandleAsync(MediationFailed integrationEvent, CancellationToken cancellationToken) =>
        integrationEvent.PetitionId is { } petitionId
            ? timeline.AddAsync(petitionId, TimelineKind.MediationFailed, isPublic: true,
                $"调解纠纷 {integrationEvent.Number} 调解不成：{integrationEvent.Reason}。{integrationEvent.Guidance}", integrationEvent.RoomName, null, cancellationToken)
            : Task.CompletedTask;
}
