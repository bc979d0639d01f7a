using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fengqiao.BuildingBlocks.Data;
using Microsoft.Extensions.Configuration;

namespace Fengqiao.BuildingBlocks.Audit;

/// <summary>
/// Seals the audit chain's head with a key kept outside the database (<c>Audit:HeadSealKey</c>, base64 of 32 bytes, or
/// generated once into the data folder): the head says where the chain ends, and without the seal whoever deleted the
/// newest entries could wind it back to the entry left last and the shortened chain would verify. Every instance writing
/// to one database needs the same key.
/// </summary>
public sealed class AuditHeadSeal
{
    /// <summary>The script that added the seal; the host seals the head it found right after applying it.</summary>
    public const string MigrationScript = "0070_platform_audit_head_seal.sql";

    private readonly byte[] _key;

    public AuditHeadSeal(IConfiguration configuration, DataDirectory dataDirectory)
    {
        var configured = configuration["Audit:HeadSealKey"];
        var text = string.IsNullOrWhiteSpace(configured)
            ? dataDirectory.GetOrCreateSecret("audit-head-seal.key", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            : configured;
        _key = Convert.FromBase64String(text);
        if (_key.Length != 32)
        {
            throw new InvalidOperationException("Audit:HeadSealKey must be 32 bytes (base64).");
        }
    }

    /// <summary>HMAC-SHA256, lower-case hex, over the head's sequence, last hash and the place a forged head was found.</summary>
    public string SealOf(long lastSequence, string lastHash, long? forgedAfter) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"audit-head-v1\n{lastSequence}\n{lastHash}\n{forgedAfter?.ToString(CultureInfo.InvariantCulture) ?? "-"}"))));

    /// <summary>Whether the stored seal is the one this key gives for these values (an absent seal never is).</summary>
    public bool Verifies(long lastSequence, string lastHash, long? forgedAfter, string? seal) =>
        seal is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(SealOf(lastSequence, lastHash, forgedAfter)), Encoding.ASCII.GetBytes(seal));

    /// <summary>
    /// Seals the head as it stands. Only right after the migration that introduced the seal: from then on an unsealed head
    /// is a forged one, and appends record it instead of sealing it.
    /// </summary>
    public async Task SealAfterUpgradeAsync(UnitOfWork unitOfWork, IDbSession session, CancellationToken cancellationToken) =>
        await unitOfWork.ExecuteAsync(
            async token =>
            {
                var head = await session.QuerySingleOrDefaultAsync<AuditChainHead>(AuditSql.Head, null, token)
                    ?? throw new InvalidOperationException("The audit chain head row is missing (migration 0016).");
                await session.ExecuteAsync(
                    AuditSql.SealHead,
                    new { head.LastSequence, head.LastHash, head.ForgedAfter, Seal = SealOf(head.LastSequence, head.LastHash, head.ForgedAfter) },
                    token);
                return true;
            },
            cancellationToken);
}
