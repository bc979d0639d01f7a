using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Mediation.Rooms;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Mediators;

/// <summary>Adds a mediator to a room: their name, specialty and region (within the room's), and their account if they sign in.</summary>
internal sealed record AddMediator(string Name, string Specialty, Guid RegionId, Guid? UserId) : ICommand<EntityVersion>, IMediatorFields
{
    [JsonIgnore]
    public Guid RoomId { get; init; }
}

internal sealed class AddMediatorValidator : MediatorFieldsValidator<AddMediator>;

internal sealed class AddMediatorHandler(IDbSession session, RoomStore rooms, MediatorStore mediators, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<AddMediator, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(AddMediator command, CancellationToken cancellationToken)
    {
        var room = await rooms.GetAsync(command.RoomId, cancellationToken);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var values = await mediators.CheckAsync(room, command, id, cancellationToken);
        await session.ExecuteAsync(MediatorSql.Insert, new
        {
            Id = id,
            RoomId = room.Id,
            values.Name,
            values.Specialty,
            RegionId = values.Region.Id,
            RegionPath = values.Region.Path,
            RegionName = values.Region.Name,
            values.UserId,
            values.UserDisplayName,
            AddedAt = now,
        }, cancellationToken);
        audit.Record(new AuditEntry("mediation.mediator_added", "mediation_mediator", id, After: new { RoomId = room.Id, values.Name, values.Specialty, RegionId = values.Region.Id, values.UserId }));
        return new EntityVersion(id, 1);
    }
}

internal static class AddMediatorEndpoint
{
    public static void Map(IEndpointRouteBuilder rooms) =>
        rooms.MapPost("/{id:guid}/mediators", Handle)
            .WithName("AddMediator")
            .WithDescription("Adds a mediator to a room: name, specialty, the region they serve (within the room's) and, if they sign in, their user account, which must hold the mediator role. 404 for a room outside the jurisdiction; 400 names the field.")
            .ProducesETag()
            .WithSummary("Adds a mediator to a room, with their account (role mediator) if they sign in.")
            .RequireCapability(Capability.ManageMediationRooms)
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Created<EntityVersion>> Handle(Guid id, AddMediator request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request with { RoomId = id }, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/mediation/rooms/{id}", created);
    }
}
