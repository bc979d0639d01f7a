using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Organization;
using Fengqiao.Organization.SignIn;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Users;

/// <summary>
/// Changes a user's display name and roles; needs If-Match with the version read. Roles change only as
/// <see cref="RoleGrants"/> allows; a role change ends the user's access tokens.
/// </summary>
internal sealed record UpdateUser(string DisplayName, IReadOnlyList<Role> Roles) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid UserId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator()
    {
        RuleFor(c => c.DisplayName).ValidDisplayName();
        RuleFor(c => c.Roles).ValidRoles();
    }
}

internal sealed class UpdateUserHandler(IDbSession session, UserStore store, RoleGrants grants, IAuditLog audit, IEventPublisher events, TimeProvider clock)
    : ICommandHandler<UpdateUser, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(UpdateUser command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.UserId, command.ExpectedVersion, cancellationToken);
        await grants.CheckChangeAsync(command.UserId, before.UnitId, before.Roles, command.Roles, cancellationToken);
        await grants.CheckManageAsync(command.UserId, before.UnitId, before.Roles, cancellationToken);
        var roleChange = RoleChange.Between(before.Roles, command.Roles);
        var now = clock.GetUtcNow();
        await store.UpdateVersionedAsync(
            UserSql.UpdateDisplayName,
            new { Id = command.UserId, command.DisplayName, command.ExpectedVersion, Now = now },
            command.ExpectedVersion,
            cancellationToken);
        if (!roleChange.IsEmpty)
        {
            await store.ReplaceRolesAsync(command.UserId, command.Roles, cancellationToken);
            // Tokens carry roles: those issued before the change stop working, the next ones carry the new roles.
            await SecurityStampChanges.ChangeAsync(session, command.UserId, cancellationToken);
        }

        var after = await store.GetAsync(command.UserId, cancellationToken);
        audit.Record(new AuditEntry("user.updated", "user", command.UserId, before, after));
        roleChange.Record(audit, command.UserId, before.Roles, after.Roles);
        events.Publish(new UserChanged(Guid.CreateVersion7(now), now, after.Id, after.DisplayName, after.Roles.Select(RoleNames.Of).ToList(), after.IsDisabled));
        return new EntityVersion(after.Id, after.Version);
    }
}

internal static class UpdateUserEndpoint
{
    public static void Map(IEndpointRouteBuilder users) =>
        users.MapPut("/{id:guid}", Handle)
            .WithName("UpdateUser")
            .WithDescription("Changes a user's display name and roles; If-Match carries the ETag read. Nobody changes their own roles, and an administrator grants or revokes only the user's `grantableRoles` (403 otherwise). A role change ends the user's access tokens so that it takes effect at once.")
            .ProducesETag()
            .WithSummary("Changes a user's display name and roles. Nobody changes their own roles, an administrator grants or revokes only its user's grantableRoles and changes only users whose every role its level may grant: 403 otherwise, 400 on roles for a role the unit's kind cannot hold. A role change ends the user's access tokens.")
            .RequireCapability(Capability.ManageUsers)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static async Task<Ok<EntityVersion>> Handle(
        Guid id, UpdateUser request, ISender sender, ISecurityStamps stamps, HttpContext context, CancellationToken cancellationToken)
    {
        var updated = await sender.Send(request with { UserId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        await stamps.RefreshAsync(cancellationToken);
        Versioning.SetETag(context, updated.Version);
        return TypedResults.Ok(updated);
    }
}
