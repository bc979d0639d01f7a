using System.Security.Claims;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Organization.SignIn;

/// <summary>
/// A token from a configured external OpenID Connect issuer carries no unit or roles of ours. The local
/// account with the same user name supplies them, read on every request, so disabling it or changing its roles
/// takes effect at once. Without an enabled local account the caller is not signed in at all (401).
/// </summary>
internal sealed class ExternalIdentityClaims(IServiceScopeFactory scopes, TokenSettings settings, IConfiguration configuration) : IClaimsTransformation
{
    private const string MappedAuthenticationType = "oidc-local-account";

    /// <summary>An identity without an authentication type is not authenticated: the endpoints' policies answer 401.</summary>
    private static ClaimsPrincipal NotSignedIn => new(new ClaimsIdentity());

    private readonly string _userNameClaim = configuration["Auth:Oidc:UserNameClaim"] ?? "preferred_username";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var issuer = principal.FindFirstValue("iss");
        // Authentication may run more than once per request: an identity mapped already is left as it is.
        if (issuer is null || issuer == settings.Issuer || principal.Identity?.AuthenticationType == MappedAuthenticationType)
        {
            return principal;
        }

        var userName = principal.FindFirstValue(_userNameClaim)?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(userName))
        {
            return NotSignedIn;
        }

        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
        var account = await session.QuerySingleOrDefaultAsync<SignInAccount>(SignInSql.AccountByUserName, new { UserName = userName }, CancellationToken.None);
        if (account is not { IsDisabled: false })
        {
            return NotSignedIn;
        }

        var roles = await session.QueryAsync<string>(SignInSql.RolesOf, new { UserId = account.Id }, CancellationToken.None);
        var claims = new List<Claim>
        {
            new("iss", issuer),
            new(FengqiaoClaims.Subject, account.Id.ToString()),
            new(FengqiaoClaims.Name, account.UserName),
            new(FengqiaoClaims.Unit, account.UnitId.ToString()),
            new(FengqiaoClaims.RegionPath, account.RegionPath),
        };
        claims.AddRange(roles.Select(r => new Claim(FengqiaoClaims.Role, RoleNames.Of(Enum.Parse<Role>(r)))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, MappedAuthenticationType, FengqiaoClaims.Name, FengqiaoClaims.Role));
    }
}
