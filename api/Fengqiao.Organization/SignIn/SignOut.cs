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
/// Ends a session: the refresh token and every token rotated from the same sign-in stop working, and so do the user's
/// access tokens (the stamp is per user: the user's other sessions get new access tokens by refreshing).
/// </summary>
internal sealed record SignOut(string RefreshToken) : ICommand<bool>;

internal sealed class SignOutValidator : AbstractValidator<SignOut>
{
    public SignOutValidator()
    {
        RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
    }
}

internal sealed class SignOutHandler(IDbSession session, IAuditLog audit, TimeProvider clock) : ICommandHandler<SignOut, bool>
{
    public async ValueTask<bool> Handle(SignOut command, CancellationToken cancellationToken)
    {
        var stored = await session.QuerySingleOrDefaultAsync<RefreshTokenRow>(
            SignInSql.RefreshTokenByHash, new { TokenHash = TokenIssuer.HashRefreshToken(command.RefreshToken) }, cancellationToken);
        if (stored is null)
        {
            return false;
        }

        await session.ExecuteAsync(SignInSql.RevokeFamily, new { stored.FamilyId, Now = clock.GetUtcNow() }, cancellationToken);
        await SecurityStampChanges.ChangeAsync(session, stored.UserId, cancellationToken);
        audit.Record(new AuditEntry("sign_out", "user", stored.UserId) { ActorUserId = stored.UserId });
        return true;
    }
}

internal static class SignOutEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapPost("/logout", Handle)
            .WithName("SignOut")
            .WithDescription("Ends the session the refresh token belongs to: it and every token rotated from the same sign-in stop working, and the user's access tokens end too (their other sessions get new ones by refreshing). Answers 204 whether or not the token was known, so it reveals nothing.")
            .WithSummary("Revokes the refresh token's session. Answers 204 whether or not the token was known.")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Authentication)
            .ProducesValidationProblem();

    private static async Task<NoContent> Handle(SignOut request, ISender sender, ISecurityStamps stamps, CancellationToken cancellationToken)
    {
        if (await sender.Send(request, cancellationToken))
        {
            await stamps.RefreshAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
