namespace Fengqiao.Organization.Seeding;

internal static class SeedingSql
{
    public const string AnyRegion = "SELECT COUNT(*) FROM org_regions";

    public const string UserIdByName = "SELECT id FROM org_users WHERE user_name = @UserName";

    public const string InsertRegion = """
        INSERT INTO org_regions (id, code, name, level, parent_id, path, sort_order)
        VALUES (@Id, @Code, @Name, @Level, @ParentId, @Path, @SortOrder)
        """;

    public const string InsertUnit = """
        INSERT INTO org_units (id, name, kind, region_id, region_path, created_at, version)
        VALUES (@Id, @Name, @Kind, @RegionId, @RegionPath, @Now, 1)
        """;

    public const string Regions = "SELECT id AS Id, code AS Code, path AS Path, level AS Level, parent_id AS ParentId FROM org_regions";

    public const string Units = "SELECT id AS Id, name AS Name, region_id AS RegionId FROM org_units";
}
