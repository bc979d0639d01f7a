using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Fengqiao.BuildingBlocks.Audit;

/// <summary>An audit row as stored, every field that its hash covers.</summary>
public sealed record AuditRow
{
    public required Guid Id { get; init; }

    public required long? Sequence { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid? ActorUserId { get; init; }

    public required Guid? ActorUnitId { get; init; }

    public required string? ActorRegionPath { get; init; }

    public required string Action { get; init; }

    public required string ObjectType { get; init; }

    public required Guid? ObjectId { get; init; }

    public required bool DisciplineOnly { get; init; }

    public required string? BeforeJson { get; init; }

    public required string? AfterJson { get; init; }

    public required string? TraceId { get; init; }

    public required string? PreviousHash { get; init; }

    public required string? EntryHash { get; init; }

    /// <summary>"client" when an API client acted; null for a person (every entry before API clients existed).</summary>
    public string? ActorKind { get; init; }
}

/// <summary>
/// The hash chain of the audit trail: each entry's hash covers its fields and its predecessor's hash, so changing,
/// removing or reordering an entry breaks every link after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The predecessor of the first entry (also the chain head of a database that has none yet).</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// SHA-256, lower-case hex, of the canonical form: each field in a fixed order as UTF-8 text preceded by its byte
    /// length (4 bytes, big-endian; -1 for an absent value). Ids are in the 36-character form, the instant is its UTC
    /// ticks (both engines keep 100 ns), numbers and flags in invariant digits. Every field reads back exactly as it was
    /// written on both engines, so the hash can be recomputed from the stored row alone.
    /// </summary>
    public static string HashOf(AuditRow row, long sequence, string previousHash)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "audit-v1");
        Append(hash, sequence.ToString(CultureInfo.InvariantCulture));
        Append(hash, row.Id.ToString("D"));
        Append(hash, row.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Append(hash, row.ActorUserId?.ToString("D"));
        Append(hash, row.ActorUnitId?.ToString("D"));
        Append(hash, row.ActorRegionPath);
        Append(hash, row.Action);
        Append(hash, row.ObjectType);
        Append(hash, row.ObjectId?.ToString("D"));
        Append(hash, row.DisciplineOnly ? "1" : "0");
        Append(hash, row.BeforeJson);
        Append(hash, row.AfterJson);
        Append(hash, row.TraceId);
        // Only when present, so the hashes of the entries written before the field existed stay as they were.
        if (row.ActorKind is not null)
        {
            Append(hash, row.ActorKind);
        }

        Append(hash, previousHash);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            hash.AppendData(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
