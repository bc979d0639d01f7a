using System.Text.Json.Serialization;
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
internal sealed record IssueToken(string UserName, string Password) : ICommand<SignInOutcome>
{
    /// <summary>Where the attempt came from (see <see cref="Lockout.ClientKey"/>): wrong passwords are counted per name and address.</summary>
    [JsonIgnore]
    public string ClientAddress { get; init; } = "local";
}

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
        var attempt = new { UserName = command.UserName.Trim().ToLowerInvariant(), command.ClientAddress };
        var streak = await session.QuerySingleOrDefaultAsync<SignInFailures>(SignInSql.FailuresOf(session.Dialect), attempt, cancellationToken);
        var account = await session.QuerySingleOrDefaultAsync<SignInAccount>(SignInSql.AccountByUserName, attempt, cancellationToken);

        // Known and unknown names alike: the same answer, and neither checks a password while locked.
        if (Lockout.IsLockedOut(streak, now))
        {
            audit.Record(new AuditEntry("sign_in.locked_out", "user", account?.Id) { ActorUserId = account?.Id, ActorUnitId = account?.UnitId });
            return SignInOutcome.Failed(SignInFailure.LockedOut);
        }

        // An unknown name is checked against a decoy hash, so it takes as long as a known one.
        var passwordMatches = passwords.Verify(account?.PasswordHash, command.Password);
        if (account is null || !passwordMatches || account.IsDisabled)
        {
            var lockedOut = !passwordMatches && await RecordFailureAsync(attempt.UserName, command.ClientAddress, streak, now, cancellationToken);
            var action = account is null ? "sign_in.unknown_user" : account.IsDisabled ? "sign_in.disabled" : "sign_in.failed";
            audit.Record(new AuditEntry(action, "user", account?.Id) { ActorUserId = account?.Id, ActorUnitId = account?.UnitId });
            return SignInOutcome.Failed(lockedOut ? SignInFailure.LockedOut : SignInFailure.InvalidCredentials);
        }

        if (streak is not null)
        {
            await session.ExecuteAsync(SignInSql.ClearFailures, attempt, cancellationToken);
        }

        var (tokens, _) = await issuer.IssueAsync(session, account, Guid.CreateVersion7(now), cancellationToken);
        audit.Record(new AuditEntry("sign_in.succeeded", "user", account.Id) { ActorUserId = account.Id, ActorUnitId = account.UnitId });
        return SignInOutcome.Success(tokens);
    }

    /// <summary>Counts one more wrong password for the name and address; true when that locks them.</summary>
    private async Task<bool> RecordFailureAsync(string userName, string clientAddress, SignInFailures? streak, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (failures, lockoutEnd) = Lockout.AfterFailure(Lockout.FailuresSoFar(streak, now), now);
        await session.ExecuteAsync(
            streak is null ? SignInSql.InsertFailures : SignInSql.UpdateFailures,
            new { UserName = userName, ClientAddress = clientAddress, Failures = failures, Now = now, LockoutEnd = lockoutEnd },
            cancellationToken);
        await session.ExecuteAsync(SignInSql.DeleteExpiredFailures, new { ExpiredBefore = now - Lockout.Duration, Now = now }, cancellationToken);
        return lockoutEnd is not null;
    }
}

internal static class IssueTokenEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapPost("/token", Handle)
            .WithName("IssueToken")
            .WithDescription("Signs a local account in. The answer holds a short-lived JWT access token for the Authorization header and a single-use refresh token. A wrong name or password answers 401 without saying which was wrong; repeated wrong passwords for a name from one address lock it for some minutes (401 with `code: locked_out`), and too many attempts from one address answer 429.")
            .WithSummary("Signs in with user name and password; returns an access token and a refresh token.")
            .AsSignInEndpoint();

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Handle(
        IssueToken request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(request with { ClientAddress = Lockout.ClientKey(context.Connection.RemoteIpAddress) }, cancellationToken)).ToHttpResult();
}
