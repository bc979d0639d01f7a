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

namespace Fengqiao.Mediation.Mediators;

/// <summary>Retires a mediator: they keep their name on past work but take no new disputes or sessions. Needs If-Match.</summary>
internal sealed record RetireMediator(Guid RoomId, Guid MediatorId, long ExpectedVersion) : ICommand<EntityVersion>;

internal sealed class RetireMediatorHandler(IDbSession session, MediatorStore mediators, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RetireMediator, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RetireMediator command, CancellationToken cancellationToken)
    {
        var before = await mediators.GetForChangeAsync(command.RoomId, command.MediatorId, command.ExpectedVersion, cancellationToken);
        if (before.IsRetired)
        {
            throw new ConflictException("mediator_retired", "The mediator is retired already.");
        }

        await session.ExecuteVersionedAsync(MediatorSql.Retire, new { before.Id, Now = clock.GetUtcNow(), command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("mediation.mediator_retired", "mediation_mediator", before.Id, new { IsRetired = false, before.Version }, new { IsRetired = true, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class RetireMediatorEndpoint
{
    public static void Map(IEndpointRouteBuilder rooms) =>
        rooms.MapPost("/{id:guid}/mediators/{mediatorId:guid}/retirement", Handle)
            .WithName("RetireMediator")
            .WithDescription("Retires a mediator of a room: they keep their name on past disputes and sessions but take no new ones. If-Match carries the ETag from the room. 409 when the mediator is retired already.")
            .ProducesETag()
            .WithSummary("Retires a mediator of a room; they keep their name on past work. Needs If-Match.")
            .RequireCapability(Capability.ManageMediationRooms)
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, Guid mediatorId, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var retired = await sender.Send(new RetireMediator(id, mediatorId, Versioning.RequiredIfMatch(context)), cancellationToken);
        Versioning.SetETag(context, retired.Version);
        return TypedResults.Ok(retired);
    }
}
