using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Contracts.Organization;

namespace Fengqiao.Metrics.Indicators;

/// <summary>The region and responsible unit figures keep to: every metrics read, an export queued for one and the export's run check them here.</summary>
internal static class MetricsScope
{
    /// <summary>
    /// The region asked for, or the caller's own without one, when it lies in the caller's jurisdiction; a region outside it
    /// answers 404, as a missing one does.
    /// </summary>
    public static async Task<RegionSnapshot> RegionInJurisdictionAsync(
        this IOrganizationDirectory directory, ICurrentUser caller, Guid? regionId, CancellationToken cancellationToken)
    {
        RegionSnapshot? region;
        if (regionId is { } id)
        {
            region = await directory.FindRegionAsync(id, cancellationToken);
        }
        else
        {
            region = caller.RegionPath is { Length: > 0 } own ? (await directory.FindRegionsByPathAsync([own], cancellationToken)).FirstOrDefault() : null;
        }

        return region is not null && Jurisdiction.Contains(caller, region.Path) ? region : throw new NotFoundException("Region");
    }

    /// <summary>
    /// The unit, when it lies in the caller's jurisdiction; a unit outside it answers 404, as a missing one does. A retired unit
    /// is found too: it keeps its past figures.
    /// </summary>
    public static async Task<UnitSnapshot> UnitInJurisdictionAsync(
        this IOrganizationDirectory directory, ICurrentUser caller, Guid unitId, CancellationToken cancellationToken)
    {
        var unit = await directory.FindUnitAsync(unitId, cancellationToken);
        return unit is not null && Jurisdiction.Contains(caller, unit.RegionPath) ? unit : throw new NotFoundException("Unit");
    }
}
