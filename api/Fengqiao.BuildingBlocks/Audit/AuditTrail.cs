using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Microsoft.Extensions.Logging;

namespace Fengqiao.BuildingBlocks.Audit;

/// <summary>
/// One audit row: who did what to which object, with its state before and after. Snapshots must not
/// carry secrets (password hashes, tokens); personal data in them is masked by the caller.
/// </summary>
public sealed record AuditEntry(string Action, string ObjectType, Guid? ObjectId, object? Before = null, object? After = null)
{
    /// <summary>Set when the actor is not the signed-in caller, e.g. a sign-in attempt; their unit and region are looked up.</summary>
    public Guid? ActorUserId { get; init; }

    public Guid? ActorUnitId { get; init; }

    /// <summary>The entry concerns accusation material: only discipline inspectors see it in the audit viewer.</summary>
    public bool DisciplineOnly { get; init; }
}

public interface IAuditLog
{
    void Record(AuditEntry entry);
}

/// <summary>The unit and region of a user who acts without being the signed-in caller (sign-in, refresh, sign-out).</summary>
public sealed record AuditActor(Guid UnitId, string RegionPath);

/// <summary>Looks up an actor's unit and region; the organisation module, which owns users, supplies it.</summary>
public interface IAuditActors
{
    Task<AuditActor?> FindAsync(Guid userId, CancellationToken cancellationToken);
}

/// <summary>
/// Audit rows collected by a command and written in its transaction, each appended to the hash chain
/// (<see cref="AuditChain"/>): the head row is updated first, so concurrent appends take turns on it.
/// </summary>
public sealed partial class AuditTrail(ICurrentUser currentUser, IAuditActors actors, AuditHeadSeal seal, TimeProvider clock, ILogger<AuditTrail> logger)
    : IAuditLog, IUnitOfWorkParticipant
{
    // Enums as the API spells them (roles, statuses) and Chinese text as is, so a snapshot reads as the API showed the object.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
    private readonly List<AuditEntry> _pending = [];
    private bool _recorded;

    public void Record(AuditEntry entry)
    {
        _pending.Add(entry);
        _recorded = true;
    }

    /// <summary>A command whose handler recorded nothing still leaves a trace of who ran it and when.</summary>
    public void RecordIfNothingRecorded(string action)
    {
        if (!_recorded)
        {
            Record(new AuditEntry(action, "command", null));
        }
    }

    public async ValueTask BeforeCommitAsync(IDbSession session, CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var rows = new List<AuditRow>(_pending.Count);
        var now = clock.GetUtcNow();
        foreach (var entry in _pending)
        {
            rows.Add(await ToRowAsync(entry, now, cancellationToken));
        }

        await session.ExecuteAsync(AuditSql.ReserveSequences, new { rows.Count }, cancellationToken);
        var head = await session.QuerySingleOrDefaultAsync<AuditChainHead>(AuditSql.Head, null, cancellationToken)
            ?? throw new InvalidOperationException("The audit chain head row is missing (migration 0016).");
        var sequence = head.LastSequence - rows.Count;
        var previousHash = head.LastHash;

        // A head that does not carry its seal was written without the key, e.g. wound back after the newest entries were
        // deleted. Sealing it anew would hide that, so the place it was found goes under the seal (and stays there).
        var forgedAfter = head.ForgedAfter;
        if (!seal.Verifies(sequence, previousHash, head.ForgedAfter, head.Seal))
        {
            forgedAfter = sequence;
            LogForgedHead(logger, sequence);
        }

        foreach (var row in rows)
        {
            sequence++;
            var hash = AuditChain.HashOf(row, sequence, previousHash);
            await session.ExecuteAsync(AuditSql.Insert, row with { Sequence = sequence, PreviousHash = previousHash, EntryHash = hash }, cancellationToken);
            previousHash = hash;
        }

        await session.ExecuteAsync(
            AuditSql.SetHead,
            new { LastHash = previousHash, LastSequence = sequence, ForgedAfter = forgedAfter, Seal = seal.SealOf(sequence, previousHash, forgedAfter) },
            cancellationToken);
        _pending.Clear();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The audit chain head after sequence {Sequence} does not carry its seal: it was rewritten outside the application (entries after it may have been removed)")]
    private static partial void LogForgedHead(ILogger logger, long sequence);

    public void Reset()
    {
        _pending.Clear();
        _recorded = false;
    }

    private async Task<AuditRow> ToRowAsync(AuditEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (userId, unitId, regionPath) = (currentUser.UserId, currentUser.UnitId, currentUser.RegionPath);
        if (entry.ActorUserId is { } actorUserId)
        {
            var actor = await actors.FindAsync(actorUserId, cancellationToken);
            (userId, unitId, regionPath) = (actorUserId, entry.ActorUnitId ?? actor?.UnitId, actor?.RegionPath);
        }

        return new AuditRow
        {
            Id = Guid.CreateVersion7(now),
            Sequence = null,
            OccurredAt = now,
            ActorUserId = userId,
            ActorUnitId = unitId,
            ActorRegionPath = regionPath,
            Action = entry.Action,
            ObjectType = entry.ObjectType,
            ObjectId = entry.ObjectId,
            DisciplineOnly = entry.DisciplineOnly,
            BeforeJson = entry.Before is null ? null : JsonSerializer.Serialize(entry.Before, Json),
            AfterJson = entry.After is null ? null : JsonSerializer.Serialize(entry.After, Json),
            TraceId = Activity.Current?.TraceId.ToString(),
            PreviousHash = null,
            EntryHash = null,
            ActorKind = entry.ActorUserId is null && currentUser.IsApiClient ? ApiClientAuthentication.ClientActorKind : null,
        };
    }
}

/// <param name="Seal">See <see cref="AuditHeadSeal"/>; absent only before the first start after migration 0070.</param>
/// <param name="ForgedAfter">The sequence after which an append found a head without its seal.</param>
internal sealed record AuditChainHead(long LastSequence, string LastHash, string? Seal, long? ForgedAfter);
