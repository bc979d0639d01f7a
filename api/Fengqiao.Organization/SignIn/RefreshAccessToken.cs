using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.SignIn;

/// <summary>
/// Trades a refresh token for new tokens. Each refresh token works once; presenting a used one again
/// means it was stolen or replayed, so its whole family is revoked.
/// </summary>
internal sealed record RefreshAccessToken(string RefreshToken) : ICommand<SignInOutcome>;

internal sealed class RefreshAccessTokenValidator : AbstractValidator<RefreshAccessToken>
{
    public RefreshAccessTokenValidator()
    {
        RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
    }
}

internal sealed class RefreshAccessTokenHandler(IDbSession session, TokenIssuer issuer, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RefreshAccessToken, SignInOutcome>
{
    public async ValueTask<SignInOutcome> Handle(RefreshAccessToken command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stored = await session.QuerySingleOrDefaultAsync<RefreshTokenRow>(
            SignInSql.RefreshTokenByHash, new { TokenHash = TokenIssuer.HashRefreshToken(command.RefreshToken) }, cancellationToken);
        if (stored is null)
        {
            return SignInOutcome.Failed(SignInFailure.InvalidCredentials);
        }

        if (stored.RevokedAt is not null)
        {
            await RevokeFamilyAsync(stored, now, cancellationToken);
            audit.Record(new AuditEntry("refresh_token.reused", "user", stored.UserId) { ActorUserId = stored.UserId });
            return SignInOutcome.Failed(SignInFailure.InvalidCredentials);
        }

        var account = await session.QuerySingleOrDefaultAsync<SignInAccount>(SignInSql.AccountById, new { Id = stored.UserId }, cancellationToken);
        if (stored.ExpiresAt <= now || account is null || account.IsDisabled)
        {
            await RevokeFamilyAsync(stored, now, cancellationToken);
            return SignInOutcome.Failed(SignInFailure.InvalidCredentials);
        }

        var (tokens, newId) = await issuer.IssueAsync(session, account, stored.FamilyId, cancellationToken);
        await session.ExecuteAsync(SignInSql.RotateRefreshToken, new { stored.Id, Now = now, ReplacedById = newId }, cancellationToken);
        audit.Record(new AuditEntry("refresh_token.rotated", "user", account.Id) { ActorUserId = account.Id, ActorUnitId = account.UnitId });
        return SignInOutcome.Success(tokens);
    }

    /// <summary>Ends the family's refresh tokens and, through the stamp, the access tokens issued with them.</summary>
    private async Task RevokeFamilyAsync(RefreshTokenRow stored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(SignInSql.RevokeFamily, new { stored.FamilyId, Now = now }, cancellationToken);
        await SecurityStampChanges.ChangeAsync(session, stored.UserId, cancellationToken);
    }
}

internal static class RefreshAccessTokenEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapPost("/refresh", Handle)
            .WithName("RefreshToken")
            .WithDescription("Trades a refresh token for a new access token and refresh token. Each refresh token works once: presenting a used one again is taken as theft or replay and revokes its whole family, so the client must store the new one every time. 401 for an unknown, expired, used or revoked token, or a disabled user.")
            .WithSummary("Exchanges a refresh token (single use) for a new access token and refresh token.")
            .AsSignInEndpoint();

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Handle(
        RefreshAccessToken request, ISender sender, ISecurityStamps stamps, CancellationToken cancellationToken)
    {
        var outcome = await sender.Send(request, cancellationToken);
        if (outcome.Tokens is null)
        {
            // A refused refresh may have revoked a family, and with it the user's access tokens: this instance sees it now.
            await stamps.RefreshAsync(cancellationToken);
        }

        return outcome.ToHttpResult();
    }
}
