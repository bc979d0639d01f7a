namespace Fengqiao.Mediation.Calendar;

internal static class CalendarSql
{
    private const string Columns = """
        ses.id AS Id, ses.dispute_id AS DisputeId, d.number AS DisputeNumber, ses.room_id AS RoomId, ses.room_name AS RoomName,
        ses.starts_at AS StartsAt, ses.ends_at AS EndsAt, ses.status AS Status, ses.version AS Version
        """;

    /// <summary>
    /// The sessions of a room overlapping [@From, @To), but the cancelled ones, which hold no slot. The room lies within the
    /// caller's jurisdiction (checked when it was looked up, and again here); its sessions are shown whatever the region of
    /// their disputes, since a calendar that hid a booked slot would offer it for booking.
    /// </summary>
    public const string OfRoom = $"""
        SELECT {Columns}
        FROM mediation_sessions ses
        JOIN mediation_rooms r ON r.id = ses.room_id
        JOIN mediation_disputes d ON d.id = ses.dispute_id
        WHERE ses.room_id = @RoomId AND r.region_path LIKE @JurisdictionPrefix
          AND ses.starts_at < @To AND ses.ends_at > @From AND ses.status <> 'Cancelled'
        ORDER BY ses.starts_at, ses.id
        """;

    /// <summary>
    /// The sessions of a mediator overlapping [@From, @To), but the cancelled ones: those naming the mediator, and, for a mediator
    /// with an account, those naming the same account in another room (the person is booked as one), in rooms of the caller's
    /// jurisdiction.
    /// </summary>
    public const string OfMediator = $"""
        SELECT {Columns}
        FROM mediation_sessions ses
        JOIN mediation_rooms r ON r.id = ses.room_id
        JOIN mediation_disputes d ON d.id = ses.dispute_id
        WHERE ses.id IN (
                SELECT sm.session_id FROM mediation_session_mediators sm JOIN mediation_mediators m ON m.id = sm.mediator_id
                WHERE m.id = @MediatorId OR m.user_id = @UserId)
          AND r.region_path LIKE @JurisdictionPrefix
          AND ses.starts_at < @To AND ses.ends_at > @From AND ses.status <> 'Cancelled'
        ORDER BY ses.starts_at, ses.id
        """;

    public const string MediatorsOf = """
        SELECT session_id AS SessionId, mediator_id AS MediatorId, mediator_name AS MediatorName
        FROM mediation_session_mediators
        WHERE session_id IN @SessionIds
        ORDER BY mediator_name, mediator_id
        """;
}
