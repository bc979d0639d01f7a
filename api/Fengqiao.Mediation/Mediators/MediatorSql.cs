namespace Fengqiao.Mediation.Mediators;

internal static class MediatorSql
{
    private const string Columns = """
        m.id AS Id, m.room_id AS RoomId, m.name AS Name, m.specialty AS Specialty, m.region_id AS RegionId, m.region_path AS RegionPath,
        m.region_name AS RegionName, m.user_id AS UserId, m.user_display_name AS UserDisplayName, m.is_retired AS IsRetired,
        m.retired_at AS RetiredAt, m.version AS Version
        """;

    public const string Insert = """
        INSERT INTO mediation_mediators (id, room_id, name, specialty, region_id, region_path, region_name, user_id, user_display_name, is_retired, retired_at, added_at, version)
        VALUES (@Id, @RoomId, @Name, @Specialty, @RegionId, @RegionPath, @RegionName, @UserId, @UserDisplayName, 0, NULL, @AddedAt, 1)
        """;

    /// <summary>A mediator of a room, both found only when the room lies within the caller's jurisdiction.</summary>
    public const string ById = $"""
        SELECT {Columns}
        FROM mediation_mediators m JOIN mediation_rooms r ON r.id = m.room_id
        WHERE m.id = @Id AND m.room_id = @RoomId AND r.region_path LIKE @JurisdictionPrefix
        """;

    /// <summary>The mediators of rooms, serving ones first, each group by name.</summary>
    public const string OfRooms = $"""
        SELECT {Columns}
        FROM mediation_mediators m
        WHERE m.room_id IN @RoomIds
        ORDER BY m.room_id, m.is_retired, m.name, m.id
        """;

    /// <summary>Whether a user account is already one of a room's serving mediators (other than the one being changed).</summary>
    public const string ServingWithAccount = """
        SELECT COUNT(*) FROM mediation_mediators
        WHERE room_id = @RoomId AND user_id = @UserId AND is_retired = 0 AND id <> @ExceptId
        """;

    public const string Update = """
        UPDATE mediation_mediators
        SET name = @Name, specialty = @Specialty, region_id = @RegionId, region_path = @RegionPath, region_name = @RegionName,
            user_id = @UserId, user_display_name = @UserDisplayName, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string Retire = """
        UPDATE mediation_mediators
        SET is_retired = 1, retired_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;
}
