using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Mediation.Mediators;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Rooms;

/// <param name="Specialties">Dispute type codes.</param>
/// <param name="Mediators">Serving mediators first, then retired ones, each by name.</param>
internal sealed record MediationRoomDetail(
    Guid Id,
    string Name,
    MediationRoomKind Kind,
    Guid RegionId,
    string RegionName,
    string Address,
    string OpeningHours,
    string? Intro,
    IReadOnlyList<string> Specialties,
    IReadOnlyList<MediatorView> Mediators,
    long Version);

internal sealed record GetRoom(Guid Id) : IQuery<MediationRoomDetail>;

internal sealed class GetRoomHandler(IDbSession session, RoomStore store) : IQueryHandler<GetRoom, MediationRoomDetail>
{
    public async ValueTask<MediationRoomDetail> Handle(GetRoom query, CancellationToken cancellationToken)
    {
        var room = await store.GetAsync(query.Id, cancellationToken);
        var specialties = await store.SpecialtiesOfAsync([room.Id], cancellationToken);
        var mediators = await session.QueryAsync<MediatorRow>(MediatorSql.OfRooms, new { RoomIds = RoomStore.IdTexts([room.Id]) }, cancellationToken);
        return new MediationRoomDetail(room.Id, room.Name, room.Kind, room.RegionId, room.RegionName, room.Address, room.OpeningHours, room.Intro,
            specialties[room.Id].ToList(), mediators.Select(m => m.ToView()).ToList(), room.Version);
    }
}

internal static class GetRoomEndpoint
{
    public static void Map(IEndpointRouteBuilder rooms) =>
        rooms.MapGet("/{id:guid}", Handle)
            .WithName("GetMediationRoom")
            .WithDescription("One room or committee of the caller's jurisdiction with its specialties and mediators, serving and retired, and the ETag for changing it. 404 when it does not exist or lies outside the caller's jurisdiction.")
            .ProducesETag()
            .WithSummary("A mediation room or committee with its specialties and mediators, serving and retired.")
            .RequireCapability(Capability.ViewMediation)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<MediationRoomDetail>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var room = await sender.Send(new GetRoom(id), cancellationToken);
        Versioning.SetETag(context, room.Version);
        return TypedResults.Ok(room);
    }
}
