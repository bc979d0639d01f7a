namespace Fengqiao.Contracts.Intake;

/// <summary>Petitions received in a period at one region (a town or a village): counts only, nothing about their content or people.</summary>
/// <param name="Petitions">Petitions received, merged duplicates left out.</param>
/// <param name="Urgent">Those of them flagged urgent (紧急).</param>
public sealed record RegionPetitionCounts(Guid RegionId, string RegionPath, int Petitions, int Urgent);

/// <summary>
/// Aggregate petition counts for another module's rules (the four must-visits). No jurisdiction applies here: the caller
/// decides which district it may ask about, and the answer holds counts by region only.
/// </summary>
public interface IPetitionStatistics
{
    /// <summary>Petitions received from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive) in a district, by region.</summary>
    /// <param name="districtPath">The district's materialised path, e.g. <c>/330600/330624/</c>.</param>
    Task<IReadOnlyList<RegionPetitionCounts>> CountByRegionAsync(string districtPath, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
