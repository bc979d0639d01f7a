namespace Fengqiao.Mediation.Clock;

internal static class ClockSql
{
    /// <summary>Starts the clock of a dispute accepted just now, in the same unit of work as the acceptance.</summary>
    public const string Start = "UPDATE mediation_disputes SET clock_due_on = @DueOn WHERE id = @Id";

    public const string Pause = """
        UPDATE mediation_disputes
        SET clock_paused_at = @Now, clock_pause_reason = @Reason, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string Resume = """
        UPDATE mediation_disputes
        SET clock_paused_at = NULL, clock_pause_reason = NULL, clock_paused_days = clock_paused_days + @Days, clock_due_on = @DueOn, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string Extend = """
        UPDATE mediation_disputes
        SET clock_extended_days = clock_extended_days + @Days, clock_due_on = @DueOn, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string InsertEntry = """
        INSERT INTO mediation_clock_entries (id, dispute_id, kind, reason, started_at, ended_at, days, recorded_by)
        VALUES (@Id, @DisputeId, @Kind, @Reason, @StartedAt, @EndedAt, @Days, @RecordedBy)
        """;

    public const string EndPause = """
        UPDATE mediation_clock_entries SET ended_at = @Now, days = @Days
        WHERE dispute_id = @DisputeId AND kind = 'Pause' AND ended_at IS NULL
        """;

    public const string EntriesOf = """
        SELECT kind AS Kind, reason AS Reason, started_at AS StartedAt, ended_at AS EndedAt, days AS Days
        FROM mediation_clock_entries
        WHERE dispute_id = @DisputeId
        ORDER BY started_at
        """;
}
