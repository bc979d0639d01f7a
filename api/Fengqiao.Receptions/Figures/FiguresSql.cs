namespace Fengqiao.Receptions.Figures;

/// <summary>
/// The figures read the batch rows alone, by the keys every batch event carries (kind, level, host, unit, region path, day), so
/// the metrics module can count the same from <c>ReceptionBatchRecorded</c> and <c>ReceptionBatchCorrected</c> instead.
/// </summary>
internal static class FiguresSql
{
    private const string Counts = """
        COUNT(*) AS Batches, COALESCE(SUM(b.persons), 0) AS Persons,
        COALESCE(SUM(CASE WHEN b.outcome = 'SolvedOnTheSpot' THEN 1 ELSE 0 END), 0) AS SolvedOnTheSpot,
        COALESCE(SUM(CASE WHEN b.outcome = 'Explained' THEN 1 ELSE 0 END), 0) AS Explained,
        COALESCE(SUM(CASE WHEN b.outcome = 'Assigned' THEN 1 ELSE 0 END), 0) AS Assigned
        """;

    private const string Where = """
        WHERE b.region_path LIKE @JurisdictionPrefix AND b.region_path LIKE @RegionPrefix AND b.day >= @From AND b.day <= @To
        """;

    public const string Totals = $"SELECT {Counts} FROM receptions_batches b {Where}";

    public const string ByLevel = $"SELECT b.level AS Level, {Counts} FROM receptions_batches b {Where} GROUP BY b.level";

    public const string ByKind = $"SELECT b.kind AS Kind, {Counts} FROM receptions_batches b {Where} GROUP BY b.kind";

    /// <summary>Per receiving leader: leaders without an account (a demo district's) count by name; duties and cadres' visits are left out.</summary>
    public const string ByLeader = $"""
        SELECT b.host_user_id AS HostUserId, b.host_name AS HostName, b.level AS Level, {Counts}
        FROM receptions_batches b {Where} AND b.kind IN ('LeaderDay', 'Appointment', 'LeaderVisit')
        GROUP BY b.host_user_id, b.host_name, b.level
        ORDER BY COUNT(*) DESC, b.host_name
        """;

    /// <summary>The batches received through must-visits (四个必访), with their outcomes.</summary>
    public const string MustVisits = $"SELECT {Counts} FROM receptions_batches b {Where} AND b.is_must_visit = 1";

    /// <summary>County-level (district) leaders' visits, and those of them that were must-visits: the share Xinchang reports.</summary>
    public const string CountyVisits = $"""
        SELECT COUNT(*) AS Batches, COALESCE(SUM(b.persons), 0) AS Persons,
               COALESCE(SUM(CASE WHEN b.is_must_visit = 1 THEN 1 ELSE 0 END), 0) AS MustVisitBatches,
               COALESCE(SUM(CASE WHEN b.is_must_visit = 1 THEN b.persons ELSE 0 END), 0) AS MustVisitPersons
        FROM receptions_batches b {Where} AND b.kind = 'LeaderVisit' AND b.level = 'District'
        """;
}
