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

internal sealed class IssueTokenHandler(
    IDbSession session, UserPasswords passwords, TokenIssuer issuer, Lockout lockout, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<IssueToken, SignInOutcome>
{
    public async ValueTask<SignInOutcome> Handle(IssueToken command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attempt = new { UserName = command.UserName.Trim().ToLowerInvariant(), command.ClientAddress };
        var streak = await session.QuerySingleOrDefaultAsync<SignInFailures>(SignInSql.FailuresOf(session.Dialect), attempt, cancellationToken);
        var nameStreak = await session.QuerySingleOrDefaultAsync<SignInFailures>(SignInSql.NameFailuresOf(session.Dialect), attempt, cancellationToken);
        var account = await session.QuerySingleOrDefaultAsync<SignInAccount>(SignInSql.AccountByUserName, attempt, cancellationToken);

        // Known and unknown names alike: the same answer, and neither checks a password while locked or delayed.
        if (Lockout.IsLockedOut(streak, now) || Lockout.IsLockedOut(nameStreak, now))
        {
            audit.Record(new AuditEntry("sign_in.locked_out", "user", account?.Id) { ActorUserId = account?.Id, ActorUnitId = account?.UnitId });
            return Locked(addressLocked: Lockout.IsLockedOut(streak, now));
        }

        // An unknown name is checked against a decoy hash, so it takes as long as a known one.
        var passwordMatches = passwords.Verify(account?.PasswordHash, command.Password);
        if (account is null || !passwordMatches || account.IsDisabled)
        {
            var (addressLocked, nameDelayed) = passwordMatches
                ? (false, false)
                : await RecordFailureAsync(attempt.UserName, command.ClientAddress, streak, nameStreak, now, cancellationToken);
            var action = account is null ? "sign_in.unknown_user" : account.IsDisabled ? "sign_in.disabled" : "sign_in.failed";
            audit.Record(new AuditEntry(action, "user", account?.Id) { ActorUserId = account?.Id, ActorUnitId = account?.UnitId });
            return addressLocked || nameDelayed ? Locked(addressLocked) : SignInOutcome.Failed(SignInFailure.InvalidCredentials);
        }

        if (streak is not null)
        {
            await session.ExecuteAsync(SignInSql.ClearFailures, attempt, cancellationToken);
        }

        // The user proved the password: their own earlier typos no longer count towards the name's delay.
        if (nameStreak is not null)
        {
            await session.ExecuteAsync(SignInSql.ClearNameFailures, attempt, cancellationToken);
        }

        var (tokens, _) = await issuer.IssueAsync(session, account, Guid.CreateVersion7(now), cancellationToken);
        audit.Record(new AuditEntry("sign_in.succeeded", "user", account.Id) { ActorUserId = account.Id, ActorUnitId = account.UnitId });
        return SignInOutcome.Success(tokens);
    }

    private SignInOutcome Locked(bool addressLocked) => SignInOutcome.Failed(
        SignInFailure.LockedOut,
        addressLocked
            ? $"Too many wrong passwords: try again in {Math.Ceiling(lockout.AddressLockout.TotalMinutes):0} minutes."
            : "Too many wrong passwords for this user name: try again later.");

    /// <summary>Counts one more wrong password for the name and address and for the name; says whether that locks or delays it.</summary>
    private async Task<(bool AddressLocked, bool NameDelayed)> RecordFailureAsync(
        string userName, string clientAddress, SignInFailures? streak, SignInFailures? nameStreak, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (failures, lockoutEnd) = lockout.AfterAddressFailure(lockout.AddressFailuresSoFar(streak, now), now);
        await session.ExecuteAsync(
            streak is null ? SignInSql.InsertFailures : SignInSql.UpdateFailures,
            new { UserName = userName, ClientAddress = clientAddress, Failures = failures, Now = now, LockoutEnd = lockoutEnd },
            cancellationToken);
        var (nameFailures, delayUntil) = lockout.AfterNameFailure(lockout.NameFailuresSoFar(nameStreak, now), now);
        await session.ExecuteAsync(
            nameStreak is null ? SignInSql.InsertNameFailures : SignInSql.UpdateNameFailures,
            new { UserName = userName, Failures = nameFailures, Now = now, DelayUntil = delayUntil },
            cancellationToken);
        await session.ExecuteAsync(SignInSql.DeleteExpiredFailures, new { ExpiredBefore = now - lockout.AddressLockout, Now = now }, cancellationToken);
        await session.ExecuteAsync(SignInSql.DeleteExpiredNameFailures, new { ExpiredBefore = now - lockout.NameWindow, Now = now }, cancellationToken);
        return (lockoutEnd is not null, delayUntil is not null);
    }
}

internal static class IssueTokenEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapPost("/token", Handle)
            .WithName("IssueToken")
            .WithDescription("Signs a local account in. The answer holds a short-lived JWT access token for the Authorization header and a single-use refresh token. A wrong name or password answers 401 without saying which was wrong; repeated wrong passwords for a name from one address lock it for that address for some minutes, and many more for a name from all addresses together delay every sign-in to it by a time that doubles with each further one (both 401 with `code: locked_out`, alike for names that do not exist); too many attempts from one address answer 429.")
            .WithSummary("Signs in with user name and password; returns an access token and a refresh token.")
            .AsSignInEndpoint();

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Handle(
        IssueToken request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(request with { ClientAddress = Lockout.ClientKey(context.Connection.RemoteIpAddress) }, cancellationToken)).ToHttpResult();
}
