namespace Fengqiao.Metrics.AnnualReports;

internal static class AnnualReportSql
{
    /// <summary>The forwards, assignments and supervision orders of the year per unit, in the caller's jurisdiction and the region's subtree.</summary>
    public const string ByUnit = """
        SELECT f.unit_id AS UnitId, SUM(f.cases_forwarded) AS Forwarded, SUM(f.cases_assigned) AS Assigned, SUM(f.supervision_orders) AS SupervisionOrders
        FROM metrics_daily_facts f
        WHERE f.region_path LIKE @JurisdictionPrefix AND f.region_path LIKE @RegionPrefix AND f.day >= @From AND f.day <= @To AND f.unit_id <> @NoUnit
        GROUP BY f.unit_id
        """;
}
