using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Mediation.Sessions;

internal static class SessionSql
{
    public const string Insert = """
        INSERT INTO mediation_sessions (id, dispute_id, room_id, room_name, starts_at, ends_at, status, scheduled_by, scheduled_at, version)
        VALUES (@Id, @DisputeId, @RoomId, @RoomName, @StartsAt, @EndsAt, 'Scheduled', @ScheduledBy, @ScheduledAt, 1)
        """;

    public const string InsertMediator = "INSERT INTO mediation_session_mediators (session_id, mediator_id, mediator_name) VALUES (@SessionId, @MediatorId, @MediatorName)";

    public const string InsertSlot = "INSERT INTO mediation_session_slots (resource_kind, resource_key, slot_start, session_id) VALUES (@ResourceKind, @ResourceKey, @SlotStart, @SessionId)";

    /// <summary>
    /// The sessions already holding one of the slots for the room or one of the mediators. On SQL Server the key-range lock
    /// holds the slots read until commit, so a racing booking of the same slots waits here and then sees this one's.
    /// </summary>
    public static string Clashes(ISqlDialect dialect) => $"""
        SELECT s.resource_kind AS ResourceKind, ses.id AS SessionId, ses.starts_at AS StartsAt, ses.ends_at AS EndsAt, ses.room_name AS RoomName, d.number AS DisputeNumber
        FROM mediation_session_slots s {dialect.KeyRangeLock}
        JOIN mediation_sessions ses ON ses.id = s.session_id
        JOIN mediation_disputes d ON d.id = ses.dispute_id
        WHERE s.slot_start IN @Slots
          AND ((s.resource_kind = 'room' AND s.resource_key = @RoomKey) OR (s.resource_kind = 'mediator' AND s.resource_key IN @MediatorKeys))
        ORDER BY ses.starts_at, ses.id
        """;

    public const string OfDispute = """
        SELECT id AS Id, room_name AS RoomName, starts_at AS StartsAt, ends_at AS EndsAt, status AS Status
        FROM mediation_sessions
        WHERE dispute_id = @DisputeId
        ORDER BY starts_at, id
        """;

    public const string MediatorsOfDispute = """
        SELECT m.session_id AS SessionId, m.mediator_name AS MediatorName
        FROM mediation_session_mediators m JOIN mediation_sessions s ON s.id = m.session_id
        WHERE s.dispute_id = @DisputeId
        ORDER BY m.mediator_name
        """;
}
