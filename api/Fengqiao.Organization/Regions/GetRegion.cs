using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Regions;

internal sealed record GetRegion(Guid Id) : IQuery<RegionItem>;

internal sealed class GetRegionHandler(IDbSession session, ICurrentUser user) : IQueryHandler<GetRegion, RegionItem>
{
    public async ValueTask<RegionItem> Handle(GetRegion query, CancellationToken cancellationToken) =>
        await session.QuerySingleInJurisdictionAsync<RegionItem>(user, RegionSql.GetInJurisdiction, new { query.Id }, cancellationToken)
            ?? throw new NotFoundException("Region");
}

internal static class GetRegionEndpoint
{
    public static void Map(IEndpointRouteBuilder regions) =>
        regions.MapGet("/{id:guid}", Handle)
            .WithName("GetRegion")
            .WithSummary("A region of the caller's jurisdiction, with its ETag for renaming or retiring it.")
            .WithDescription("One region (city, district, town, village or community) of the caller's jurisdiction: code, name, level, parent and whether it is retired. The ETag is what rename and retire take in If-Match. 404 when it does not exist or lies outside the caller's jurisdiction.")
            .ProducesETag()
            .RequireSignedIn()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<RegionItem>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var region = await sender.Send(new GetRegion(id), cancellationToken);
        Versioning.SetETag(context, region.Version);
        return TypedResults.Ok(region);
    }
}
