using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Fengqiao.Integrations.ApiClients;

/// <summary>
/// Keys are <c>&lt;client id, 32 hex digits&gt;.&lt;secret&gt;</c>; the secret is 32 bytes from <see cref="RandomNumberGenerator"/>
/// in base64url. Only SHA-256 of the secret is stored: with 256 bits of entropy no guess or dictionary can find a secret from
/// its hash, so a deliberately slow password hash would only cost time on every request without adding protection.
/// </summary>
internal static class ApiKeys
{
    private const int SecretBytes = 32;

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string KeyOf(Guid clientId, string secret) => $"{clientId:N}.{secret}";

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool TryParse(string key, out Guid clientId, [NotNullWhen(true)] out string? secret)
    {
        secret = null;
        clientId = Guid.Empty;
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == key.Length - 1 || !Guid.TryParseExact(key.AsSpan(0, dot), "N", out clientId))
        {
            return false;
        }

        secret = key[(dot + 1)..];
        return true;
    }

    /// <summary>Compares in constant time, so the answer's timing does not tell how much of a guess matched.</summary>
    public static bool Matches(string secret, IEnumerable<string> storedHashes)
    {
        var presented = Encoding.ASCII.GetBytes(HashOf(secret));
        var matched = false;
        foreach (var stored in storedHashes)
        {
            matched |= CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(stored));
        }

        return matched;
    }
}
