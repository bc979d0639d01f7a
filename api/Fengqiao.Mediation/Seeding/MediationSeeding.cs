using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Organization;
using Fengqiao.Mediation.Mediators;
using Fengqiao.Mediation.Rooms;

namespace Fengqiao.Mediation.Seeding;

/// <summary>A seeded mediator; <see cref="UserId"/> links a demo mediator account.</summary>
public sealed record SeedMediator(string Name, string Specialty, RegionSnapshot Region, Guid? UserId, string? UserDisplayName);

/// <summary>A seeded room or committee with its specialties (dispute type codes) and mediators.</summary>
public sealed record SeedRoom(
    string Name,
    MediationRoomKind Kind,
    RegionSnapshot Region,
    string Address,
    string OpeningHours,
    string Intro,
    IReadOnlyList<string> Specialties,
    IReadOnlyList<SeedMediator> Mediators);

/// <summary>The mediation module's one seam for demo data: stores rooms and their mediators with this module's statements in one unit of work.</summary>
public sealed class MediationSeeding(IDbSession session, UnitOfWork unitOfWork, TimeProvider clock)
{
    public async Task<bool> AnyRoomAsync(CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(MediationSeedingSql.AnyRoom, null, cancellationToken) > 0;

    /// <summary>The dispute type codes the seeded rooms and mediators may name.</summary>
    public async Task<IReadOnlyList<string>> DisputeTypeCodesAsync(CancellationToken cancellationToken) =>
        (await session.QueryAsync<DisputeType>(RoomSql.DisputeTypes, null, cancellationToken)).Select(t => t.Code).ToList();

    public async Task LoadRoomsAsync(IReadOnlyList<SeedRoom> rooms, CancellationToken cancellationToken) =>
        await unitOfWork.ExecuteAsync(async token =>
        {
            var now = clock.GetUtcNow();
            foreach (var room in rooms)
            {
                var roomId = Guid.CreateVersion7(now);
                await session.ExecuteAsync(RoomSql.InsertRoom, new
                {
                    Id = roomId,
                    room.Name,
                    Kind = room.Kind.ToString(),
                    RegionId = room.Region.Id,
                    RegionPath = room.Region.Path,
                    RegionName = room.Region.Name,
                    room.Address,
                    room.OpeningHours,
                    room.Intro,
                    CreatedBy = (Guid?)null,
                    CreatedAt = now,
                }, token);
                foreach (var specialty in room.Specialties)
                {
                    await session.ExecuteAsync(RoomSql.InsertSpecialty, new { RoomId = roomId, DisputeType = specialty }, token);
                }

                foreach (var mediator in room.Mediators)
                {
                    await session.ExecuteAsync(MediatorSql.Insert, new
                    {
                        Id = Guid.CreateVersion7(now),
                        RoomId = roomId,
                        mediator.Name,
                        mediator.Specialty,
                        RegionId = mediator.Region.Id,
                        RegionPath = mediator.Region.Path,
                        RegionName = mediator.Region.Name,
                        mediator.UserId,
                        mediator.UserDisplayName,
                        AddedAt = now,
                    }, token);
                }
            }

            return true;
        }, cancellationToken);
}

internal static class MediationSeedingSql
{
    public const string AnyRoom = "SELECT COUNT(*) FROM mediation_rooms";
}
