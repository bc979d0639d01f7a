using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Dispatch.Watcher;

internal static class WatcherSql
{
    /// <summary>Takes the watcher's lease when free, expired or already ours: one watcher works at a time across instances.</summary>
    public const string ClaimLease = """
        UPDATE dispatch_leases SET owner = @Owner, lease_until = @LeaseUntil
        WHERE name = 'deadline_watcher' AND (lease_until IS NULL OR lease_until < @Now OR owner = @Owner)
        """;

    /// <summary>Running clocks whose light is behind the calendar: green cases that reached yellow, green or yellow ones past due.</summary>
    public static string Due(ISqlDialect dialect) => $"""
        SELECT c.id AS Id, c.petition_id AS PetitionId, c.kind AS Kind, c.region_path AS RegionPath, c.region_id AS RegionId, c.lead_unit_id AS LeadUnitId,
               c.current_step AS CurrentStep, c.current_due_on AS CurrentDueOn, c.current_yellow_on AS CurrentYellowOn, c.light AS Light
        FROM dispatch_cases c
        WHERE c.paused_at IS NULL
          AND ((c.light = 'Green' AND c.current_yellow_on <= @Today) OR (c.light IN ('Green', 'Yellow') AND c.current_due_on < @Today))
        ORDER BY c.current_due_on, c.id
        {dialect.Limit("@BatchSize")}
        """;

    /// <summary>Changes the light only if nobody changed it since it was read: a second watcher's update finds nothing to do.</summary>
    public const string SetLight = """
        UPDATE dispatch_cases SET light = @NewLight
        WHERE id = @Id AND light = @OldLight AND current_due_on = @DueOn AND paused_at IS NULL
        """;

    public const string InsertReminder = """
        INSERT INTO dispatch_reminders (id, case_id, step, light, due_on, occurred_at) VALUES (@Id, @CaseId, @Step, @Light, @DueOn, @Now)
        """;
}
