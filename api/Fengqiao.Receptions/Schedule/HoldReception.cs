using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Receptions;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Schedule;

/// <summary>Marks a scheduled reception as held, on its day or after; its batches are recorded from then on. Needs If-Match.</summary>
internal sealed record HoldReception : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid ReceptionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class HoldReceptionHandler(IDbSession session, ReceptionStore store, IAuditLog audit, IEventPublisher events, TimeProvider clock)
    : ICommandHandler<HoldReception, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(HoldReception command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.ReceptionId, command.ExpectedVersion, ReceptionAction.Hold, cancellationToken);
        if (before.Day > store.Today)
        {
            throw new ConflictException("not_yet", $"The reception is scheduled for {before.Day:yyyy-MM-dd}; it is held on its day or recorded after it.");
        }

        var now = clock.GetUtcNow();
        await session.ExecuteVersionedAsync(ReceptionSql.Hold, new { before.Id, Now = now, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("reception.held", "reception", before.Id,
            new { before.Status, before.Version }, new { Status = ReceptionStatus.Held, Version = before.Version + 1 }));
        events.Publish(new ReceptionHeld(Guid.CreateVersion7(now), now, before.Id, before.Kind.ToSnakeCase(), before.Level.ToSnakeCase(), before.HostUserId, before.UnitId,
            before.RegionPath, before.Day));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class HoldReceptionEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapPost("/{id:guid}/holding", Handle)
            .WithName("HoldReception")
            .WithDescription("Marks a scheduled reception as held, on its day or after; from then on its batches can be recorded. If-Match carries the ETag read. 409 `not_yet` before its day, `invalid_state` when it is not scheduled.")
            .ProducesETag()
            .WithSummary("Marks a scheduled reception as held, on its day or after; needs If-Match.")
            .RequireRoles(ReceptionActions.RolesFor(ReceptionAction.Hold))
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(new HoldReception { ReceptionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
