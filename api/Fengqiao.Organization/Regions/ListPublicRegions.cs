using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Regions;

/// <summary>
/// The city, districts and towns (not villages) for the public online form: place names are public, and the
/// petitioner picks where the matter happened. Rate-limited like the rest of the public surface.
/// </summary>
internal sealed record ListPublicRegions : IQuery<RegionList>;

internal static class PublicRegionSql
{
    public const string CityDistrictsAndTowns = """
        SELECT id AS Id, code AS Code, name AS Name, level AS Level, parent_id AS ParentId, path AS Path, retired_at AS RetiredAt, version AS Version
        FROM org_regions
        WHERE level <> 'Village' AND retired_at IS NULL
        ORDER BY path
        """;
}

internal sealed class ListPublicRegionsHandler(IDbSession session) : IQueryHandler<ListPublicRegions, RegionList>
{
    public async ValueTask<RegionList> Handle(ListPublicRegions query, CancellationToken cancellationToken) =>
        new(await session.QueryAsync<RegionItem>(PublicRegionSql.CityDistrictsAndTowns, null, cancellationToken));
}

internal static class ListPublicRegionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/public/regions", Handle)
            .WithName("ListPublicRegions")
            .WithDescription("The city, its districts and towns (not villages), for the place picker of the public online petition form; place names are public. Rate-limited per client address like the rest of the public surface.")
            .WithSummary("City, districts and towns, for the public online petition form.")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Public)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Ok<RegionList>> Handle(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListPublicRegions(), cancellationToken));
}
