using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Organization;
using Fengqiao.Organization.Regions;
using Fengqiao.Organization.Units;

namespace Fengqiao.Organization.Directory;

internal static class DirectorySql
{
    private const string RegionColumns = "id AS Id, code AS Code, name AS Name, level AS Level, path AS Path";

    public const string Region = $"""
        SELECT {RegionColumns}
        FROM org_regions
        WHERE id = @Id
        """;

    public const string RegionNameByCode = "SELECT name FROM org_regions WHERE code = @Code";

    public const string AllRegions = $"""
        SELECT {RegionColumns}
        FROM org_regions
        ORDER BY path
        """;

    public const string RegionsByPath = $"""
        SELECT {RegionColumns}
        FROM org_regions
        WHERE path IN @Paths
        ORDER BY path
        """;

    public const string RegionByPath = $"""
        SELECT {RegionColumns}
        FROM org_regions
        WHERE path = @Path
        """;

    /// <summary>With the parent's code and name, which name the children's district when the parent is one.</summary>
    public const string ChildRegions = """
        SELECT c.id AS Id, c.code AS Code, c.name AS Name, c.level AS Level, c.path AS Path, p.code AS ParentCode, p.name AS ParentName
        FROM org_regions c
        JOIN org_regions p ON p.id = c.parent_id
        WHERE c.parent_id = @ParentId
        ORDER BY c.path
        """;

    public const string RegionNamesByCode = "SELECT code AS Code, name AS Name FROM org_regions WHERE code IN @Codes";

    public const string ActiveUnits = """
        SELECT u.id AS Id, u.name AS Name, u.kind AS Kind, u.region_id AS RegionId, u.region_path AS RegionPath, r.level AS RegionLevel, u.retired_at AS RetiredAt
        FROM org_units u
        JOIN org_regions r ON r.id = u.region_id
        WHERE u.retired_at IS NULL
        ORDER BY u.region_path, u.name
        """;

    public const string User = """
        SELECT id AS Id, display_name AS DisplayName, unit_id AS UnitId, is_disabled AS IsDisabled
        FROM org_users
        WHERE id = @Id
        """;

    public const string UserRoles = "SELECT role FROM org_user_roles WHERE user_id = @Id";

    public const string Units = """
        SELECT u.id AS Id, u.name AS Name, u.kind AS Kind, u.region_id AS RegionId, u.region_path AS RegionPath, r.level AS RegionLevel, u.retired_at AS RetiredAt
        FROM org_units u
        JOIN org_regions r ON r.id = u.region_id
        WHERE u.id IN @Ids
        """;
}

internal sealed record DirectoryRegionRow
{
    public required Guid Id { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public required RegionLevel Level { get; init; }

    public required string Path { get; init; }

    /// <summary>Read only with the children of a region.</summary>
    public string? ParentCode { get; init; }

    public string? ParentName { get; init; }
}

internal sealed record RegionName(string Code, string Name);

internal sealed record DirectoryUnitRow
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required UnitKind Kind { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionPath { get; init; }

    public required RegionLevel RegionLevel { get; init; }

    public DateTimeOffset? RetiredAt { get; init; }
}

internal sealed record DirectoryUserRow
{
    public required Guid Id { get; init; }

    public required string DisplayName { get; init; }

    public required Guid UnitId { get; init; }

    public required bool IsDisabled { get; init; }
}

internal sealed class OrganizationDirectory(IDbSession session) : IOrganizationDirectory
{
    public async Task<UserSnapshot?> FindUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<DirectoryUserRow>(DirectorySql.User, new { Id = userId }, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var roles = await session.QueryAsync<string>(DirectorySql.UserRoles, new { Id = userId }, cancellationToken);
        return new UserSnapshot(row.Id, row.DisplayName, row.UnitId, roles.Select(r => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(r)).Order(StringComparer.Ordinal).ToList(), row.IsDisabled);
    }

