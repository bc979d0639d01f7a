using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Organization.Regions;
using Fengqiao.Organization.Units;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Me;

internal sealed record MyUnit(Guid Id, string Name, UnitKind Kind);

internal sealed record MyJurisdiction(Guid RegionId, string Name, RegionLevel Level, string Path);

/// <param name="Capabilities">The pages and features the caller may use, from the table the endpoints' role policies use.</param>
internal sealed record MeResponse(
    Guid Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<Capability> Capabilities,
    MyUnit Unit,
    MyJurisdiction Jurisdiction);

/// <summary>The signed-in user's profile, unit, jurisdiction (the region subtree of the unit) and capabilities.</summary>
internal sealed record GetMe : IQuery<MeResponse>;

internal sealed record MeRow
{
    public required Guid Id { get; init; }

    public required string UserName { get; init; }

    public required string DisplayName { get; init; }

    public required Guid UnitId { get; init; }

    public required string UnitName { get; init; }

    public required UnitKind UnitKind { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required RegionLevel RegionLevel { get; init; }

    public required string RegionPath { get; init; }
}

internal static class MeSql
{
    public const string Get = """
        SELECT u.id AS Id, u.user_name AS UserName, u.display_name AS DisplayName,
               n.id AS UnitId, n.name AS UnitName, n.kind AS UnitKind,
               r.id AS RegionId, r.name AS RegionName, r.level AS RegionLevel, r.path AS RegionPath
        FROM org_users u
        JOIN org_units n ON n.id = u.unit_id
        JOIN org_regions r ON r.id = n.region_id
        WHERE u.id = @Id AND u.is_disabled = 0
        """;

    public const string Roles = "SELECT role FROM org_user_roles WHERE user_id = @Id";
}

internal sealed class GetMeHandler(IDbSession session, ICurrentUser caller) : IQueryHandler<GetMe, MeResponse>
{
    public async ValueTask<MeResponse> Handle(GetMe query, CancellationToken cancellationToken)
    {
        var id = caller.UserId ?? throw new NotFoundException("User");
        var row = await session.QuerySingleOrDefaultAsync<MeRow>(MeSql.Get, new { Id = id }, cancellationToken)
            ?? throw new NotFoundException("User");
        var roles = await session.QueryAsync<string>(MeSql.Roles, new { Id = id }, cancellationToken);
        return new MeResponse(
            row.Id,
            row.UserName,
            row.DisplayName,
            roles.Select(Enum.Parse<Role>).Order().ToList(),

            // From the token's roles, as the endpoints judge them; a change of roles moves the security stamp, which ends the token.
            Capabilities.Of(caller),
            new MyUnit(row.UnitId, row.UnitName, row.UnitKind),
            new MyJurisdiction(row.RegionId, row.RegionName, row.RegionLevel, row.RegionPath));
    }
}

internal static class GetMeEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me", Handle)
            .WithName("GetMe")
            .WithDescription("The signed-in user: profile, unit, roles, jurisdiction (the region subtree of their unit) and capabilities, the pages and features their roles open. The SPA builds its menu and routes from `capabilities`; the server enforces the same table on every endpoint.")
            .WithSummary("The signed-in user: profile, roles, capabilities, unit and jurisdiction.")
            .RequireSignedIn();

    private static async Task<Ok<MeResponse>> Handle(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetMe(), cancellationToken));
}
