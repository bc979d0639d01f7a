using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Receptions.Schedule;

internal static class ReceptionSql
{
    private const string Columns = """
        r.id AS Id, r.kind AS Kind, r.status AS Status, r.level AS Level, r.host_user_id AS HostUserId, r.host_name AS HostName,
        r.unit_id AS UnitId, r.unit_name AS UnitName, r.region_id AS RegionId, r.region_path AS RegionPath, r.region_name AS RegionName,
        r.day AS Day, r.starts_at AS StartsAt, r.ends_at AS EndsAt, r.place AS Place, r.theme AS Theme, r.purpose AS Purpose,
        r.is_published AS IsPublished, r.petition_id AS PetitionId, r.petition_number AS PetitionNumber, r.cancel_reason AS CancelReason,
        r.held_at AS HeldAt, r.cancelled_at AS CancelledAt, r.version AS Version
        """;

    public const string Insert = """
        INSERT INTO receptions_receptions (
            id, kind, status, level, host_user_id, host_name, unit_id, unit_name, region_id, region_path, region_name, day, starts_at, ends_at,
            place, theme, purpose, is_published, petition_id, petition_number, cancel_reason, held_at, cancelled_at, scheduled_by, scheduled_at, version)
        VALUES (
            @Id, @Kind, @Status, @Level, @HostUserId, @HostName, @UnitId, @UnitName, @RegionId, @RegionPath, @RegionName, @Day, @StartsAt, @EndsAt,
            @Place, @Theme, @Purpose, @IsPublished, @PetitionId, @PetitionNumber, NULL, NULL, NULL, @ScheduledBy, @ScheduledAt, 1)
        """;

    /// <summary>A reception within the caller's jurisdiction (region subtree); outside it, as missing.</summary>
    public const string ById = $"""
        SELECT {Columns}
        FROM receptions_receptions r
        WHERE r.id = @Id AND r.region_path LIKE @JurisdictionPrefix
        """;

    public const string Update = """
        UPDATE receptions_receptions
        SET region_id = @RegionId, region_path = @RegionPath, region_name = @RegionName, day = @Day, starts_at = @StartsAt, ends_at = @EndsAt,
            place = @Place, theme = @Theme, purpose = @Purpose, is_published = @IsPublished, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string Cancel = """
        UPDATE receptions_receptions
        SET status = 'Cancelled', cancel_reason = @Reason, cancelled_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string Hold = """
        UPDATE receptions_receptions
        SET status = 'Held', held_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    private const string ListColumns = """
        r.id AS Id, r.kind AS Kind, r.status AS Status, r.level AS Level, r.host_name AS HostName, r.unit_name AS UnitName,
        r.region_id AS RegionId, r.region_name AS RegionName, r.day AS Day, r.starts_at AS StartsAt, r.ends_at AS EndsAt, r.place AS Place,
        r.theme AS Theme, r.is_published AS IsPublished,
        (SELECT COUNT(*) FROM receptions_batches b WHERE b.reception_id = r.id) AS Batches,
        (SELECT COALESCE(SUM(b.persons), 0) FROM receptions_batches b WHERE b.reception_id = r.id) AS Persons,
        r.version AS Version
        """;

    private const string ListWhere = """
        WHERE r.region_path LIKE @JurisdictionPrefix AND r.region_path LIKE @RegionPrefix
          AND r.day >= @From AND r.day <= @To
          AND (@Kind IS NULL OR r.kind = @Kind)
        """;

    private const string AfterCursor = """
          AND (r.day > @AfterDay OR (r.day = @AfterDay AND (r.starts_at > @AfterStart OR (r.starts_at = @AfterStart AND r.id > @AfterId))))
        """;

    /// <summary>A month of the calendar in the caller's jurisdiction, by day and start time; the page after a cursor.</summary>
    public static IReadOnlyDictionary<string, string> List(ISqlDialect dialect) => new Dictionary<string, string>
    {
        ["first"] = $"SELECT {ListColumns} FROM receptions_receptions r {ListWhere} ORDER BY r.day, r.starts_at, r.id {dialect.Limit("@Limit")}",
        ["after"] = $"SELECT {ListColumns} FROM receptions_receptions r {ListWhere} {AfterCursor} ORDER BY r.day, r.starts_at, r.id {dialect.Limit("@Limit")}",
    };
}
