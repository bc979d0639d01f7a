using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using Fengqiao.Mediation.Mediators;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Rooms;

/// <param name="Specialties">Dispute type codes.</param>
/// <param name="Mediators">The serving mediators, by name.</param>
/// <param name="OpenDisputes">Disputes registered or accepted, not yet ended.</param>
/// <param name="SessionsThisMonth">Sessions starting in the current calendar month (Asia/Shanghai).</param>
internal sealed record MediationRoomListItem(
    Guid Id,
    string Name,
    MediationRoomKind Kind,
    Guid RegionId,
    string RegionName,
    string Address,
    string OpeningHours,
    IReadOnlyList<string> Specialties,
    IReadOnlyList<MediatorView> Mediators,
    int OpenDisputes,
    int SessionsThisMonth,
    long Version);

internal sealed record RoomCount
{
    public required Guid RoomId { get; init; }

    public required long Count { get; init; }
}

internal sealed record RoomCursor(string P, string N, Guid I);

/// <summary>The rooms and committees of the caller's jurisdiction, optionally of one region's subtree and one kind.</summary>
internal sealed record ListRooms(Guid? RegionId, MediationRoomKind? Kind, string? Cursor, int? Limit) : IQuery<Page<MediationRoomListItem>>;

internal sealed class ListRoomsValidator : AbstractValidator<ListRooms>
{
    public ListRoomsValidator() => RuleFor(q => q.Limit).ValidLimit();
}

internal sealed class ListRoomsHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory, RoomStore store, TimeProvider clock)
    : IQueryHandler<ListRooms, Page<MediationRoomListItem>>
{
    public async ValueTask<Page<MediationRoomListItem>> Handle(ListRooms query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? BuildingBlocks.Http.Cursor.DefaultLimit;
        var after = BuildingBlocks.Http.Cursor.Decode<RoomCursor>(query.Cursor);
        var regionPrefix = "%";
        if (query.RegionId is { } regionId)
        {
            // An unknown region matches no path, so the list is empty rather than the whole jurisdiction.
            regionPrefix = await directory.FindRegionAsync(regionId, cancellationToken) is { } region ? region.Path + "%" : "\u0000";
        }

        var rows = await session.QueryInJurisdictionAsync<RoomRow>(
            caller,
            RoomSql.List(session.Dialect)[after is null ? "first" : "after"],
            new { RegionPrefix = regionPrefix, Kind = query.Kind?.ToString(), Limit = limit + 1, AfterPath = after?.P, AfterName = after?.N, AfterId = after?.I },
            cancellationToken);
        var page = BuildingBlocks.Http.Cursor.ToPage(rows, limit, r => new RoomCursor(r.RegionPath, r.Name, r.Id));
        var ids = page.Items.Select(r => r.Id).ToList();
        var specialties = await store.SpecialtiesOfAsync(ids, cancellationToken);
        var mediators = ids.Count == 0
            ? Array.Empty<MediatorRow>().ToLookup(m => m.RoomId)
            : (await session.QueryAsync<MediatorRow>(MediatorSql.OfRooms, new { RoomIds = RoomStore.IdTexts(ids) }, cancellationToken)).Where(m => !m.IsRetired).ToLookup(m => m.RoomId);
        var (open, sessions) = await CountsAsync(ids, cancellationToken);
        var items = page.Items.Select(r => new MediationRoomListItem(r.Id, r.Name, r.Kind, r.RegionId, r.RegionName, r.Address, r.OpeningHours,
            specialties[r.Id].ToList(), mediators[r.Id].Select(m => m.ToView()).ToList(), (int)open.GetValueOrDefault(r.Id), (int)sessions.GetValueOrDefault(r.Id),
            r.Version)).ToList();
        return new Page<MediationRoomListItem>(items, page.NextCursor);
    }

    private async Task<(Dictionary<Guid, long> Open, Dictionary<Guid, long> Sessions)> CountsAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return ([], []);
        }

        var today = WorkCalendar.LocalDate(clock.GetUtcNow());
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var roomIds = RoomStore.IdTexts(ids);
        var open = await session.QueryAsync<RoomCount>(RoomSql.OpenDisputesOf, new { RoomIds = roomIds }, cancellationToken);
        var sessions = await session.QueryAsync<RoomCount>(RoomSql.SessionsOf,
            new { RoomIds = roomIds, From = WorkCalendar.StartOfLocalDay(monthStart), To = WorkCalendar.StartOfLocalDay(monthStart.AddMonths(1)) }, cancellationToken);
        return (open.ToDictionary(c => c.RoomId, c => c.Count), sessions.ToDictionary(c => c.RoomId, c => c.Count));
    }
}

internal static class ListRoomsEndpoint
{
    public static void Map(IEndpointRouteBuilder rooms) =>
        rooms.MapGet("/", Handle)
            .WithName("ListMediationRooms")
            .WithDescription("The mediation rooms and committees of the caller's jurisdiction (brand rooms, industry committees, people's mediation committees) by region and name, optionally of one region's subtree and one kind, with their specialties, mediators, open disputes and sessions this month.")
            .WithSummary("The mediation rooms and committees of the caller's jurisdiction by region and name, optionally of a region and a kind.")
            .RequireCapability(Capability.ViewMediation)
            .ProducesValidationProblem();

    private static async Task<Ok<Page<MediationRoomListItem>>> Handle(
        Guid? regionId, [QueryEnum(typeof(MediationRoomKind))] string? kind, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListRooms(regionId, QueryEnum.Parse<MediationRoomKind>(kind, nameof(kind)), cursor, limit), cancellationToken));
}

/// <summary>The dispute types rooms, mediators and disputes name, in their order.</summary>
internal sealed record ListDisputeTypes : IQuery<IReadOnlyList<DisputeType>>;

internal sealed class ListDisputeTypesHandler(RoomStore store) : IQueryHandler<ListDisputeTypes, IReadOnlyList<DisputeType>>
{
    public async ValueTask<IReadOnlyList<DisputeType>> Handle(ListDisputeTypes query, CancellationToken cancellationToken) =>
        await store.DisputeTypesAsync(cancellationToken);
}

internal static class ListDisputeTypesEndpoint
{
    public static void Map(IEndpointRouteBuilder mediation) =>
        mediation.MapGet("/dispute-types", Handle)
            .WithName("ListDisputeTypes")
            .WithDescription("The dispute types mediation works with (medical, road traffic, property management, labour, marriage and family, neighbourhood, ...), in display order: the values of rooms' specialties, mediators' specialty and disputes' type.")
            .WithSummary("The dispute types mediation works with: rooms' specialties, mediators' specialty, disputes' type.")
            .RequireCapability(Capability.ViewMediation);

    private static async Task<Ok<IReadOnlyList<DisputeType>>> Handle(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListDisputeTypes(), cancellationToken));
}
