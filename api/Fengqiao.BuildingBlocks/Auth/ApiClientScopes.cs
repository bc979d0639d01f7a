using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.BuildingBlocks.Auth;

/// <summary>
/// How a third party's API client authenticates: the key <c>&lt;client id&gt;.&lt;secret&gt;</c> in the <see cref="Header"/>
/// header, declared in the OpenAPI document as the <c>apiKey</c> security scheme. The principal it yields carries the client's
/// unit and region (its jurisdiction), the roles its scopes act as, its scopes and its rate limit.
/// </summary>
public static class ApiClientAuthentication
{
    public const string Scheme = "api-key";
    public const string Header = "X-Api-Key";

    /// <summary>Present only on a client's principal; the audit trail records its value as the actor kind.</summary>
    public const string ActorKindClaim = "actor_kind";
    public const string ClientActorKind = "client";
    public const string ScopeClaim = "scope";

    /// <summary>Requests per minute the client may send; the host's partitioned rate limiter reads it.</summary>
    public const string RateLimitClaim = "rate_limit";

    public static bool IsApiClient(this ClaimsPrincipal principal) =>
        principal.FindFirst(ActorKindClaim)?.Value == ClientActorKind;
}

/// <summary>A scope an API client may be granted: the module tag it opens, for reading or writing, and what it acts as.</summary>
/// <param name="Tag">The endpoints' module tag the scope opens; null when it opens only endpoints that declare it.</param>
/// <param name="Writes">Whether it opens the tag's changing methods (POST, PUT, PATCH, DELETE) rather than GET; null for both.</param>
/// <param name="Roles">The roles the client acts as, so every endpoint's role policy and jurisdiction filter apply unchanged.</param>
/// <param name="Capabilities">The capabilities it grants among those its roles hold; an endpoint requiring another is refused.</param>
public sealed record ApiScope(string Name, string? Tag, bool? Writes, Role[] Roles, Capability[] Capabilities);

/// <summary>
/// The scopes, as data. A client passes an endpoint only when (1) one of its scopes opens the endpoint's module tag for the
/// request's method, or the scope the endpoint declares; (2) the endpoint's required capability, if any, is one its scopes
/// grant; (3) the endpoint's role policy admits the roles its scopes act as; and (4) the endpoint's SQL finds the object in
/// the client's unit's jurisdiction. (1) and (2) are checked for every endpoint by <see cref="ApiClientScopeCheck"/>, so an
/// endpoint added later is closed to clients until a scope opens its tag.
/// </summary>
public static class ApiScopes
{
    public const string PetitionsRead = "petitions:read";
    public const string PetitionsWrite = "petitions:write";
    public const string CasesRead = "cases:read";
    public const string CasesWrite = "cases:write";
    public const string WebhooksManage = "webhooks:manage";

    public static IReadOnlyList<ApiScope> All { get; } =
    [
        new(PetitionsRead, "Intake", false, [Role.PetitionOfficer], []),
        new(PetitionsWrite, "Intake", true, [Role.PetitionOfficer], [Capability.RegisterPetition]),
        new(CasesRead, "Dispatch", false, [Role.PetitionOfficer], []),
        new(CasesWrite, "Dispatch", true, [Role.PetitionOfficer, Role.Handler], []),
        new(WebhooksManage, "Webhooks", null, [], []),
    ];

    private static readonly Dictionary<string, ApiScope> ByName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static bool IsKnown(string scope) => ByName.ContainsKey(scope);

    public static IReadOnlyList<Role> RolesOf(IEnumerable<string> scopes) =>
        scopes.Where(ByName.ContainsKey).SelectMany(s => ByName[s].Roles).Distinct().Order().ToList();

    /// <summary>Why the client may not call the endpoint, or null when its scopes open it.</summary>
    public static string? Refusal(Endpoint endpoint, string method, IReadOnlySet<string> scopes)
    {
        var writes = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method));
        var declared = endpoint.Metadata.GetMetadata<RequiredScope>()?.Scope;
        var tags = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>()?.Tags ?? [];
        var opening = declared is not null
            ? [ByName[declared]]
            : All.Where(s => s.Tag is not null && tags.Contains(s.Tag) && (s.Writes is null || s.Writes == writes)).ToList();
        if (opening.Count == 0)
        {
            return "No scope opens this operation to API clients.";
        }

        if (!opening.Any(s => scopes.Contains(s.Name)))
        {
            return $"The client lacks the scope {string.Join(" or ", opening.Select(s => s.Name))}.";
        }

        if (endpoint.Metadata.GetMetadata<RequiredCapability>() is { } required
            && !scopes.Where(ByName.ContainsKey).Any(s => ByName[s].Capabilities.Contains(required.Capability)))
        {
            return "The client's scopes do not grant this operation.";
        }

        return null;
    }

    /// <summary>Endpoints whose module no scope opens by tag (e.g. the hotline's work orders) name the scope they need.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        IsKnown(scope) ? builder.WithMetadata(new RequiredScope(scope)) : throw new ArgumentException($"Unknown scope {scope}.", nameof(scope));
}

/// <summary>Endpoint metadata: the scope an API client needs, set by <see cref="ApiScopes.RequireScope"/>.</summary>
public sealed record RequiredScope(string Scope);

/// <summary>Refuses (403) an API client's request to an endpoint its scopes do not open; people's requests pass untouched.</summary>
public static class ApiClientScopeCheck
{
    public static IApplicationBuilder UseApiClientScopes(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is not null && context.User.IsApiClient() && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
        {
            var scopes = context.User.FindAll(ApiClientAuthentication.ScopeClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            if (ApiScopes.Refusal(endpoint, context.Request.Method, scopes) is { } refusal)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Forbidden.", Detail = refusal, Type = "https://tools.ietf.org/html/rfc9110#section-15.5.4" },
                });
                return;
            }
        }

        await next(context);
    });
}
