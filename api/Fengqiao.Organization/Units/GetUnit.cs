using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Units;

internal sealed record GetUnit(Guid Id) : IQuery<UnitItem>;

internal sealed class GetUnitHandler(IDbSession session, ICurrentUser user) : IQueryHandler<GetUnit, UnitItem>
{
    public async ValueTask<UnitItem> Handle(GetUnit query, CancellationToken cancellationToken) =>
        await session.QuerySingleInJurisdictionAsync<UnitItem>(user, UnitSql.GetInJurisdiction, new { query.Id }, cancellationToken)
            ?? throw new NotFoundException("Unit");
}

internal static class GetUnitEndpoint
{
    public static void Map(IEndpointRouteBuilder units) =>
        units.MapGet("/{id:guid}", Handle)
            .WithName("GetUnit")
            .WithSummary("A unit of the caller's jurisdiction, with its ETag for updating or retiring it.")
            .WithDescription("One unit of the caller's jurisdiction: name, kind, region, parent unit, contact details and whether it is retired. The ETag is what update and retire take in If-Match. 404 when it does not exist or lies outside the caller's jurisdiction.")
            .ProducesETag()
            .RequireSignedIn()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<UnitItem>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var unit = await sender.Send(new GetUnit(id), cancellationToken);
        Versioning.SetETag(context, unit.Version);
        return TypedResults.Ok(unit);
    }
}
