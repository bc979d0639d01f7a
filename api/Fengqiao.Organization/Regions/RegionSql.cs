namespace Fengqiao.Organization.Regions;

internal static class RegionSql
{
    private const string Columns = "id AS Id, code AS Code, name AS Name, level AS Level, parent_id AS ParentId, path AS Path, retired_at AS RetiredAt, version AS Version";

    public const string ListInJurisdiction = $"""
        SELECT {Columns}
        FROM org_regions
        WHERE path LIKE @JurisdictionPrefix AND (@IncludeRetired = 1 OR retired_at IS NULL)
        ORDER BY path
        """;

    public const string GetInJurisdiction = $"""
        SELECT {Columns}
        FROM org_regions
        WHERE id = @Id AND path LIKE @JurisdictionPrefix
        """;

    public const string CodeTaken = "SELECT COUNT(*) FROM org_regions WHERE code = @Code";

    public const string ActiveSiblingNameTaken = """
        SELECT COUNT(*) FROM org_regions
        WHERE parent_id = @ParentId AND name = @Name AND retired_at IS NULL AND id <> @Id
        """;

    /// <summary>A new village goes after its town's other villages.</summary>
    public const string InsertChild = """
        INSERT INTO org_regions (id, code, name, level, parent_id, path, sort_order, version)
        SELECT @Id, @Code, @Name, @Level, @ParentId, @Path, COALESCE(MAX(sort_order), 0) + 1, 1
        FROM org_regions
        WHERE parent_id = @ParentId
        """;

    public const string Rename = """
        UPDATE org_regions SET name = @Name, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND retired_at IS NULL
        """;

    public const string Retire = """
        UPDATE org_regions SET retired_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND retired_at IS NULL
        """;

    public const string ActiveUnitsIn = "SELECT COUNT(*) FROM org_units WHERE region_id = @Id AND retired_at IS NULL";
}
