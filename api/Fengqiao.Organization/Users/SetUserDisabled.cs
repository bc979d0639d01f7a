using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Organization;
using Fengqiao.Organization.SignIn;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Users;

/// <summary>Disables a user (ending their sessions and access tokens) or enables them again; needs If-Match.</summary>
internal sealed record SetUserDisabled(Guid UserId, bool Disabled, long ExpectedVersion) : ICommand<EntityVersion>;

internal sealed class SetUserDisabledHandler(
    IDbSession session,
    ICurrentUser caller,
    UserStore store,
    RoleGrants grants,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock) : ICommandHandler<SetUserDisabled, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(SetUserDisabled command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.UserId, command.ExpectedVersion, cancellationToken);
        if (command.Disabled && command.UserId == caller.UserId)
        {
            throw new ConflictException("cannot_disable_self", "You cannot disable your own account.");
        }

        await grants.CheckManageAsync(command.UserId, before.UnitId, before.Roles, cancellationToken);

        var now = clock.GetUtcNow();
        await store.UpdateVersionedAsync(
            UserSql.SetDisabled,
            new { Id = command.UserId, IsDisabled = command.Disabled, command.ExpectedVersion, Now = now },
            command.ExpectedVersion,
            cancellationToken);
        if (command.Disabled)
        {
            await session.ExecuteAsync(UserSql.RevokeRefreshTokens, new { command.UserId, Now = now }, cancellationToken);
            await SecurityStampChanges.ChangeAsync(session, command.UserId, cancellationToken);
        }

        var after = await store.GetAsync(command.UserId, cancellationToken);
        audit.Record(new AuditEntry(command.Disabled ? "user.disabled" : "user.enabled", "user", command.UserId, before, after));
        events.Publish(new UserChanged(Guid.CreateVersion7(now), now, after.Id, after.DisplayName, after.Roles.Select(RoleNames.Of).ToList(), after.IsDisabled));
        return new EntityVersion(after.Id, after.Version);
    }
}

internal static class SetUserDisabledEndpoints
{
    public static void Map(IEndpointRouteBuilder users)
    {
        Configure(users.MapPost("/{id:guid}/disable", (Guid id, ISender sender, ISecurityStamps stamps, HttpContext context, CancellationToken ct) => Handle(id, true, sender, stamps, context, ct)))
            .WithName("DisableUser")
            .WithSummary("Disables a user: they can no longer sign in, and their sessions and access tokens end.")
            .WithDescription("Disables a staff account; If-Match carries the ETag read. The user's refresh tokens and access tokens stop working at once, and sign-in is refused until an administrator enables the account again. 409 for the caller's own account; 404 outside the jurisdiction.");
        Configure(users.MapPost("/{id:guid}/enable", (Guid id, ISender sender, ISecurityStamps stamps, HttpContext context, CancellationToken ct) => Handle(id, false, sender, stamps, context, ct)))
            .WithName("EnableUser")
            .WithSummary("Enables a disabled user again, so they can sign in.")
            .WithDescription("Enables a disabled staff account; If-Match carries the ETag read. The user signs in afresh with their password. 404 outside the administrator's jurisdiction.");
    }

    private static RouteHandlerBuilder Configure(RouteHandlerBuilder endpoint) =>
        endpoint
            .ProducesETag()
            .RequireCapability(Capability.ManageUsers)
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, bool disabled, ISender sender, ISecurityStamps stamps, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(new SetUserDisabled(id, disabled, Versioning.RequiredIfMatch(context)), cancellationToken);
        await stamps.RefreshAsync(cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
