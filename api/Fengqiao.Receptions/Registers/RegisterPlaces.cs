using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.Contracts.Organization;
using Fengqiao.Receptions.Schedule;

namespace Fengqiao.Receptions.Registers;

/// <summary>The place a policy or incident is registered for: a town or village of the caller's jurisdiction, which a must-visit can go to.</summary>
internal sealed class RegisterPlaces(ICurrentUser caller, IOrganizationDirectory directory)
{
    public async Task<RegionSnapshot> PlaceAsync(Guid regionId, string field, CancellationToken cancellationToken)
    {
        var region = await directory.FindRegionAsync(regionId, cancellationToken);
        if (region is null || !Jurisdiction.Contains(caller, region.Path))
        {
            throw ReceptionStore.Invalid(field, "No such region in your jurisdiction.");
        }

        return RegionPaths.LevelOf(region.Path) is RegionLevel.Town or RegionLevel.Village
            ? region
            : throw ReceptionStore.Invalid(field, "Name the town or village concerned: a must-visit goes to a town.");
    }
}
