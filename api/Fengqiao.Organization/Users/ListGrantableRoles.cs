using Fengqiao.BuildingBlocks.Auth;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Users;

/// <summary>The roles the caller may grant to a new user of a unit in its jurisdiction (see <see cref="RoleGrants"/>).</summary>
internal sealed record ListGrantableRoles(Guid UnitId) : IQuery<GrantableRoles>;

internal sealed record GrantableRoles(IReadOnlyList<Role> Roles);

internal sealed class ListGrantableRolesHandler(RoleGrants grants) : IQueryHandler<ListGrantableRoles, GrantableRoles>
{
    public async ValueTask<GrantableRoles> Handle(ListGrantableRoles query, CancellationToken cancellationToken) =>
        new(await grants.GrantableAsync(query.UnitId, null, cancellationToken));
}

internal static class ListGrantableRolesEndpoint
{
    public static void Map(IEndpointRouteBuilder users) =>
        users.MapGet("/grantable-roles", Handle)
            .WithName("ListGrantableRoles")
            .WithDescription("The roles the administrator may grant to a new user of the given unit: those the administrator's level may grant that the unit's kind can hold. The user form offers exactly these. 404 for a unit outside the caller's jurisdiction.")
            .WithSummary("The roles the caller may grant to a new user of the unit: those its level may grant that the unit's kind can hold. 404 for a unit outside the caller's jurisdiction.")
            .RequireCapability(Capability.ManageUsers)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<GrantableRoles>> Handle(Guid unitId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListGrantableRoles(unitId), cancellationToken));
}
