using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Dispatch;

namespace Fengqiao.Dispatch.Statistics;

/// <summary><see cref="ICaseStatistics"/>: open cases past their deadlines and the period's concluded cases, by the cases' regions.</summary>
internal sealed class CaseStatistics(IDbSession session) : ICaseStatistics
{
    public async Task<IReadOnlyList<RegionCaseWorkload>> WorkloadByRegionAsync(string districtPath, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await session.QueryAsync<WorkloadRow>(StatisticsSql.WorkloadByRegion, new { DistrictPrefix = districtPath + "%", From = from, To = to }, cancellationToken))
        .Select(r => new RegionCaseWorkload(r.RegionId, r.RegionPath, (int)r.Backlog, (int)r.Overdue, (int)r.Concluded, (int)r.Resolved))
        .ToList();

    private sealed record WorkloadRow
    {
        public required Guid RegionId { get; init; }

        public required string RegionPath { get; init; }

        public required long Backlog { get; init; }

        public required long Overdue { get; init; }

        public required long Concluded { get; init; }

        public required long Resolved { get; init; }
    }
}

internal static class StatisticsSql
{
    /// <summary>
    /// Backlog as the board counts it (red while the reply clock runs); overdue is any red light. Resolution follows DOMAIN §9:
    /// rated satisfied or basically satisfied, or closed with no review (复查) requested; only handling cases conclude a petition.
    /// </summary>
    public const string WorkloadByRegion = """
        SELECT c.region_id AS RegionId, c.region_path AS RegionPath,
               COALESCE(SUM(CASE WHEN c.status <> 'Closed' AND c.light = 'Red' AND c.current_step = 'Reply' THEN 1 ELSE 0 END), 0) AS Backlog,
               COALESCE(SUM(CASE WHEN c.status <> 'Closed' AND c.light = 'Red' THEN 1 ELSE 0 END), 0) AS Overdue,
               COALESCE(SUM(CASE WHEN c.kind = 'Handling' AND c.status = 'Closed' AND c.closed_at >= @From AND c.closed_at < @To THEN 1 ELSE 0 END), 0) AS Concluded,
               COALESCE(SUM(CASE WHEN c.kind = 'Handling' AND c.status = 'Closed' AND c.closed_at >= @From AND c.closed_at < @To
                                  AND (c.rating IN ('Satisfied', 'BasicallySatisfied') OR c.review_requested_at IS NULL) THEN 1 ELSE 0 END), 0) AS Resolved
        FROM dispatch_cases c
        WHERE c.region_path LIKE @DistrictPrefix AND (c.status <> 'Closed' OR (c.closed_at >= @From AND c.closed_at < @To))
        GROUP BY c.region_id, c.region_path
        """;
}
