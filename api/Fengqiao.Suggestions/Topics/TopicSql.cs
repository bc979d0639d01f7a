using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Suggestions.Topics;

internal static class TopicSql
{
    private const string Columns = """
        t.id AS Id, t.status AS Status, t.title AS Title, t.description AS Description, t.region_id AS RegionId, t.region_path AS RegionPath,
        t.region_name AS RegionName, t.unit_id AS UnitId, t.unit_name AS UnitName, t.opens_on AS OpensOn, t.closes_on AS ClosesOn, t.summary AS Summary,
        t.created_at AS CreatedAt, t.published_at AS PublishedAt, t.closed_at AS ClosedAt, t.concluded_at AS ConcludedAt, t.version AS Version
        """;

    public const string Insert = """
        INSERT INTO suggestions_topics (
            id, status, title, description, region_id, region_path, region_name, unit_id, unit_name, opens_on, closes_on, summary,
            created_by, created_at, published_at, closed_at, concluded_at, version)
        VALUES (
            @Id, @Status, @Title, @Description, @RegionId, @RegionPath, @RegionName, @UnitId, @UnitName, @OpensOn, @ClosesOn, @Summary,
            @CreatedBy, @CreatedAt, @PublishedAt, @ClosedAt, @ConcludedAt, @Version)
        """;

    /// <summary>A topic within the caller's jurisdiction (region subtree); outside it, as missing.</summary>
    public const string ById = $"""
        SELECT {Columns}
        FROM suggestions_topics t
        WHERE t.id = @Id AND t.region_path LIKE @JurisdictionPrefix
        """;

    /// <summary>A topic once published, wherever it lies: what a member of the public suggests on.</summary>
    public const string PublicById = $"""
        SELECT {Columns}
        FROM suggestions_topics t
        WHERE t.id = @Id AND t.status <> 'Draft'
        """;

    public const string Update = """
        UPDATE suggestions_topics
        SET title = @Title, description = @Description, region_id = @RegionId, region_path = @RegionPath, region_name = @RegionName,
            unit_id = @UnitId, unit_name = @UnitName, opens_on = @OpensOn, closes_on = @ClosesOn, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string Publish = """
        UPDATE suggestions_topics
        SET status = 'Published', published_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string Close = """
        UPDATE suggestions_topics
        SET status = 'Closed', closed_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string Conclude = """
        UPDATE suggestions_topics
        SET status = 'Concluded', summary = @Summary, concluded_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    private const string ListColumns = """
        t.id AS Id, t.status AS Status, t.title AS Title, t.region_id AS RegionId, t.region_name AS RegionName, t.unit_id AS UnitId,
        t.unit_name AS UnitName, t.opens_on AS OpensOn, t.closes_on AS ClosesOn, t.created_at AS CreatedAt, t.version AS Version
        """;

    private const string ListWhere = """
        WHERE t.region_path LIKE @JurisdictionPrefix AND t.region_path LIKE @RegionPrefix
          AND (@Status IS NULL OR t.status = @Status)
        """;

    private const string AfterCursor = """
          AND (t.created_at < @AfterCreatedAt OR (t.created_at = @AfterCreatedAt AND t.id < @AfterId))
        """;

    /// <summary>The jurisdiction's topics, newest first, optionally of a region's subtree and a status; the page after a cursor.</summary>
    public static IReadOnlyDictionary<string, string> List(ISqlDialect dialect) => new Dictionary<string, string>
    {
        ["first"] = $"SELECT {ListColumns} FROM suggestions_topics t {ListWhere} ORDER BY t.created_at DESC, t.id DESC {dialect.Limit("@Limit")}",
        ["after"] = $"SELECT {ListColumns} FROM suggestions_topics t {ListWhere} {AfterCursor} ORDER BY t.created_at DESC, t.id DESC {dialect.Limit("@Limit")}",
    };
}
