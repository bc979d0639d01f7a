using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Mediation.Rooms;

internal static class RoomSql
{
    public const string DisputeTypes = "SELECT code AS Code, name_zh AS NameZh, name_en AS NameEn FROM mediation_dispute_types ORDER BY sort_order, code";

    public const string InsertRoom = """
        INSERT INTO mediation_rooms (id, name, kind, region_id, region_path, region_name, address, opening_hours, intro, created_by, created_at, version)
        VALUES (@Id, @Name, @Kind, @RegionId, @RegionPath, @RegionName, @Address, @OpeningHours, @Intro, @CreatedBy, @CreatedAt, 1)
        """;

    public const string InsertSpecialty = "INSERT INTO mediation_room_specialties (room_id, dispute_type) VALUES (@RoomId, @DisputeType)";

    public const string DeleteSpecialties = "DELETE FROM mediation_room_specialties WHERE room_id = @RoomId";

    private const string Columns = """
        r.id AS Id, r.name AS Name, r.kind AS Kind, r.region_id AS RegionId, r.region_path AS RegionPath, r.region_name AS RegionName,
        r.address AS Address, r.opening_hours AS OpeningHours, r.intro AS Intro, r.version AS Version
        """;

    /// <summary>A room within the caller's jurisdiction (region subtree); outside it, as missing.</summary>
    public const string ById = $"""
        SELECT {Columns}
        FROM mediation_rooms r
        WHERE r.id = @Id AND r.region_path LIKE @JurisdictionPrefix
        """;

    public const string Update = """
        UPDATE mediation_rooms
        SET name = @Name, kind = @Kind, region_id = @RegionId, region_path = @RegionPath, region_name = @RegionName, address = @Address,
            opening_hours = @OpeningHours, intro = @Intro, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string SpecialtiesOf = "SELECT room_id AS RoomId, dispute_type AS DisputeType FROM mediation_room_specialties WHERE room_id IN @RoomIds ORDER BY dispute_type";

    /// <summary>The open (registered or accepted) disputes of rooms.</summary>
    public const string OpenDisputesOf = """
        SELECT room_id AS RoomId, COUNT(*) AS Count FROM mediation_disputes
        WHERE room_id IN @RoomIds AND status IN ('Registered', 'Accepted')
        GROUP BY room_id
        """;

    /// <summary>The sessions of rooms starting within [@From, @To), leaving out the cancelled ones.</summary>
    public const string SessionsOf = """
        SELECT room_id AS RoomId, COUNT(*) AS Count FROM mediation_sessions
        WHERE room_id IN @RoomIds AND starts_at >= @From AND starts_at < @To AND status <> 'Cancelled'
        GROUP BY room_id
        """;

    private const string ListWhere = """
        WHERE r.region_path LIKE @JurisdictionPrefix AND r.region_path LIKE @RegionPrefix
          AND (@Kind IS NULL OR r.kind = @Kind)
        """;

    private const string AfterCursor = """
          AND (r.region_path > @AfterPath OR (r.region_path = @AfterPath AND (r.name > @AfterName OR (r.name = @AfterName AND r.id > @AfterId))))
        """;

    /// <summary>The rooms of the caller's jurisdiction, by region (the city's before its districts') and name; the page after a cursor.</summary>
    public static IReadOnlyDictionary<string, string> List(ISqlDialect dialect) => new Dictionary<string, string>
    {
        ["first"] = $"SELECT {Columns} FROM mediation_rooms r {ListWhere} ORDER BY r.region_path, r.name, r.id {dialect.Limit("@Limit")}",
        ["after"] = $"SELECT {Columns} FROM mediation_rooms r {ListWhere} {AfterCursor} ORDER BY r.region_path, r.name, r.id {dialect.Limit("@Limit")}",
    };
}
