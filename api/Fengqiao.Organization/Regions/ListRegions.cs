using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Regions;

/// <summary>
/// Every region of the caller's jurisdiction in path order: the client builds the tree by parent id. Retired villages
/// are left out, so that pickers offer only places new work may name, unless an administrator's view asks for them.
/// </summary>
internal sealed record ListRegions(bool IncludeRetired) : IQuery<RegionList>;

internal sealed class ListRegionsHandler(IDbSession session, ICurrentUser user) : IQueryHandler<ListRegions, RegionList>
{
    public async ValueTask<RegionList> Handle(ListRegions query, CancellationToken cancellationToken) =>
        new(await session.QueryInJurisdictionAsync<RegionItem>(user, RegionSql.ListInJurisdiction, new { query.IncludeRetired }, cancellationToken));
}

internal static class ListRegionsEndpoint
{
    public static void Map(IEndpointRouteBuilder regions) =>
        regions.MapGet("/", Handle)
            .WithName("ListRegions")
            .WithDescription("Every region of the caller's jurisdiction (city, districts, towns, villages and communities) as a flat list in path order; the client builds the tree by parent id. Retired villages are left out so that pickers offer only places new work may name, unless `includeRetired=true`.")
            .WithSummary("The region tree of the caller's jurisdiction, as a flat list in path order. Retired villages only with includeRetired=true.")
            .RequireSignedIn();

    private static async Task<Ok<RegionList>> Handle(bool? includeRetired, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListRegions(includeRetired ?? false), cancellationToken));
}
