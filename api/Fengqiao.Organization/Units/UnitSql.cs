using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Organization.Units;

internal static class UnitSql
{
    private const string Columns = "u.id AS Id, u.name AS Name, u.kind AS Kind, u.region_id AS RegionId, r.name AS RegionName, u.region_path AS RegionPath";

    public static string List(ISqlDialect dialect) => $"""
        SELECT {Columns}
        FROM org_units u
        JOIN org_regions r ON r.id = u.region_id
        WHERE u.region_path LIKE @JurisdictionPrefix
          AND u.region_path LIKE @RegionPrefix
          AND (@Kind IS NULL OR u.kind = @Kind)
          AND (@AfterPath IS NULL
               OR u.region_path > @AfterPath
               OR (u.region_path = @AfterPath AND (u.name > @AfterName OR (u.name = @AfterName AND u.id > @AfterId))))
        ORDER BY u.region_path, u.name, u.id
        {dialect.Limit("@Limit")}
        """;

    public const string GetInJurisdiction = $"""
        SELECT {Columns}
        FROM org_units u
        JOIN org_regions r ON r.id = u.region_id
        WHERE u.id = @Id AND u.region_path LIKE @JurisdictionPrefix
        """;

    public const string RegionPathInJurisdiction = """
        SELECT path FROM org_regions WHERE id = @RegionId AND path LIKE @JurisdictionPrefix
        """;
}
