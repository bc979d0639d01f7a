using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Intake;

namespace Fengqiao.Intake.Statistics;

/// <summary><see cref="IPetitionStatistics"/>: counts from the district's own index, by the petitions' regions.</summary>
internal sealed class PetitionStatistics(IDbSession session) : IPetitionStatistics
{
    public async Task<IReadOnlyList<RegionPetitionCounts>> CountByRegionAsync(string districtPath, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await session.QueryAsync<CountsRow>(StatisticsSql.CountByRegion, new { DistrictPath = districtPath, From = from, To = to }, cancellationToken))
        .Select(r => new RegionPetitionCounts(r.RegionId, r.RegionPath, (int)r.Petitions, (int)r.Urgent))
        .ToList();

    private sealed record CountsRow
    {
        public required Guid RegionId { get; init; }

        public required string RegionPath { get; init; }

        public required long Petitions { get; init; }

        public required long Urgent { get; init; }
    }
}

internal static class StatisticsSql
{
    /// <summary>Merged petitions count once, as the petition they were merged into.</summary>
    public const string CountByRegion = """
        SELECT p.region_id AS RegionId, p.region_path AS RegionPath, COUNT(*) AS Petitions,
               COALESCE(SUM(CASE WHEN p.is_urgent = 1 THEN 1 ELSE 0 END), 0) AS Urgent
        FROM intake_petitions p
        WHERE p.district_path = @DistrictPath AND p.received_at >= @From AND p.received_at < @To AND p.status <> 'Merged'
        GROUP BY p.region_id, p.region_path
        """;
}
