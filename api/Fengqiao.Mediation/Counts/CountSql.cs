namespace Fengqiao.Mediation.Counts;

internal static class CountSql
{
    /// <summary>The caller's sessions of the day (by its mediator rows' sessions) and the disputes awaiting consent, in one row.</summary>
    public const string Work = """
        SELECT
            (SELECT COUNT(*)
             FROM mediation_sessions ses
             JOIN mediation_rooms r ON r.id = ses.room_id
             WHERE ses.id IN (
                     SELECT sm.session_id FROM mediation_session_mediators sm JOIN mediation_mediators m ON m.id = sm.mediator_id
                     WHERE m.user_id = @CallerUserId)
               AND r.region_path LIKE @JurisdictionPrefix
               AND ses.status = 'Scheduled' AND ses.starts_at >= @From AND ses.starts_at < @To) AS SessionsToday,
            (SELECT COUNT(*) FROM mediation_disputes d
             WHERE d.status = 'Registered' AND d.region_path LIKE @JurisdictionPrefix) AS DisputesToAccept
        """;
}
