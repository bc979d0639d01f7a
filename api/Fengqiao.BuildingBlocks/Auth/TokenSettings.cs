using System.Security.Cryptography;
using Fengqiao.BuildingBlocks.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Fengqiao.BuildingBlocks.Auth;

/// <summary>
/// How this API signs and checks its own tokens. The HMAC key comes from <c>Auth:SigningKey</c> or is generated
/// once into the data folder, so no key is ever committed.
/// </summary>
public sealed class TokenSettings
{
    public const string Algorithm = SecurityAlgorithms.HmacSha256;

    public TokenSettings(IConfiguration configuration, DataDirectory dataDirectory)
    {
        var auth = configuration.GetSection("Auth");
        Issuer = auth["Issuer"] ?? "fengqiao";
        Audience = auth["Audience"] ?? "fengqiao-api";
        AccessTokenLifetime = TimeSpan.FromMinutes(auth.GetValue("AccessTokenMinutes", 15));
        RefreshTokenLifetime = TimeSpan.FromDays(auth.GetValue("RefreshTokenDays", 14));
        var key = auth["SigningKey"];
        if (string.IsNullOrWhiteSpace(key))
        {
            key = dataDirectory.GetOrCreateSecret("jwt-signing.key", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        }

        var keyBytes = Convert.FromBase64String(key);
        if (keyBytes.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be base64 of at least 32 random bytes.");
        }

        SigningKey = new SymmetricSecurityKey(keyBytes) { KeyId = "fengqiao-local" };
    }

    public string Issuer { get; }

    public string Audience { get; }

    public TimeSpan AccessTokenLifetime { get; }

    public TimeSpan RefreshTokenLifetime { get; }

    public SymmetricSecurityKey SigningKey { get; }
}
