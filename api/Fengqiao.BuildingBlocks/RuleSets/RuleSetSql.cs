namespace Fengqiao.BuildingBlocks.RuleSets;

internal static class RuleSetSql
{
    public const string List = """
        SELECT name AS Name, title AS Title, is_active AS IsActive, version AS Version, updated_at AS UpdatedAt, document AS Document
        FROM platform_rule_sets
        ORDER BY name
        """;

    public const string Get = """
        SELECT name AS Name, title AS Title, is_active AS IsActive, version AS Version, updated_at AS UpdatedAt, document AS Document
        FROM platform_rule_sets
        WHERE name = @Name
        """;

    public const string InsertIfAbsent = """
        INSERT INTO platform_rule_sets (name, title, document, is_active, version, updated_at)
        SELECT @Name, @Title, @Document, 0, 1, @Now
        WHERE NOT EXISTS (SELECT 1 FROM platform_rule_sets WHERE name = @Name)
        """;

    public const string CountActive = "SELECT CAST(COUNT(*) AS BIGINT) FROM platform_rule_sets WHERE is_active = 1";

    public const string Update = """
        UPDATE platform_rule_sets
        SET title = @Title, document = @Document, version = version + 1, updated_at = @Now
        WHERE name = @Name AND version = @ExpectedVersion
        """;

    /// <summary>First the others step down, so the unique index on the active flag never sees two at once.</summary>
    public const string Deactivate = """
        UPDATE platform_rule_sets
        SET is_active = 0, version = version + 1, updated_at = @Now
        WHERE is_active = 1 AND name <> @Name
        """;

    public const string Activate = """
        UPDATE platform_rule_sets
        SET is_active = 1, version = version + 1, updated_at = @Now
        WHERE name = @Name AND version = @ExpectedVersion
        """;

    /// <summary>Versions only grow and rule sets are never deleted, so count and sum change with every write.</summary>
    public const string Stamp = """
        SELECT CAST(COUNT(*) AS BIGINT) AS Rows, CAST(COALESCE(SUM(version), 0) AS BIGINT) AS Versions
        FROM platform_rule_sets
        """;
}
