namespace Fengqiao.Organization.Regions;

internal static class RegionSql
{
    private const string Columns = "id AS Id, code AS Code, name AS Name, level AS Level, parent_id AS ParentId, path AS Path";

    public const string ListInJurisdiction = $"""
        SELECT {Columns}
        FROM org_regions
        WHERE path LIKE @JurisdictionPrefix
        ORDER BY path
        """;

    public const string GetInJurisdiction = $"""
        SELECT {Columns}
        FROM org_regions
        WHERE id = @Id AND path LIKE @JurisdictionPrefix
        """;
}
