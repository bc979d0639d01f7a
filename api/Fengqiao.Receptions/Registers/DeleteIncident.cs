using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Registers;

/// <summary>
/// Deletes an incident registered by mistake; needs If-Match. Proposals already recorded and visits already planned keep the
/// reasons they had; later proposals no longer see it.
/// </summary>
internal sealed record DeleteIncident(Guid IncidentId, long ExpectedVersion) : ICommand<bool>;

internal sealed class DeleteIncidentHandler(IDbSession session, RegisterEntries entries, IAuditLog audit) : ICommandHandler<DeleteIncident, bool>
{
    public async ValueTask<bool> Handle(DeleteIncident command, CancellationToken cancellationToken)
    {
        var before = await entries.IncidentForChangeAsync(command.IncidentId, command.ExpectedVersion, cancellationToken);
        await session.ExecuteVersionedAsync(RegisterSql.DeleteIncident, new { Id = before.Id, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("reception.incident_deleted", "reception_incident", before.Id, new { before.RegionId, before.Day, before.Description, before.Version }));
        return true;
    }
}

internal static class DeleteIncidentEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapDelete("/incidents/{id:guid}", Handle)
            .WithName("DeleteMustVisitIncident")
            .WithDescription("Deletes an emergency registered by mistake; If-Match carries the ETag from the register. Proposals already recorded and visits already planned keep the reasons they had; later proposals no longer see it.")
            .WithSummary("Deletes an emergency registered by mistake (the petition bureau); needs If-Match.")
            .RequireCapability(Capability.ManageReceptionRegisters)
            .ProducesVersionedChangeProblems();

    private static async Task<NoContent> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteIncident(id, Versioning.RequiredIfMatch(context)), cancellationToken);
        return TypedResults.NoContent();
    }
}
