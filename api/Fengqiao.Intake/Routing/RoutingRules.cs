using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Organization;

namespace Fengqiao.Intake.Routing;

internal sealed record RoutingMatch
{
    public required string RegionPath { get; init; }

    public required Guid UnitId { get; init; }
}

/// <summary>
/// Routing rules (category × region → lead unit) as data; the most specific region wins. A rule whose unit was retired
/// after it was written is passed over, so a retired unit is never suggested new work.
/// </summary>
internal sealed class RoutingRules(IDbSession session, IOrganizationDirectory directory)
{
    public async Task<Guid?> SuggestLeadUnitAsync(string category, string regionPath, CancellationToken cancellationToken)
    {
        var matches = await session.QueryAsync<RoutingMatch>(RoutingSql.ForCategoryAndPaths, new { Category = category, Paths = AncestorPaths(regionPath) }, cancellationToken);
        if (matches.Count == 0)
        {
            return null;
        }

        var active = (await directory.FindUnitsAsync(matches.Select(m => m.UnitId).Distinct().ToList(), cancellationToken))
            .Where(u => !u.IsRetired).Select(u => u.Id).ToHashSet();
        return matches.Where(m => active.Contains(m.UnitId)).OrderByDescending(m => m.RegionPath.Length).Select(m => (Guid?)m.UnitId).FirstOrDefault();
    }

    /// <summary>/a/b/c/ → /a/, /a/b/, /a/b/c/.</summary>
    public static List<string> AncestorPaths(string regionPath)
    {
        var codes = regionPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(1, codes.Length).Select(n => "/" + string.Join('/', codes.Take(n)) + "/").ToList();
    }
}
