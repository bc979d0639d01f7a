using System.Security.Claims;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Organization.SignIn;

/// <summary>
/// A token from a configured external OpenID Connect issuer carries no unit or roles of ours. The local
/// account with the same user name supplies them; without an enabled local account the caller gets none,
/// so role policies refuse and jurisdiction filters show nothing.
/// </summary>
internal sealed class ExternalIdentityClaims(IServiceScopeFactory scopes, TokenSettings settings, IConfiguration configuration) : IClaimsTransformation
{
    private readonly string _userNameClaim = configuration["Auth:Oidc:UserNameClaim"] ?? "preferred_username";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var issuer = principal.FindFirstValue("iss");
        if (issuer is null || issuer == settings.Issuer || principal.HasClaim(c => c.Type == FengqiaoClaims.Unit))
        {
            return principal;
        }

        var userName = principal.FindFirstValue(_userNameClaim)?.Trim().ToLowerInvariant();
        var claims = new List<Claim> { new("iss", issuer) };
        if (!string.IsNullOrEmpty(userName))
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
            var account = await session.QuerySingleOrDefaultAsync<SignInAccount>(SignInSql.AccountByUserName, new { UserName = userName }, CancellationToken.None);
            if (account is { IsDisabled: false })
            {
                var roles = await session.QueryAsync<string>(SignInSql.RolesOf, new { UserId = account.Id }, CancellationToken.None);
                claims.Add(new Claim(FengqiaoClaims.Subject, account.Id.ToString()));
                claims.Add(new Claim(FengqiaoClaims.Name, account.UserName));
                claims.Add(new Claim(FengqiaoClaims.Unit, account.UnitId.ToString()));
                claims.Add(new Claim(FengqiaoClaims.RegionPath, account.RegionPath));
                claims.AddRange(roles.Select(r => new Claim(FengqiaoClaims.Role, RoleNames.Of(Enum.Parse<Role>(r)))));
            }
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc", FengqiaoClaims.Name, FengqiaoClaims.Role));
    }
}
