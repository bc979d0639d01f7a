using System.Security.Cryptography;
using System.Text;
using Fengqiao.BuildingBlocks.Data;
using Microsoft.Extensions.Configuration;

namespace Fengqiao.BuildingBlocks.PersonalData;

/// <summary>
/// Personal data at rest (个人信息保护法): values are encrypted with AES-256-GCM and found again through a keyed
/// HMAC-SHA256 hash, so equal ID numbers match without being readable. Keys come from configuration
/// (<c>PersonalData:EncryptionKey</c>, <c>PersonalData:HashKey</c>, base64 of 32 bytes) or are generated once
/// into the data folder; they are never committed.
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public PersonalDataProtector(IConfiguration configuration, DataDirectory dataDirectory)
    {
        _encryptionKey = Key(configuration["PersonalData:EncryptionKey"], "personal-data-encryption.key", dataDirectory);
        _hashKey = Key(configuration["PersonalData:HashKey"], "personal-data-hash.key", dataDirectory);
    }

    public string Encrypt(string plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[plain.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(_encryptionKey, TagSize))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        return $"{Version}:{Convert.ToBase64String([.. nonce, .. cipher, .. tag])}";
    }

    public string Decrypt(string stored)
    {
        if (!stored.StartsWith(Version + ":", StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown personal data format.");
        }

        var bytes = Convert.FromBase64String(stored[(Version.Length + 1)..]);
        var nonce = bytes.AsSpan(0, NonceSize);
        var cipher = bytes.AsSpan(NonceSize, bytes.Length - NonceSize - TagSize);
        var tag = bytes.AsSpan(bytes.Length - TagSize);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(_encryptionKey, TagSize))
        {
            aes.Decrypt(nonce, cipher, tag, plain);
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The keyed hash of a normalised value (upper-case, no spaces): equal values hash alike.</summary>
    public string Hash(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())));

    /// <summary>330602********1234: the region code and last four digits stay readable.</summary>
    public static string MaskIdNumber(string idNumber) =>
        idNumber.Length <= 10 ? new string('*', idNumber.Length) : idNumber[..6] + new string('*', idNumber.Length - 10) + idNumber[^4..];

    /// <summary>138****5678 for mobiles; landlines keep the area code and last two digits.</summary>
    public static string MaskPhone(string phone) =>
        phone.Length == 11 && phone[0] == '1'
            ? phone[..3] + "****" + phone[^4..]
            : phone.Length > 6 ? phone[..4] + new string('*', phone.Length - 6) + phone[^2..] : new string('*', phone.Length);

    private static byte[] Key(string? configured, string fileName, DataDirectory dataDirectory)
    {
        var text = string.IsNullOrWhiteSpace(configured)
            ? dataDirectory.GetOrCreateSecret(fileName, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            : configured;
        var key = Convert.FromBase64String(text);
        return key.Length == 32 ? key : throw new InvalidOperationException($"{fileName}: a personal data key must be 32 bytes.");
    }
}
