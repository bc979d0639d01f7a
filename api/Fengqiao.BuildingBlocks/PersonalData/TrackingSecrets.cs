using System.Security.Cryptography;
using System.Text;

namespace Fengqiao.BuildingBlocks.PersonalData;

/// <summary>
/// The tracking code and secret a member of the public follows their petition or suggestion with: the code is looked up, the
/// secret is shown once and stored only as its hash, compared in constant time so that a wrong secret and a wrong code answer alike.
/// </summary>
public static class TrackingSecrets
{
    // No 0/O, 1/I: codes are read out over the phone and copied by hand.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <param name="prefix">Tells the kinds apart at a glance, e.g. FQ for a petition.</param>
    public static (string Code, string Secret, string SecretHash) New(string prefix)
    {
        var code = prefix + RandomNumberGenerator.GetString(Alphabet, 10);
        var secret = RandomNumberGenerator.GetString(Alphabet, 8);
        return (code, secret, Hash(secret));
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Trim().ToUpperInvariant())));

    /// <summary>A code as typed: trimmed and upper-case.</summary>
    public static string NormaliseCode(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Whether <paramref name="secret"/> is the one stored as <paramref name="storedHash"/>; takes as long when nothing is stored.</summary>
    public static bool Matches(string? storedHash, string secret)
    {
        var expected = Encoding.ASCII.GetBytes(storedHash ?? new string('0', 64));
        var actual = Encoding.ASCII.GetBytes(Hash(secret));
        return CryptographicOperations.FixedTimeEquals(expected, actual) && storedHash is not null;
    }
}
