using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Intake.Routing;

internal static class RoutingSql
{
    private const string Columns = "id AS Id, category AS Category, region_path AS RegionPath, unit_id AS UnitId, version AS Version";

    public const string ForCategoryAndPaths = """
        SELECT region_path AS RegionPath, unit_id AS UnitId
        FROM intake_routing_rules
        WHERE category = @Category AND region_path IN @Paths
        """;

    public static string List(ISqlDialect dialect) => $"""
        SELECT {Columns}
        FROM intake_routing_rules
        WHERE region_path LIKE @JurisdictionPrefix
          AND region_path LIKE @RegionPrefix
          AND (@Category IS NULL OR category = @Category)
          AND (@AfterPath IS NULL
               OR region_path > @AfterPath
               OR (region_path = @AfterPath AND (category > @AfterCategory OR (category = @AfterCategory AND id > @AfterId))))
        ORDER BY region_path, category, id
        {dialect.Limit("@Limit")}
        """;

    public const string GetInJurisdiction = $"""
        SELECT {Columns}
        FROM intake_routing_rules
        WHERE id = @Id AND region_path LIKE @JurisdictionPrefix
        """;

    public const string OtherRuleExists = """
        SELECT CAST(COUNT(*) AS BIGINT) FROM intake_routing_rules
        WHERE category = @Category AND region_path = @RegionPath AND id <> @Id
        """;

    public const string Insert = """
        INSERT INTO intake_routing_rules (id, category, region_path, unit_id, created_at, version, updated_at)
        VALUES (@Id, @Category, @RegionPath, @UnitId, @Now, 1, @Now)
        """;

    public const string Update = """
        UPDATE intake_routing_rules
        SET category = @Category, region_path = @RegionPath, unit_id = @UnitId, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string Delete = "DELETE FROM intake_routing_rules WHERE id = @Id AND version = @ExpectedVersion";
}
