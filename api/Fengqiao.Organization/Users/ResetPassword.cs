using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Organization.SignIn;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Users;

/// <summary>An admin sets a new password: the lockouts of the name are lifted and existing sessions and access tokens end.</summary>
internal sealed record ResetPassword(string NewPassword) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid UserId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(c => c.NewPassword).StrongPassword();
    }
}

internal sealed class ResetPasswordHandler(IDbSession session, UserStore store, RoleGrants grants, UserPasswords passwords, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<ResetPassword, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.UserId, command.ExpectedVersion, cancellationToken);
        await grants.CheckManageAsync(command.UserId, before.UnitId, before.Roles, cancellationToken);
        var now = clock.GetUtcNow();
        await store.UpdateVersionedAsync(
            UserSql.SetPassword,
            new { Id = command.UserId, PasswordHash = passwords.Hash(command.NewPassword), command.ExpectedVersion, Now = now },
            command.ExpectedVersion,
            cancellationToken);
        await session.ExecuteAsync(UserSql.RevokeRefreshTokens, new { command.UserId, Now = now }, cancellationToken);
        await session.ExecuteAsync(UserSql.ClearSignInFailures, new { before.UserName }, cancellationToken);
        await session.ExecuteAsync(UserSql.ClearSignInNameFailures, new { before.UserName }, cancellationToken);
        await SecurityStampChanges.ChangeAsync(session, command.UserId, cancellationToken);

        var after = await store.GetAsync(command.UserId, cancellationToken);
        audit.Record(new AuditEntry("user.password_reset", "user", command.UserId, before, after));
        return new EntityVersion(after.Id, after.Version);
    }
}

internal static class ResetPasswordEndpoint
{
    public static void Map(IEndpointRouteBuilder users) =>
        users.MapPost("/{id:guid}/reset-password", Handle)
            .WithName("ResetUserPassword")
            .WithSummary("Sets a new password for a user, ending their sessions and lifting lockouts.")
            .WithDescription("An administrator sets a new password for a user of their jurisdiction, for example when the user forgot theirs; If-Match carries the ETag read. Lockouts of the user name are lifted and the user's existing sessions and access tokens end. 400 when the password does not meet the password policy.")
            .ProducesETag()
            .RequireCapability(Capability.ManageUsers)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static async Task<Ok<EntityVersion>> Handle(
        Guid id, ResetPassword request, ISender sender, ISecurityStamps stamps, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { UserId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        await stamps.RefreshAsync(cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
