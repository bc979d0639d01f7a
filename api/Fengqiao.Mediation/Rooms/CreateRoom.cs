using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Rooms;

/// <summary>Registers a brand room, an industry committee or a people's mediation committee in a region of the caller's jurisdiction.</summary>
internal sealed record CreateRoom(
    string Name,
    MediationRoomKind Kind,
    Guid RegionId,
    string Address,
    string OpeningHours,
    string? Intro,
    IReadOnlyList<string> Specialties) : ICommand<EntityVersion>, IRoomFields;

internal sealed class CreateRoomValidator : RoomFieldsValidator<CreateRoom>;

internal sealed class CreateRoomHandler(IDbSession session, ICurrentUser caller, RoomStore store, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateRoom, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(CreateRoom command, CancellationToken cancellationToken)
    {
        var region = await store.RegionAsync(command.RegionId, nameof(CreateRoom.RegionId), null, cancellationToken);
        await store.RequireKnownTypesAsync(command.Specialties, nameof(CreateRoom.Specialties), cancellationToken);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await session.ExecuteAsync(RoomSql.InsertRoom, new
        {
            Id = id,
            Name = command.Name.Trim(),
            Kind = command.Kind.ToString(),
            RegionId = region.Id,
            RegionPath = region.Path,
            RegionName = region.Name,
            Address = command.Address.Trim(),
            OpeningHours = command.OpeningHours.Trim(),
            Intro = string.IsNullOrWhiteSpace(command.Intro) ? null : command.Intro.Trim(),
            CreatedBy = caller.UserId,
            CreatedAt = now,
        }, cancellationToken);
        await store.ReplaceSpecialtiesAsync(id, command.Specialties, cancellationToken);
        audit.Record(new AuditEntry("mediation.room_created", "mediation_room", id, After: new { command.Name, command.Kind, RegionId = region.Id, command.Specialties }));
        return new EntityVersion(id, 1);
    }
}

internal static class CreateRoomEndpoint
{
    public static void Map(IEndpointRouteBuilder rooms) =>
        rooms.MapPost("/", Handle)
            .WithName("CreateMediationRoom")
            .WithDescription("Registers a brand mediation room, an industry committee or a people's mediation committee in a region of the caller's jurisdiction, with its address, opening hours, introduction and specialties. 400 names the field, a region outside the jurisdiction among them.")
            .ProducesETag()
            .WithSummary("Registers a brand room, an industry committee or a people's mediation committee in the caller's jurisdiction.")
            .RequireCapability(Capability.ManageMediationRooms)
            .WithIdempotency()
            .ProducesValidationProblem();

    private static async Task<Created<EntityVersion>> Handle(CreateRoom request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/mediation/rooms/{created.Id}", created);
    }
}
