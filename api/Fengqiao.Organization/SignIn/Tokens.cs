using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fengqiao.Organization.SignIn;

/// <summary>What sign-in and refresh return: a short-lived access token and a single-use refresh token.</summary>
internal sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);

internal sealed record SignInAccount
{
    public required Guid Id { get; init; }

    public required string UserName { get; init; }

    public required string DisplayName { get; init; }

    public required string PasswordHash { get; init; }

    public required bool IsDisabled { get; init; }

    public required long SecurityStamp { get; init; }

    public required Guid UnitId { get; init; }

    public required string RegionPath { get; init; }
}

internal sealed record RefreshTokenRow
{
    public required Guid Id { get; init; }

    public required Guid UserId { get; init; }

    public required Guid FamilyId { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>Issues access tokens and stores refresh tokens by SHA-256 hash only.</summary>
internal sealed class TokenIssuer(TokenSettings settings, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<(TokenResponse Tokens, Guid RefreshTokenId)> IssueAsync(IDbSession session, SignInAccount account, Guid refreshFamilyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var roles = await session.QueryAsync<string>(SignInSql.RolesOf, new { UserId = account.Id }, cancellationToken);
        var claims = new List<Claim>
        {
            new(FengqiaoClaims.Subject, account.Id.ToString()),
            new(FengqiaoClaims.Name, account.UserName),
            new(FengqiaoClaims.DisplayName, account.DisplayName),
            new(FengqiaoClaims.Unit, account.UnitId.ToString()),
            new(FengqiaoClaims.RegionPath, account.RegionPath),
            new(FengqiaoClaims.SecurityStamp, account.SecurityStamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(roles.Select(r => new Claim(FengqiaoClaims.Role, RoleNames.Of(Enum.Parse<Role>(r)))));

        var accessToken = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + settings.AccessTokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(settings.SigningKey, TokenSettings.Algorithm),
        });

        var refreshToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var refreshTokenId = Guid.CreateVersion7(now);
        await session.ExecuteAsync(
            SignInSql.InsertRefreshToken,
            new
            {
                Id = refreshTokenId,
                UserId = account.Id,
                FamilyId = refreshFamilyId,
                TokenHash = HashRefreshToken(refreshToken),
                Now = now,
                ExpiresAt = now + settings.RefreshTokenLifetime,
            },
            cancellationToken);

        return (new TokenResponse(accessToken, "Bearer", (int)settings.AccessTokenLifetime.TotalSeconds, refreshToken), refreshTokenId);
    }

    public static string HashRefreshToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
