using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fengqiao.BuildingBlocks.Auth;

public static class EndpointAuthorization
{
    /// <summary>Only callers holding one of these roles reach the endpoint; others get 403.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params Role[] roles)
        where TBuilder : IEndpointConventionBuilder
    {
        var names = roles.Select(RoleNames.Of).ToArray();
        return builder
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(names))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>Any signed-in caller reaches the endpoint; what they see is still limited by jurisdiction.</summary>
    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        return builder
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}

public static class RateLimitPolicies
{
    /// <summary>Sign-in, refresh and sign-out: limited per client address against password guessing.</summary>
    public const string Authentication = "authentication";

    /// <summary>The anonymous public surface (online petitions, tracking): limited per client address.</summary>
    public const string Public = "public";
}
