namespace Fengqiao.Metrics.Facts;

internal static class FactSql
{
    private const string Key = "day = @Day AND region_path = @RegionPath AND unit_id = @UnitId AND channel = @Channel AND category = @Category";

    private const string MonthlyKey =
        "dimension = @Dimension AND region_path = @RegionPath AND dimension_value = @DimensionValue AND month = @Month";

    /// <summary>Each counter's column plus its change, in a daily and a monthly row alike (the columns have the same names).</summary>
    private const string AddCounters = """
            registered = registered + @Registered,
            registered_persons = registered_persons + @RegisteredPersons,
            first_time_registered = first_time_registered + @FirstTimeRegistered,
            repeat_registered = repeat_registered + @RepeatRegistered,
            skip_level_registered = skip_level_registered + @SkipLevelRegistered,
            accepted = accepted + @Accepted,
            accepted_on_time = accepted_on_time + @AcceptedOnTime,
            concluded = concluded + @Concluded,
            concluded_on_time = concluded_on_time + @ConcludedOnTime,
            rated_satisfied = rated_satisfied + @RatedSatisfied,
            rated_basically_satisfied = rated_basically_satisfied + @RatedBasicallySatisfied,
            rated_dissatisfied = rated_dissatisfied + @RatedDissatisfied,
            closed = closed + @Closed,
            closed_unrated = closed_unrated + @ClosedUnrated,
            resolved = resolved + @Resolved,
            first_time_closed = first_time_closed + @FirstTimeClosed,
            first_time_resolved = first_time_resolved + @FirstTimeResolved,
            review_requested = review_requested + @ReviewRequested,
            backlog_change = backlog_change + @BacklogChange,
            suggestion_received = suggestion_received + @SuggestionsReceived,
            suggestion_answered = suggestion_answered + @SuggestionsAnswered,
            suggestion_adopted = suggestion_adopted + @SuggestionsAdopted,
            reception_batches = reception_batches + @ReceptionBatches,
            reception_persons = reception_persons + @ReceptionPersons,
            must_visit_batches = must_visit_batches + @MustVisitBatches,
            county_visit_batches = county_visit_batches + @CountyVisitBatches,
            county_must_visit_batches = county_must_visit_batches + @CountyMustVisitBatches,
            disputes_opened = disputes_opened + @DisputesOpened,
            disputes_accepted = disputes_accepted + @DisputesAccepted,
            sessions_held = sessions_held + @MediationSessions,
            agreements_reached = agreements_reached + @MediationAgreements,
            mediations_failed = mediations_failed + @MediationFailures,
            judicial_decided = judicial_decided + @JudicialDecided,
            judicial_confirmed = judicial_confirmed + @JudicialConfirmed,
            agreements_followed_up = agreements_followed_up + @AgreementsFollowedUp,
            agreements_performed = agreements_performed + @AgreementsPerformed,
            cases_forwarded = cases_forwarded + @CasesForwarded,
            cases_assigned = cases_assigned + @CasesAssigned,
            supervision_orders = supervision_orders + @SupervisionOrders
        """;

    private const string CounterColumns = """
            registered, first_time_registered, repeat_registered, skip_level_registered, accepted, accepted_on_time, concluded,
            concluded_on_time, rated_satisfied, rated_basically_satisfied, rated_dissatisfied, closed, closed_unrated, resolved,
            first_time_closed, first_time_resolved, review_requested, backlog_change, suggestion_received, suggestion_answered,
            suggestion_adopted, reception_batches, reception_persons, must_visit_batches, disputes_opened, disputes_accepted,
            sessions_held, agreements_reached, mediations_failed, judicial_decided, judicial_confirmed, county_visit_batches,
            county_must_visit_batches, agreements_followed_up, agreements_performed, cases_forwarded, cases_assigned, supervision_orders,
            registered_persons
        """;

    private const string CounterValues = """
            @Registered, @FirstTimeRegistered, @RepeatRegistered, @SkipLevelRegistered, @Accepted, @AcceptedOnTime, @Concluded,
            @ConcludedOnTime, @RatedSatisfied, @RatedBasicallySatisfied, @RatedDissatisfied, @Closed, @ClosedUnrated, @Resolved,
            @FirstTimeClosed, @FirstTimeResolved, @ReviewRequested, @BacklogChange, @SuggestionsReceived, @SuggestionsAnswered,
            @SuggestionsAdopted, @ReceptionBatches, @ReceptionPersons, @MustVisitBatches, @DisputesOpened, @DisputesAccepted,
            @MediationSessions, @MediationAgreements, @MediationFailures, @JudicialDecided, @JudicialConfirmed, @CountyVisitBatches,
            @CountyMustVisitBatches, @AgreementsFollowedUp, @AgreementsPerformed, @CasesForwarded, @CasesAssigned, @SupervisionOrders,
            @RegisteredPersons
        """;

    /// <summary>Adds the changes to an existing row; 0 rows means the row is new (the consumer then inserts it).</summary>
    public const string AddToRow = $"UPDATE metrics_daily_facts SET {AddCounters} WHERE {Key}";

    public const string InsertRow = $"""
        INSERT INTO metrics_daily_facts (day, region_path, unit_id, channel, category, {CounterColumns})
        VALUES (@Day, @RegionPath, @UnitId, @Channel, @Category, {CounterValues})
        """;

