using System.Diagnostics;
using System.Text.Json;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.BuildingBlocks.Audit;

/// <summary>
/// One audit row: who did what to which object, with its state before and after. Snapshots must not
/// carry secrets (password hashes, tokens); personal data in them is masked by the caller.
/// </summary>
public sealed record AuditEntry(string Action, string ObjectType, Guid? ObjectId, object? Before = null, object? After = null)
{
    /// <summary>Set when the actor is not the signed-in caller, e.g. a sign-in attempt.</summary>
    public Guid? ActorUserId { get; init; }

    public Guid? ActorUnitId { get; init; }
}

public interface IAuditLog
{
    void Record(AuditEntry entry);
}

/// <summary>Audit rows collected by a command and written in its transaction.</summary>
public sealed class AuditTrail(ICurrentUser currentUser, TimeProvider clock) : IAuditLog, IUnitOfWorkParticipant
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
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
        var now = clock.GetUtcNow();
        foreach (var entry in _pending)
        {
            await session.ExecuteAsync(
                AuditSql.Insert,
                new
                {
                    Id = Guid.CreateVersion7(now),
                    OccurredAt = now,
                    ActorUserId = entry.ActorUserId ?? currentUser.UserId,
                    ActorUnitId = entry.ActorUnitId ?? currentUser.UnitId,
                    entry.Action,
                    entry.ObjectType,
                    entry.ObjectId,
                    BeforeJson = entry.Before is null ? null : JsonSerializer.Serialize(entry.Before, Json),
                    AfterJson = entry.After is null ? null : JsonSerializer.Serialize(entry.After, Json),
                    TraceId = Activity.Current?.TraceId.ToString(),
                },
                cancellationToken);
        }

        _pending.Clear();
    }

    public void Reset()
    {
        _pending.Clear();
        _recorded = false;
    }
}
