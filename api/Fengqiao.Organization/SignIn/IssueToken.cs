using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Organization.Users;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.SignIn;

/// <summary>Signs a local account in with user name and password.</summary>
internal sealed record IssueToken(string UserName, string Password) : ICommand<SignInOutcome>;

internal sealed class IssueTokenValidator : AbstractValidator<IssueToken>
{
    public IssueTokenValidator()
    {
        RuleFor(c => c.UserName).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(128);
    }
}

internal sealed class IssueTokenHandler(IDbSession session, UserPasswords passwords, TokenIssuer issuer, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<IssueToken, SignInOutcome>
{
    public async ValueTask<SignInOutcome> Handle(IssueToken command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var account = await session.QuerySingleOrDefaultAsync<SignInAccount>(
            SignInSql.AccountByUserName, new { UserName = command.UserName.Trim().ToLowerInvariant() }, cancellationToken);

        if (account is not null && Lockout.IsLockedOut(account.LockoutEnd, now))
        {
            audit.Record(new AuditEntry("sign_in.locked_out", "user", account.Id) { ActorUserId = account.Id, ActorUnitId = account.UnitId });
            return SignInOutcome.Failed(SignInFailure.LockedOut);
        }

        var passwordMatches = passwords.Verify(account?.PasswordHash, command.Password);
        if (account is null)
        {
            audit.Record(new AuditEntry("sign_in.unknown_user", "user", null));
            return SignInOutcome.Failed(SignInFailure.InvalidCredentials);
        }

        if (!passwordMatches || account.IsDisabled)
        {
            var (failures, lockoutEnd) = passwordMatches ? (account.FailedSignIns, account.LockoutEnd) : Lockout.AfterFailure(account.FailedSignIns, now);
            await session.ExecuteAsync(SignInSql.RecordFailure, new { account.Id, Failures = failures, LockoutEnd = lockoutEnd }, cancellationToken);
            audit.Record(new AuditEntry(account.IsDisabled ? "sign_in.disabled" : "sign_in.failed", "user", account.Id) { ActorUserId = account.Id, ActorUnitId = account.UnitId });
            return SignInOutcome.Failed(lockoutEnd is null ? SignInFailure.InvalidCredentials : SignInFailure.LockedOut);
        }

        await session.ExecuteAsync(SignInSql.RecordSuccess, new { account.Id }, cancellationToken);
        var (tokens, _) = await issuer.IssueAsync(session, account, Guid.CreateVersion7(now), cancellationToken);
        audit.Record(new AuditEntry("sign_in.succeeded", "user", account.Id) { ActorUserId = account.Id, ActorUnitId = account.UnitId });
        return SignInOutcome.Success(tokens);
    }
}

internal static class IssueTokenEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapPost("/token", Handle)
            .WithName("IssueToken")
            .WithSummary("Signs in with user name and password; returns an access token and a refresh token.")
            .AsSignInEndpoint();

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Handle(IssueToken request, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(request, cancellationToken)).ToHttpResult();
}
