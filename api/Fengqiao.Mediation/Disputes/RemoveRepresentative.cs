using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Disputes;

/// <summary>Removes a representative of an open dispute, e.g. when a side revokes the mandate; needs If-Match on the dispute.</summary>
internal sealed record RemoveDisputeRepresentative(Guid DisputeId, Guid RepresentativeId, long ExpectedVersion) : ICommand<EntityVersion>;

internal sealed class RemoveDisputeRepresentativeHandler(IDbSession session, DisputeStore store, IAuditLog audit)
    : ICommandHandler<RemoveDisputeRepresentative, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RemoveDisputeRepresentative command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.DisputeId, command.ExpectedVersion, cancellationToken);
        var representative = await session.QuerySingleOrDefaultAsync<DisputeRepresentativeView>(DisputeSql.RepresentativeById,
            new { DisputeId = before.Id, Id = command.RepresentativeId }, cancellationToken) ?? throw new NotFoundException("Representative");
        RepresentativeLimits.RequireOpen(before);
        await session.ExecuteAsync(DisputeSql.DeleteRepresentative, new { DisputeId = before.Id, Id = representative.Id }, cancellationToken);
        await session.ExecuteVersionedAsync(DisputeSql.Touch, new { before.Id, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("mediation.representative_removed", "mediation_dispute", before.Id,
            new { RepresentativeId = representative.Id, representative.Side, representative.Role, representative.Name, representative.PhoneMasked, before.Version },
            new { Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class RemoveDisputeRepresentativeEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapDelete("/{id:guid}/representatives/{representativeId:guid}", Handle)
            .WithName("RemoveDisputeRepresentative")
            .WithDescription("Removes a representative of an open dispute, e.g. when the side revokes the mandate. If-Match carries the dispute's ETag; the answer is the dispute's new version. 404 when the dispute or the representative does not exist or lies outside the caller's jurisdiction; 409 `dispute_action_not_allowed` when the dispute has ended.")
            .ProducesETag()
            .WithSummary("Removes a representative of an open dispute; needs If-Match.")
            .RequireCapability(Capability.MediateDisputes)
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, Guid representativeId, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(new RemoveDisputeRepresentative(id, representativeId, Versioning.RequiredIfMatch(context)), cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
