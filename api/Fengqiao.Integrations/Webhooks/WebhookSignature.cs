using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Fengqiao.Integrations.Webhooks;

/// <summary>
/// Signing as the Standard Webhooks specification describes: the secret is <c>whsec_</c> and the base64 of its key bytes; the
/// signature is <c>v1,</c> and the base64 of HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c> with that key,
/// so any of the specification's libraries verifies it.
/// </summary>
internal static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>A new secret: 32 random bytes, as the specification recommends (24 to 64).</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string messageId, DateTimeOffset timestamp, string body)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("A webhook secret starts with whsec_.", nameof(secret));
        }

        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{Timestamp(timestamp)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>Seconds since the Unix epoch, as the webhook-timestamp header carries them.</summary>
    public static string Timestamp(DateTimeOffset timestamp) => timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
