using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Mediation.Sessions;

internal static class SessionSql
{
    public const string Insert = """
        INSERT INTO mediation_sessions (id, dispute_id, room_id, room_name, starts_at, ends_at, status, scheduled_by, scheduled_at, version)
        VALUES (@Id, @DisputeId, @RoomId, @RoomName, @StartsAt, @EndsAt, 'Scheduled', @ScheduledBy, @ScheduledAt, 1)
        """;

    public const string InsertMediator = "INSERT INTO mediation_session_mediators (session_id, mediator_id, mediator_name) VALUES (@SessionId, @MediatorId, @MediatorName)";

    public const string InsertInvitee = "INSERT INTO mediation_session_invitees (session_id, party_id, party_name) VALUES (@SessionId, @PartyId, @PartyName)";

    /// <summary>Invites every party of the dispute to the session.</summary>
    public const string InviteAllParties = """
        INSERT INTO mediation_session_invitees (session_id, party_id, party_name)
        SELECT @SessionId, p.id, p.name FROM mediation_dispute_parties p WHERE p.dispute_id = @DisputeId
        """;

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

    private const string ViewColumns = """
        id AS Id, room_name AS RoomName, starts_at AS StartsAt, ends_at AS EndsAt, status AS Status, applicant_attended AS ApplicantAttended,
        respondent_attended AS RespondentAttended, record_text AS Record, held_at AS HeldAt, reschedule_reason AS RescheduleReason,
        cancel_reason AS CancelReason, version AS Version
        """;

    public const string OfDispute = $"""
        SELECT {ViewColumns}
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

    /// <summary>The parties invited to each session of the dispute, in the order the dispute names them.</summary>
    public const string InviteesOfDispute = """
        SELECT i.session_id AS SessionId, i.party_name AS PartyName
        FROM mediation_session_invitees i
        JOIN mediation_sessions s ON s.id = i.session_id
        JOIN mediation_dispute_parties p ON p.id = i.party_id
        WHERE s.dispute_id = @DisputeId
        ORDER BY p.ordinal
        """;

    /// <summary>A session of the dispute (whose jurisdiction the caller's lookup of the dispute has checked).</summary>
    public const string ById = """
        SELECT id AS Id, dispute_id AS DisputeId, room_id AS RoomId, starts_at AS StartsAt, ends_at AS EndsAt, status AS Status, version AS Version
        FROM mediation_sessions
        WHERE id = @Id AND dispute_id = @DisputeId
        """;

    public const string MediatorKeysOf = """
        SELECT m.id AS Id, m.user_id AS UserId
        FROM mediation_session_mediators sm JOIN mediation_mediators m ON m.id = sm.mediator_id
        WHERE sm.session_id = @SessionId
        """;

    public const string Hold = """
        UPDATE mediation_sessions
        SET status = 'Held', applicant_attended = @ApplicantAttended, respondent_attended = @RespondentAttended, record_text = @Record,
            held_by = @HeldBy, held_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string Reschedule = """
        UPDATE mediation_sessions
        SET starts_at = @StartsAt, ends_at = @EndsAt, reschedule_reason = @Reason, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string Cancel = """
        UPDATE mediation_sessions
        SET status = 'Cancelled', cancel_reason = @Reason, cancelled_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string FreeSlots = "DELETE FROM mediation_session_slots WHERE session_id = @SessionId";

    public const string HeldCount = "SELECT COUNT(*) FROM mediation_sessions WHERE dispute_id = @DisputeId AND status = 'Held'";
}
