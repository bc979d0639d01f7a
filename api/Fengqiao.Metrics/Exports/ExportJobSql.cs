namespace Fengqiao.Metrics.Exports;

/// <summary>The export jobs and the daily facts a detailed export streams.</summary>
internal static class ExportJobSql
{
    private const string Columns = """
        id AS Id, kind AS Kind, format AS Format, region_id AS RegionId, from_day AS FromDay, to_day AS ToDay, month AS Month, group_by AS GroupBy, unit_id AS UnitId,
        created_by AS CreatedBy, creator_unit_id AS CreatorUnitId, creator_region_path AS CreatorRegionPath, state AS State, attempts AS Attempts,
        rows_done AS RowsDone, rows_total AS RowsTotal, file_name AS FileName, storage_key AS StorageKey, size_bytes AS SizeBytes, error AS Error,
        created_at AS CreatedAt, started_at AS StartedAt, finished_at AS FinishedAt, expires_at AS ExpiresAt
        """;

    public const string Insert = """
        INSERT INTO metrics_export_jobs (id, kind, format, region_id, from_day, to_day, month, group_by, unit_id, created_by, creator_unit_id,
            creator_region_path, state, attempts, rows_done, created_at)
        VALUES (@Id, @Kind, @Format, @RegionId, @FromDay, @ToDay, @Month, @GroupBy, @UnitId, @CreatedBy, @CreatorUnitId, @CreatorRegionPath, 'Queued', 0, 0,
            @CreatedAt)
        """;

    /// <summary>Only its creator finds a job; anyone else meets a missing one.</summary>
    public const string GetOwn = $"SELECT {Columns} FROM metrics_export_jobs WHERE id = @Id AND created_by = @CreatedBy";

    public const string Get = $"SELECT {Columns} FROM metrics_export_jobs WHERE id = @Id";

    /// <summary>Jobs whose worker stopped (the lease lapsed) as often as allowed are given up.</summary>
    public const string FailExhausted = """
        UPDATE metrics_export_jobs SET state = 'Failed', error = 'interrupted', finished_at = @Now, lease_owner = NULL, lease_until = NULL
        WHERE state = 'Running' AND lease_until < @Now AND attempts >= @MaxAttempts
        """;

    /// <summary>The oldest job waiting, or whose worker stopped: queued ones and running ones whose lease lapsed.</summary>
    public static string NextClaimable(Fengqiao.BuildingBlocks.Data.ISqlDialect dialect) => dialect.SelectTop(
        "1",
        "id AS Id FROM metrics_export_jobs WHERE state = 'Queued' OR (state = 'Running' AND lease_until < @Now) ORDER BY created_at, id");

    /// <summary>Claims the job only if it is still claimable, so two workers never run it at once.</summary>
    public const string Claim = """
        UPDATE metrics_export_jobs
        SET state = 'Running', attempts = attempts + 1, rows_done = 0, rows_total = NULL, started_at = @Now, lease_owner = @Owner, lease_until = @LeaseUntil
        WHERE id = @Id AND (state = 'Queued' OR (state = 'Running' AND lease_until < @Now))
        """;

    public const string SetTotal = """
        UPDATE metrics_export_jobs SET rows_total = @RowsTotal, lease_until = @LeaseUntil WHERE id = @Id AND lease_owner = @Owner AND state = 'Running'
        """;

    /// <summary>Progress also renews the lease; no row updated means another worker took the job over.</summary>
    public const string Progress = """
        UPDATE metrics_export_jobs SET rows_done = @RowsDone, lease_until = @LeaseUntil WHERE id = @Id AND lease_owner = @Owner AND state = 'Running'
        """;

    public const string Succeed = """
        UPDATE metrics_export_jobs
        SET state = 'Succeeded', rows_done = @RowsDone, rows_total = @RowsDone, file_name = @FileName, storage_key = @StorageKey, size_bytes = @SizeBytes,
            finished_at = @Now, expires_at = @ExpiresAt, lease_owner = NULL, lease_until = NULL
        WHERE id = @Id AND lease_owner = @Owner AND state = 'Running'
        """;

