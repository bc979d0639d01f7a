using System.Globalization;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Intake.Petitions;

namespace Fengqiao.Intake.Mediation;

/// <summary>
/// Shows on a referred petition's timeline, to the petitioner as well, how its mediation ended: the agreement reached, the
/// failure or a side's refusal with the guidance the parties were given, or the withdrawal; and once a return visit finds the agreement performed, that the petition is
/// resolved by it.
/// </summary>
internal sealed class RecordMediationOutcome(Timeline timeline)
    : IIntegrationEventConsumer<MediationAgreementReached>, IIntegrationEventConsumer<MediationFailed>, IIntegrationEventConsumer<AgreementPerformanceRecorded>,
        IIntegrationEventConsumer<DisputeNotMediated>, IIntegrationEventConsumer<DisputeWithdrawn>
{
    /// <summary>The only performance that resolves the petition; partial or no performance leaves it to further visits.</summary>
    private const string Performed = "performed";

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

    public Task HandleAsync(AgreementPerformanceRecorded integrationEvent, CancellationToken cancellationToken) =>
        integrationEvent is { PetitionId: { } petitionId, Performance: Performed }
            ? timeline.AddAsync(petitionId, TimelineKind.MediationPerformed, isPublic: true,
                string.Create(CultureInfo.InvariantCulture, $"调解纠纷 {integrationEvent.Number} 的调解协议经 {integrationEvent.VisitedOn:yyyy-MM-dd} 回访已履行，信访事项已化解。"),
                integrationEvent.RoomName, null, cancellationToken)
            : Task.CompletedTask;

    public Task HandleAsync(DisputeNotMediated integrationEvent, CancellationToken cancellationToken) =>
        integrationEvent.PetitionId is { } petitionId
            ? timeline.AddAsync(petitionId, TimelineKind.MediationRefused, isPublic: true,
                $"调解纠纷 {integrationEvent.Number} 因{(integrationEvent.RefusedBy == "applicant" ? "申请人" : "被申请人")}不同意调解而终止。{integrationEvent.Guidance}",
                integrationEvent.RoomName, null, cancellationToken)
            : Task.CompletedTask;

    public Task HandleAsync(DisputeWithdrawn integrationEvent, CancellationToken cancellationToken) =>
        integrationEvent.PetitionId is { } petitionId
            ? timeline.AddAsync(petitionId, TimelineKind.MediationWithdrawn, isPublic: true,
                $"调解纠纷 {integrationEvent.Number} 已撤回调解申请：{integrationEvent.Reason}", integrationEvent.RoomName, null, cancellationToken)
            : Task.CompletedTask;
}
