using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Units;

/// <summary>
/// Units of the caller's jurisdiction, optionally within one region's subtree and of one kind. Retired units are left
/// out, so that pickers offer only units new work may go to, unless an administrator's view asks for them.
/// </summary>
internal sealed record ListUnits(Guid? RegionId, UnitKind? Kind, bool IncludeRetired, string? Cursor, int? Limit) : IQuery<Page<UnitItem>>;

internal sealed class ListUnitsValidator : AbstractValidator<ListUnits>
{
    public ListUnitsValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
    }
}

internal sealed class ListUnitsHandler(IDbSession session, ICurrentUser user) : IQueryHandler<ListUnits, Page<UnitItem>>
{
    public async ValueTask<Page<UnitItem>> Handle(ListUnits query, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<UnitCursor>(query.Cursor);
        var regionPrefix = "%";
        if (query.RegionId is { } regionId)
        {
            var path = await session.QuerySingleInJurisdictionAsync<string>(user, UnitSql.RegionPathInJurisdiction, new { RegionId = regionId }, cancellationToken);
            if (path is null)
            {
                return new Page<UnitItem>([], null);
            }

            regionPrefix = path + "%";
        }

        var limit = query.Limit ?? Cursor.DefaultLimit;
        var rows = await session.QueryInJurisdictionAsync<UnitItem>(
            user,
            UnitSql.List(session.Dialect),
            new
            {
                RegionPrefix = regionPrefix,
                Kind = query.Kind?.ToString(),
                query.IncludeRetired,
                AfterPath = after?.RegionPath,
                AfterName = after?.Name,
                AfterId = after?.Id,
                Limit = limit + 1,
            },
            cancellationToken);
        return Cursor.ToPage(rows, limit, u => new UnitCursor(u.RegionPath, u.Name, u.Id));
    }
}

internal static class ListUnitsEndpoint
{
    public static void Map(IEndpointRouteBuilder units) =>
        units.MapGet("/", Handle)
            .WithName("ListUnits")
            .WithDescription("The units (government departments, town offices, village committees, ...) of the caller's jurisdiction, optionally within one region's subtree and of one kind. Retired units are left out so that pickers offer only units new work may go to, unless `includeRetired=true`.")
            .WithSummary("Units within the caller's jurisdiction; regionId narrows to that region's subtree. Retired units only with includeRetired=true.")
            .RequireSignedIn()
            .ProducesValidationProblem();

    private static async Task<Ok<Page<UnitItem>>> Handle(
        Guid? regionId,
        [QueryEnum(typeof(UnitKind))] string? kind,
        bool? includeRetired,
        string? cursor,
        int? limit,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListUnits(regionId, QueryEnum.Parse<UnitKind>(kind, nameof(kind)), includeRetired ?? false, cursor, limit), cancellationToken));
}