    public const string Fail = """
        UPDATE metrics_export_jobs SET state = 'Failed', error = @Error, finished_at = @Now, lease_owner = NULL, lease_until = NULL
        WHERE id = @Id AND lease_owner = @Owner AND state = 'Running'
        """;

    /// <summary>A worker stopping with the host hands its job back; the attempt it used does not count.</summary>
    public const string Release = """
        UPDATE metrics_export_jobs SET state = 'Queued', attempts = attempts - 1, rows_done = 0, rows_total = NULL, lease_owner = NULL, lease_until = NULL
        WHERE id = @Id AND lease_owner = @Owner AND state = 'Running'
        """;

    public const string Expired = """
        SELECT id AS Id, storage_key AS StorageKey FROM metrics_export_jobs WHERE state = 'Succeeded' AND expires_at <= @Now
        """;

    public const string Expire = """
        UPDATE metrics_export_jobs SET state = 'Expired', storage_key = NULL WHERE id = @Id AND state = 'Succeeded'
        """;

    /// <summary>The creator's jurisdiction, the region's subtree, the period and, when the job keeps to one, the responsible unit.</summary>
    private const string FactsWhere = """
        WHERE f.region_path LIKE @JurisdictionPrefix AND f.region_path LIKE @RegionPrefix AND f.day >= @From AND f.day <= @To
            AND (@UnitId IS NULL OR f.unit_id = @UnitId)
        """;

    public const string CountFacts = $"SELECT COUNT(*) FROM metrics_daily_facts f {FactsWhere}";

    /// <summary>
    /// Every counter of the row, aliased by its <c>Counter</c> name (the export's columns follow that enumeration); in the key's order,
    /// so the rows stream from the primary key without sorting.
    /// </summary>
    public const string Facts = $"""
        SELECT f.day AS Day, f.region_path AS RegionPath, f.unit_id AS UnitId, f.channel AS Channel, f.category AS Category,
               f.registered AS Registered, f.registered_persons AS RegisteredPersons, f.first_time_registered AS FirstTimeRegistered,
               f.repeat_registered AS RepeatRegistered, f.skip_level_registered AS SkipLevelRegistered, f.accepted AS Accepted,
               f.accepted_on_time AS AcceptedOnTime, f.concluded AS Concluded, f.concluded_on_time AS ConcludedOnTime,
               f.rated_satisfied AS RatedSatisfied, f.rated_basically_satisfied AS RatedBasicallySatisfied, f.rated_dissatisfied AS RatedDissatisfied,
               f.closed AS Closed, f.closed_unrated AS ClosedUnrated, f.resolved AS Resolved, f.first_time_closed AS FirstTimeClosed,
               f.first_time_resolved AS FirstTimeResolved, f.review_requested AS ReviewRequested, f.backlog_change AS BacklogChange,
               f.suggestion_received AS SuggestionsReceived, f.suggestion_answered AS SuggestionsAnswered, f.suggestion_adopted AS SuggestionsAdopted,
               f.reception_batches AS ReceptionBatches, f.reception_persons AS ReceptionPersons, f.must_visit_batches AS MustVisitBatches,
               f.county_visit_batches AS CountyVisitBatches, f.county_must_visit_batches AS CountyMustVisitBatches,
               f.disputes_opened AS DisputesOpened, f.disputes_accepted AS DisputesAccepted, f.sessions_held AS MediationSessions,
               f.agreements_reached AS MediationAgreements, f.mediations_failed AS MediationFailures, f.judicial_decided AS JudicialDecided,
               f.judicial_confirmed AS JudicialConfirmed, f.agreements_followed_up AS AgreementsFollowedUp,
               f.agreements_performed AS AgreementsPerformed, f.cases_forwarded AS CasesForwarded, f.cases_assigned AS CasesAssigned,
               f.supervision_orders AS SupervisionOrders
        FROM metrics_daily_facts f {FactsWhere}
        ORDER BY f.day, f.region_path, f.unit_id, f.channel, f.category
        """;
}
