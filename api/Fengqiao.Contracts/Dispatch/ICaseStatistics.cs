namespace Fengqiao.Contracts.Dispatch;

/// <summary>The handling workload of one region (a town or a village): counts only.</summary>
/// <param name="Backlog">Open cases past their reply deadline (积案), as the supervision board counts them.</param>
/// <param name="Overdue">Open cases past the deadline of their running step (red light), the backlog included.</param>
/// <param name="Concluded">Handling cases closed in the period asked about.</param>
/// <param name="Resolved">Those of them resolved: rated satisfied or basically satisfied, or closed with no review requested.</param>
public sealed record RegionCaseWorkload(Guid RegionId, string RegionPath, int Backlog, int Overdue, int Concluded, int Resolved);

/// <summary>
/// Aggregate case counts for another module's rules (the four must-visits). No jurisdiction applies here: the caller decides
/// which district it may ask about, and the answer holds counts by region only.
/// </summary>
public interface ICaseStatistics
{
    /// <summary>Backlog and overdue cases as they stand now, and cases concluded from <paramref name="from"/> to <paramref name="to"/> (exclusive), by region of a district.</summary>
    /// <param name="districtPath">The district's materialised path, e.g. <c>/330600/330624/</c>.</param>
    Task<IReadOnlyList<RegionCaseWorkload>> WorkloadByRegionAsync(string districtPath, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
