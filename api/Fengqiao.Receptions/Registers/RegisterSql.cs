using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Receptions.Registers;

internal static class RegisterSql
{
    public const string InsertPolicy = """
        INSERT INTO receptions_policies (id, title, region_id, region_path, region_name, effective_from, effective_to, note, registered_by, registered_at, version)
        VALUES (@Id, @Title, @RegionId, @RegionPath, @RegionName, @EffectiveFrom, @EffectiveTo, @Note, @RegisteredBy, @RegisteredAt, 1)
        """;

    public const string InsertIncident = """
        INSERT INTO receptions_incidents (id, region_id, region_path, region_name, day, description, registered_by, registered_at, version)
        VALUES (@Id, @RegionId, @RegionPath, @RegionName, @Day, @Description, @RegisteredBy, @RegisteredAt, 1)
        """;

    public const string UpdatePolicy = """
        UPDATE receptions_policies
        SET title = @Title, region_id = @RegionId, region_path = @RegionPath, region_name = @RegionName, effective_from = @EffectiveFrom,
            effective_to = @EffectiveTo, note = @Note, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string DeletePolicy = "DELETE FROM receptions_policies WHERE id = @Id AND version = @ExpectedVersion";

    public const string UpdateIncident = """
        UPDATE receptions_incidents
        SET region_id = @RegionId, region_path = @RegionPath, region_name = @RegionName, day = @Day, description = @Description, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string DeleteIncident = "DELETE FROM receptions_incidents WHERE id = @Id AND version = @ExpectedVersion";

    /// <summary>A policy of the caller's jurisdiction; one elsewhere is not found.</summary>
    public const string PolicyById = $"SELECT {PolicyColumns} FROM receptions_policies p WHERE p.id = @Id AND p.region_path LIKE @JurisdictionPrefix";

    /// <summary>An incident of the caller's jurisdiction; one elsewhere is not found.</summary>
    public const string IncidentById = $"SELECT {IncidentColumns} FROM receptions_incidents i WHERE i.id = @Id AND i.region_path LIKE @JurisdictionPrefix";

    private const string PolicyColumns = """
        p.id AS Id, p.title AS Title, p.region_id AS RegionId, p.region_name AS RegionName, p.effective_from AS EffectiveFrom,
        p.effective_to AS EffectiveTo, p.note AS Note, p.registered_at AS RegisteredAt, p.version AS Version
        """;

    private const string PolicyWhere = "WHERE p.region_path LIKE @JurisdictionPrefix AND p.region_path LIKE @RegionPrefix";

    /// <summary>The register of the caller's jurisdiction (optionally a region's subtree), latest effective first; the page after a cursor.</summary>
    public static IReadOnlyDictionary<string, string> Policies(ISqlDialect dialect) => new Dictionary<string, string>
    {
        ["first"] = $"SELECT {PolicyColumns} FROM receptions_policies p {PolicyWhere} ORDER BY p.effective_from DESC, p.id DESC {dialect.Limit("@Limit")}",
        ["after"] = $"""
            SELECT {PolicyColumns} FROM receptions_policies p {PolicyWhere}
              AND (p.effective_from < @AfterDay OR (p.effective_from = @AfterDay AND p.id < @AfterId))
            ORDER BY p.effective_from DESC, p.id DESC {dialect.Limit("@Limit")}
            """,
    };

    private const string IncidentColumns = """
        i.id AS Id, i.region_id AS RegionId, i.region_name AS RegionName, i.day AS Day, i.description AS Description, i.registered_at AS RegisteredAt, i.version AS Version
        """;

    private const string IncidentWhere = "WHERE i.region_path LIKE @JurisdictionPrefix AND i.region_path LIKE @RegionPrefix";

    /// <summary>The incidents of the caller's jurisdiction (optionally a region's subtree), latest first; the page after a cursor.</summary>
    public static IReadOnlyDictionary<string, string> Incidents(ISqlDialect dialect) => new Dictionary<string, string>
    {
        ["first"] = $"SELECT {IncidentColumns} FROM receptions_incidents i {IncidentWhere} ORDER BY i.day DESC, i.id DESC {dialect.Limit("@Limit")}",
        ["after"] = $"""
            SELECT {IncidentColumns} FROM receptions_incidents i {IncidentWhere}
              AND (i.day < @AfterDay OR (i.day = @AfterDay AND i.id < @AfterId))
            ORDER BY i.day DESC, i.id DESC {dialect.Limit("@Limit")}
            """,
    };
}
