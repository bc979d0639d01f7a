using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Users;

internal sealed record GetUser(Guid Id) : IQuery<UserDetails>;

/// <summary>A user as an administrator edits it: with the roles the caller may grant or revoke on it.</summary>
internal sealed record UserDetails
{
    public required Guid Id { get; init; }

    public required string UserName { get; init; }

    public required string DisplayName { get; init; }

    public required Guid UnitId { get; init; }

    public required string UnitName { get; init; }

    public required IReadOnlyList<Role> Roles { get; init; }

    public required bool IsDisabled { get; init; }

    public required long Version { get; init; }

    /// <summary>Roles the caller may add or remove; the user's other roles stay as they are. Empty for the caller's own account.</summary>
    public required IReadOnlyList<Role> GrantableRoles { get; init; }
}

internal sealed class GetUserHandler(UserStore store, RoleGrants grants) : IQueryHandler<GetUser, UserDetails>
{
    public async ValueTask<UserDetails> Handle(GetUser query, CancellationToken cancellationToken)
    {
        var user = await store.GetAsync(query.Id, cancellationToken);
        return new UserDetails
        {
            Id = user.Id,
            UserName = user.UserName,
            DisplayName = user.DisplayName,
            UnitId = user.UnitId,
            UnitName = user.UnitName,
            Roles = user.Roles,
            IsDisabled = user.IsDisabled,
            Version = user.Version,
            GrantableRoles = await grants.GrantableAsync(user.UnitId, user.Id, cancellationToken),
        };
    }
}

internal static class GetUserEndpoint
{
    public static void Map(IEndpointRouteBuilder users) =>
        users.MapGet("/{id:guid}", Handle)
            .WithName("GetUser")
            .WithDescription("One user of the administrator's jurisdiction as the edit form needs it: profile, unit, roles, whether disabled, its ETag for updates, and the roles the caller may grant or revoke on it (none on the caller's own account). 404 outside the jurisdiction.")
            .ProducesETag()
            .WithSummary("A user, with its version as ETag for later updates and the roles the caller may grant or revoke on it.")
            .RequireCapability(Capability.ManageUsers)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<UserDetails>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var user = await sender.Send(new GetUser(id), cancellationToken);
        Versioning.SetETag(context, user.Version);
        return TypedResults.Ok(user);
    }
}
