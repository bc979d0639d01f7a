namespace Fengqiao.Metrics.Indicators;

/// <summary>
/// Sums of the daily facts in the caller's jurisdiction and the chosen region's subtree. The flows count from @From; the backlog
/// is a stock, so its changes are summed from the beginning up to @To.
/// </summary>
internal static class IndicatorSql
{
    private const string Sums = """
        SUM(CASE WHEN f.day >= @From THEN f.registered ELSE 0 END) AS Registered,
        SUM(CASE WHEN f.day >= @From THEN f.repeat_registered ELSE 0 END) AS RepeatRegistered,
        SUM(CASE WHEN f.day >= @From THEN f.skip_level_registered ELSE 0 END) AS SkipLevelRegistered,
        SUM(CASE WHEN f.day >= @From THEN f.accepted ELSE 0 END) AS Accepted,
        SUM(CASE WHEN f.day >= @From THEN f.accepted_on_time ELSE 0 END) AS AcceptedOnTime,
        SUM(CASE WHEN f.day >= @From THEN f.concluded ELSE 0 END) AS Concluded,
        SUM(CASE WHEN f.day >= @From THEN f.concluded_on_time ELSE 0 END) AS ConcludedOnTime,
        SUM(CASE WHEN f.day >= @From THEN f.rated_satisfied ELSE 0 END) AS RatedSatisfied,
        SUM(CASE WHEN f.day >= @From THEN f.rated_basically_satisfied ELSE 0 END) AS RatedBasicallySatisfied,
        SUM(CASE WHEN f.day >= @From THEN f.rated_dissatisfied ELSE 0 END) AS RatedDissatisfied,
        SUM(CASE WHEN f.day >= @From THEN f.closed ELSE 0 END) AS Closed,
        SUM(CASE WHEN f.day >= @From THEN f.resolved ELSE 0 END) AS Resolved,
        SUM(CASE WHEN f.day >= @From THEN f.first_time_closed ELSE 0 END) AS FirstTimeClosed,
        SUM(CASE WHEN f.day >= @From THEN f.first_time_resolved ELSE 0 END) AS FirstTimeResolved,
        SUM(CASE WHEN f.day >= @From THEN f.suggestion_received ELSE 0 END) AS SuggestionsReceived,
        SUM(CASE WHEN f.day >= @From THEN f.suggestion_answered ELSE 0 END) AS SuggestionsAnswered,
        SUM(CASE WHEN f.day >= @From THEN f.suggestion_adopted ELSE 0 END) AS SuggestionsAdopted,
        SUM(CASE WHEN f.day >= @From THEN f.reception_batches ELSE 0 END) AS ReceptionBatches,
        SUM(CASE WHEN f.day >= @From THEN f.reception_persons ELSE 0 END) AS ReceptionPersons,
        SUM(CASE WHEN f.day >= @From THEN f.must_visit_batches ELSE 0 END) AS MustVisitBatches,
        SUM(CASE WHEN f.day >= @From THEN f.county_visit_batches ELSE 0 END) AS CountyVisitBatches,
        SUM(CASE WHEN f.day >= @From THEN f.county_must_visit_batches ELSE 0 END) AS CountyMustVisitBatches,
        SUM(CASE WHEN f.day >= @From THEN f.disputes_opened ELSE 0 END) AS DisputesOpened,
        SUM(CASE WHEN f.day >= @From THEN f.disputes_accepted ELSE 0 END) AS DisputesAccepted,
        SUM(CASE WHEN f.day >= @From THEN f.sessions_held ELSE 0 END) AS MediationSessions,
        SUM(CASE WHEN f.day >= @From THEN f.agreements_reached ELSE 0 END) AS MediationAgreements,
        SUM(CASE WHEN f.day >= @From THEN f.mediations_failed ELSE 0 END) AS MediationFailures,
        SUM(CASE WHEN f.day >= @From THEN f.judicial_decided ELSE 0 END) AS JudicialDecided,
        SUM(CASE WHEN f.day >= @From THEN f.judicial_confirmed ELSE 0 END) AS JudicialConfirmed,
        SUM(CASE WHEN f.day >= @From THEN f.agreements_followed_up ELSE 0 END) AS AgreementsFollowedUp,
        SUM(CASE WHEN f.day >= @From THEN f.agreements_performed ELSE 0 END) AS AgreementsPerformed,
        SUM(CASE WHEN f.day >= @From THEN f.cases_forwarded ELSE 0 END) AS CasesForwarded,
        SUM(CASE WHEN f.day >= @From THEN f.cases_assigned ELSE 0 END) AS CasesAssigned,
        SUM(CASE WHEN f.day >= @From THEN f.supervision_orders ELSE 0 END) AS SupervisionOrders,
        SUM(f.backlog_change) AS Backlog
        """;

    private const string Where = """
        WHERE f.region_path LIKE @JurisdictionPrefix AND f.region_path LIKE @RegionPrefix AND f.day <= @To
        """;

    public const string ByRegionPath = $"SELECT f.region_path AS GroupKey, {Sums} FROM metrics_daily_facts f {Where} GROUP BY f.region_path";

    public const string ByChannel = $"SELECT f.channel AS GroupKey, {Sums} FROM metrics_daily_facts f {Where} GROUP BY f.channel";

    public const string ByCategory = $"SELECT f.category AS GroupKey, {Sums} FROM metrics_daily_facts f {Where} GROUP BY f.category";

    public const string ByDay = $"SELECT f.day AS Day, {Sums} FROM metrics_daily_facts f {Where} GROUP BY f.day";
}
