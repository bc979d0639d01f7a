using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fengqiao.Integrations.ApiClients;

internal sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    /// <summary>The last-used time is written at most this often per client, so a busy client does not write on every request.</summary>
    public TimeSpan LastUsedInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Authenticates the <see cref="ApiClientAuthentication.Header"/> key: the client must exist and not be revoked, and the secret
/// must match one of its live secrets (the current one, or a previous one within its rotation overlap). The principal acts in
/// the client's unit and region with the roles its scopes act as; see <see cref="ApiScopes"/> for what it may then reach.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder, TimeProvider clock)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[ApiClientAuthentication.Header].ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeys.TryParse(header.Trim(), out var clientId, out var secret))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        var principal = await ApiKeyCredentials.AuthenticateAsync(Context, clientId, secret, Scheme.Name, Options.LastUsedInterval, clock);
        return principal is null
            ? AuthenticateResult.Fail("The API key is not valid.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}

/// <summary>
/// Checks a client's key and builds the principal it acts as. Shared by the header scheme and by facades whose own
/// specification carries the key elsewhere (Open311's <c>api_key</c> form field), so both accept and refuse alike.
/// </summary>
internal static class ApiKeyCredentials
{
    /// <summary>The client's principal, or null when the client is unknown or revoked or the secret is not one of its live ones.</summary>
    public static async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, Guid clientId, string secret, string scheme, TimeSpan lastUsedInterval, TimeProvider clock)
    {
        var session = context.RequestServices.GetRequiredService<IDbSession>();
        var cancellationToken = context.RequestAborted;
        var now = clock.GetUtcNow();
        var client = await session.QuerySingleOrDefaultAsync<ApiClientRow>(ApiClientSql.Credential, new { Id = clientId }, cancellationToken);
        if (client is null || client.RevokedAt is not null)
        {
            return null;
        }

        var hashes = await session.QueryAsync<string>(ApiClientSql.LiveSecretHashes, new { ClientId = clientId, Now = now }, cancellationToken);
        if (!ApiKeys.Matches(secret, hashes))
        {
            return null;
        }

        if (client.LastUsedAt is null || client.LastUsedAt < now - lastUsedInterval)
        {
            await context.RequestServices.GetRequiredService<UnitOfWork>().ExecuteAsync(
                async token => await session.ExecuteAsync(ApiClientSql.RecordUse, new { client.Id, Now = now, Before = now - lastUsedInterval }, token),
                cancellationToken);
        }

        return PrincipalOf(client, scheme);
    }

    private static ClaimsPrincipal PrincipalOf(ApiClientRow client, string scheme)
    {
        var scopes = client.ScopeList;
        var claims = new List<Claim>
        {
            new(FengqiaoClaims.Subject, client.Id.ToString()),
            new(FengqiaoClaims.Name, client.Name),
            new(FengqiaoClaims.DisplayName, client.Name),
            new(FengqiaoClaims.Unit, client.UnitId.ToString()),
            new(FengqiaoClaims.RegionPath, client.RegionPath),
            new(ApiClientAuthentication.ActorKindClaim, ApiClientAuthentication.ClientActorKind),
            new(ApiClientAuthentication.RateLimitClaim, client.RateLimitPerMinute.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(scopes.Select(scope => new Claim(ApiClientAuthentication.ScopeClaim, scope)));
        claims.AddRange(ApiScopes.RolesOf(scopes).Select(role => new Claim(FengqiaoClaims.Role, RoleNames.Of(role))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, FengqiaoClaims.Name, FengqiaoClaims.Role));
    }
}