    public async Task<RegionSnapshot?> FindRegionAsync(Guid regionId, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<DirectoryRegionRow>(DirectorySql.Region, new { Id = regionId }, cancellationToken);
        if (row is null)
        {
            return null;
        }

        // The path is /city/district/...: its second code names the district, if the region lies in one.
        var codes = row.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var districtName = codes.Length < 2 ? null
            : codes[1] == row.Code ? row.Name
            : await session.QuerySingleOrDefaultAsync<string>(DirectorySql.RegionNameByCode, new { Code = codes[1] }, cancellationToken);
        return new RegionSnapshot(row.Id, row.Code, row.Name, Snake(row.Level), row.Path, districtName);
    }

    public async Task<UnitSnapshot?> FindUnitAsync(Guid unitId, CancellationToken cancellationToken) =>
        (await FindUnitsAsync([unitId], cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<UnitSnapshot>> FindUnitsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken)
    {
        if (unitIds.Count == 0)
        {
            return [];
        }

        // Dapper expands IN lists without type handlers, so ids go as text: SQLite stores them so and SQL Server converts.
        var rows = await session.QueryAsync<DirectoryUnitRow>(DirectorySql.Units, new { Ids = unitIds.Select(id => id.ToString("D")).ToList() }, cancellationToken);
        return rows.Select(ToSnapshot).ToList();
    }

    public async Task<IReadOnlyList<RegionSnapshot>> ListRegionsAsync(CancellationToken cancellationToken) =>
        await ToSnapshotsAsync(await session.QueryAsync<DirectoryRegionRow>(DirectorySql.AllRegions, null, cancellationToken), cancellationToken);

    /// <summary>One path, the commonest call (a caller's own region), by equality: one statement text instead of an expanded list.</summary>
    public async Task<IReadOnlyList<RegionSnapshot>> FindRegionsByPathAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken) =>
        paths.Count switch
        {
            0 => [],
            1 => await ToSnapshotsAsync(await session.QueryAsync<DirectoryRegionRow>(DirectorySql.RegionByPath, new { Path = paths.Single() }, cancellationToken), cancellationToken),
            _ => await ToSnapshotsAsync(await session.QueryAsync<DirectoryRegionRow>(DirectorySql.RegionsByPath, new { Paths = paths.ToList() }, cancellationToken), cancellationToken),
        };

    public async Task<IReadOnlyList<RegionSnapshot>> ListChildRegionsAsync(Guid parentId, CancellationToken cancellationToken) =>
        await ToSnapshotsAsync(await session.QueryAsync<DirectoryRegionRow>(DirectorySql.ChildRegions, new { ParentId = parentId }, cancellationToken), cancellationToken);

    /// <summary>Names each region's district: the second code of its path, read unless the rows hold it already.</summary>
    private async Task<IReadOnlyList<RegionSnapshot>> ToSnapshotsAsync(IReadOnlyList<DirectoryRegionRow> rows, CancellationToken cancellationToken)
    {
        static string? DistrictCode(DirectoryRegionRow row) => row.Path.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } codes ? codes[1] : null;

        var namesByCode = rows.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row is { ParentCode: { } parentCode, ParentName: { } parentName })
            {
                namesByCode.TryAdd(parentCode, parentName);
            }
        }

        var missing = rows.Select(DistrictCode).OfType<string>().Where(code => !namesByCode.ContainsKey(code)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            foreach (var district in await session.QueryAsync<RegionName>(DirectorySql.RegionNamesByCode, new { Codes = missing }, cancellationToken))
            {
                namesByCode[district.Code] = district.Name;
            }
        }

        return rows.Select(r => new RegionSnapshot(r.Id, r.Code, r.Name, Snake(r.Level), r.Path, DistrictCode(r) is { } code ? namesByCode.GetValueOrDefault(code) : null)).ToList();
    }

    public async Task<IReadOnlyList<UnitSnapshot>> ListUnitsAsync(CancellationToken cancellationToken) =>
        (await session.QueryAsync<DirectoryUnitRow>(DirectorySql.ActiveUnits, null, cancellationToken)).Select(ToSnapshot).ToList();

    private static UnitSnapshot ToSnapshot(DirectoryUnitRow r) => new(r.Id, r.Name, Snake(r.Kind), r.RegionId, r.RegionPath, Snake(r.RegionLevel), r.RetiredAt is not null);

    private static string Snake<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
