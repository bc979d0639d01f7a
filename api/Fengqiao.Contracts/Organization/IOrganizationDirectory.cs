namespace Fengqiao.Contracts.Organization;

/// <summary>A region as other modules need it: where it sits in the tree and which district it belongs to.</summary>
/// <param name="Level">city, district, town or village.</param>
/// <param name="Path">Materialised path of region codes, e.g. <c>/330600/330602/330602001/</c>.</param>
public sealed record RegionSnapshot(Guid Id, string Code, string Name, string Level, string Path, string? DistrictName);

/// <param name="Kind">petition_bureau, functional_department, town_government, village_committee, mediation_committee or discipline_inspection.</param>
/// <param name="IsRetired">A retired unit keeps its name on past work but takes no new work.</param>
public sealed record UnitSnapshot(Guid Id, string Name, string Kind, Guid RegionId, string RegionPath, string RegionLevel, bool IsRetired);

/// <param name="Roles">snake_case role names.</param>
public sealed record UserSnapshot(Guid Id, string DisplayName, Guid UnitId, IReadOnlyList<string> Roles, bool IsDisabled);

/// <summary>Read-only look-ups of the organisation module for other modules; no jurisdiction applied.</summary>
public interface IOrganizationDirectory
{
    Task<RegionSnapshot?> FindRegionAsync(Guid regionId, CancellationToken cancellationToken);

    Task<UnitSnapshot?> FindUnitAsync(Guid unitId, CancellationToken cancellationToken);

    Task<UserSnapshot?> FindUserAsync(Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<UnitSnapshot>> FindUnitsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken);

    /// <summary>Every region, each after its parent (ordered by path).</summary>
    Task<IReadOnlyList<RegionSnapshot>> ListRegionsAsync(CancellationToken cancellationToken);

    /// <summary>The regions at the given paths, ordered by path; a path no region has is left out.</summary>
    Task<IReadOnlyList<RegionSnapshot>> FindRegionsByPathAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken);

    /// <summary>The regions directly below a region, ordered by path.</summary>
    Task<IReadOnlyList<RegionSnapshot>> ListChildRegionsAsync(Guid parentId, CancellationToken cancellationToken);

    /// <summary>Every unit not retired (those new work may go to), ordered by region path and name.</summary>
    Task<IReadOnlyList<UnitSnapshot>> ListUnitsAsync(CancellationToken cancellationToken);
}
