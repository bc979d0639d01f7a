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

    /// <summary>
    /// Only callers whose roles hold <paramref name="capability"/> reach the endpoint; others get 403. The roles come from
    /// <see cref="Capabilities"/>, the table <c>GET /me</c> answers from, and the endpoint carries the capability as metadata.
    /// </summary>
    public static TBuilder RequireCapability<TBuilder>(this TBuilder builder, Capability capability)
        where TBuilder : IEndpointConventionBuilder
    {
        return builder
            .RequireRoles(Capabilities.RolesOf(capability))
            .WithMetadata(new RequiredCapability(capability));
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

/// <summary>Endpoint metadata: the capability <see cref="EndpointAuthorization.RequireCapability"/> required.</summary>
public sealed record RequiredCapability(Capability Capability);

public static class RateLimitPolicies
{
    /// <summary>Sign-in, refresh and sign-out: limited per client address against password guessing.</summary>
    public const string Authentication = "authentication";

    /// <summary>The anonymous public surface (online petitions, tracking): limited per client address.</summary>
    public const string Public = "public";
}
