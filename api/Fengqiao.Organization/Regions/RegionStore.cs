using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;

namespace Fengqiao.Organization.Regions;

/// <summary>Reads and checks of regions for the administrator's changes, always within the caller's jurisdiction.</summary>
internal sealed class RegionStore(IDbSession session, ICurrentUser caller)
{
    public async Task<RegionItem> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await session.QuerySingleInJurisdictionAsync<RegionItem>(caller, RegionSql.GetInJurisdiction, new { Id = id }, cancellationToken)
            ?? throw new NotFoundException("Region");

    /// <summary>
    /// A village or community as the caller read it: 404 outside jurisdiction, 409 for a region of another level (the
    /// city, districts and towns are seeded) or a retired one, 412 when the version moved on.
    /// </summary>
    public async Task<RegionItem> GetVillageForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var region = await GetAsync(id, cancellationToken);
        if (region.Level != RegionLevel.Village)
        {
            throw new ConflictException("not_a_village", "Only villages and communities are changed here.");
        }

        if (region.RetiredAt is not null)
        {
            throw new ConflictException("region_retired", "The village is retired and can no longer change.");
        }

        return region.Version == expectedVersion ? region : throw new PreconditionFailedException(region.Version);
    }

    /// <summary>409 when another active village of the town has the name.</summary>
    public async Task CheckNameFreeAsync(Guid? parentId, Guid id, string name, CancellationToken cancellationToken)
    {
        if (await session.ExecuteScalarAsync<long>(RegionSql.ActiveSiblingNameTaken, new { ParentId = parentId, Name = name, Id = id }, cancellationToken) > 0)
        {
            throw new ConflictException("region_name_taken", $"The town already has an active village or community named '{name}'.");
        }
    }
}