    /// <summary>Adds the changes to an existing monthly row; 0 rows means the row is new.</summary>
    public const string AddToMonthlyRow = $"UPDATE metrics_monthly_facts SET {AddCounters} WHERE {MonthlyKey}";

    public const string InsertMonthlyRow = $"""
        INSERT INTO metrics_monthly_facts (month, region_path, parent_path, dimension, dimension_value, {CounterColumns})
        VALUES (@Month, @RegionPath, @ParentPath, @Dimension, @DimensionValue, {CounterValues})
        """;

    private const string StockKey = "dimension = @Dimension AND region_path = @RegionPath AND dimension_value = @DimensionValue";

    public const string AddToBacklogStock = $"UPDATE metrics_backlog_stock SET backlog = backlog + @Change WHERE {StockKey}";

    public const string InsertBacklogStock = """
        INSERT INTO metrics_backlog_stock (dimension, region_path, parent_path, dimension_value, backlog)
        VALUES (@Dimension, @RegionPath, @ParentPath, @DimensionValue, @Change)
        """;

    /// <summary>A key whose stock came back to zero keeps no row, as the roll-up writes none.</summary>
    public const string DeleteEmptyBacklogStock = $"DELETE FROM metrics_backlog_stock WHERE {StockKey} AND backlog = 0";

    /// <summary>The stock of every key from the monthly rows: the rebuild's, as migration 0105 filled it.</summary>
    public const string RollUpBacklogStock = """
        INSERT INTO metrics_backlog_stock (dimension, region_path, parent_path, dimension_value, backlog)
        SELECT dimension, region_path, MIN(parent_path), dimension_value, SUM(backlog_change)
        FROM metrics_monthly_facts
        GROUP BY dimension, region_path, dimension_value
        HAVING SUM(backlog_change) <> 0
        """;

    public const string GetPetition = """
        SELECT petition_id AS PetitionId, channel AS Channel, category AS Category, is_first_time AS IsFirstTime
        FROM metrics_petitions WHERE petition_id = @PetitionId
        """;

    public const string UpdatePetition = """
        UPDATE metrics_petitions SET channel = @Channel, category = @Category, is_first_time = @IsFirstTime WHERE petition_id = @PetitionId
        """;

    public const string InsertPetition = """
        INSERT INTO metrics_petitions (petition_id, channel, category, is_first_time) VALUES (@PetitionId, @Channel, @Category, @IsFirstTime)
        """;

    public const string GetCase = """
        SELECT case_id AS CaseId, is_overdue AS IsOverdue, overdue_unit_id AS OverdueUnitId, review_requested AS ReviewRequested,
               resolved_day AS ResolvedDay, resolved_region_path AS ResolvedRegionPath, resolved_unit_id AS ResolvedUnitId,
               resolved_channel AS ResolvedChannel, resolved_category AS ResolvedCategory, resolved_first_time AS ResolvedFirstTime
        FROM metrics_cases WHERE case_id = @CaseId
        """;

    public const string UpdateCase = """
        UPDATE metrics_cases SET is_overdue = @IsOverdue, overdue_unit_id = @OverdueUnitId, review_requested = @ReviewRequested, resolved_day = @ResolvedDay,
            resolved_region_path = @ResolvedRegionPath, resolved_unit_id = @ResolvedUnitId, resolved_channel = @ResolvedChannel,
            resolved_category = @ResolvedCategory, resolved_first_time = @ResolvedFirstTime
        WHERE case_id = @CaseId
        """;

    public const string InsertCase = """
        INSERT INTO metrics_cases (case_id, is_overdue, overdue_unit_id, review_requested, resolved_day, resolved_region_path, resolved_unit_id,
            resolved_channel, resolved_category, resolved_first_time)
        VALUES (@CaseId, @IsOverdue, @OverdueUnitId, @ReviewRequested, @ResolvedDay, @ResolvedRegionPath, @ResolvedUnitId, @ResolvedChannel,
            @ResolvedCategory, @ResolvedFirstTime)
        """;

    public const string GetDispute = """
        SELECT dispute_id AS DisputeId, followed_up_day AS FollowedUpDay, region_path AS RegionPath, category AS Category, performed AS Performed,
            followed_up_recorded_at AS FollowedUpRecordedAt
        FROM metrics_disputes WHERE dispute_id = @DisputeId
        """;

    public const string UpdateDispute = """
        UPDATE metrics_disputes SET followed_up_day = @FollowedUpDay, region_path = @RegionPath, category = @Category, performed = @Performed,
            followed_up_recorded_at = @FollowedUpRecordedAt
        WHERE dispute_id = @DisputeId
        """;

    public const string InsertDispute = """
        INSERT INTO metrics_disputes (dispute_id, followed_up_day, region_path, category, performed, followed_up_recorded_at)
        VALUES (@DisputeId, @FollowedUpDay, @RegionPath, @Category, @Performed, @FollowedUpRecordedAt)
        """;

    /// <summary>Empties the projection before a rebuild: the daily and monthly facts and what they remember of petitions, cases and disputes.</summary>
    public const string EmptyProjection = """
        DELETE FROM metrics_daily_facts;
        DELETE FROM metrics_monthly_facts;
        DELETE FROM metrics_backlog_stock;
        DELETE FROM metrics_petitions;
        DELETE FROM metrics_cases;
        DELETE FROM metrics_disputes;
        """;
}
