using Fengqiao.BuildingBlocks.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fengqiao.Organization.SignIn;

internal enum SignInFailure
{
    InvalidCredentials,
    LockedOut,
}

/// <summary>
/// Sign-in results are returned, not thrown: a failed attempt must still commit its failure count.
/// </summary>
internal sealed record SignInOutcome(TokenResponse? Tokens, SignInFailure? Failure, string? LockoutDetail = null)
{
    public static SignInOutcome Success(TokenResponse tokens) => new(tokens, null);

    public static SignInOutcome Failed(SignInFailure failure, string? lockoutDetail = null) => new(null, failure, lockoutDetail);

    public Results<Ok<TokenResponse>, ProblemHttpResult> ToHttpResult() =>
        Tokens is { } tokens
            ? TypedResults.Ok(tokens)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: Failure == SignInFailure.LockedOut ? "Account locked." : "Sign-in failed.",
                detail: Failure == SignInFailure.LockedOut ? LockoutDetail : "The user name or password is wrong.",
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = Failure == SignInFailure.LockedOut ? "locked_out" : "invalid_credentials",
                });
}

internal static class SignInEndpointConventions
{
    public static RouteHandlerBuilder AsSignInEndpoint(this RouteHandlerBuilder endpoint) =>
        endpoint
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Authentication)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
