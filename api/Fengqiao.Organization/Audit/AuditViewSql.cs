namespace Fengqiao.Organization.Audit;

internal static class AuditViewSql
{
    public const string Actor = """
        SELECT n.id AS UnitId, n.region_path AS RegionPath
        FROM org_users u
        JOIN org_units n ON n.id = u.unit_id
        WHERE u.id = @UserId
        """;

    public const string UserNames = "SELECT id AS Id, display_name AS Name FROM org_users WHERE id IN @Ids";

    public const string UnitNames = "SELECT id AS Id, name AS Name FROM org_units WHERE id IN @Ids";
}

internal sealed record NamedId
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }
}
