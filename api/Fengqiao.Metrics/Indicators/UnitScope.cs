using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Contracts.Organization;

namespace Fengqiao.Metrics.Indicators;

/// <summary>The responsible unit figures keep to: the indicators, an export queued for one and the export's run all check it here.</summary>
internal static class UnitScope
{
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
