using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Organization.JointMeetings;

internal static class JointMeetingSql
{
    private const string Columns = """
        s.id AS Id, s.name AS Name, s.region_id AS RegionId, r.name AS RegionName, r.level AS RegionLevel, s.region_path AS RegionPath,
        s.convener_user_id AS ConvenerUserId, s.convener_name AS ConvenerName, s.convener_post AS ConvenerPost,
        s.established_on AS EstablishedOn, s.retired_on AS RetiredOn,
        (SELECT COUNT(*) FROM org_joint_meetings m WHERE m.system_id = s.id) AS MeetingCount,
        (SELECT MAX(m.held_on) FROM org_joint_meetings m WHERE m.system_id = s.id) AS LastMeetingOn,
        s.version AS Version
        """;

    private const string From = """
        FROM org_joint_meeting_systems s
        JOIN org_regions r ON r.id = s.region_id
        """;

    public static string List(ISqlDialect dialect) => $"""
        SELECT {Columns}
        {From}
        WHERE s.region_path LIKE @JurisdictionPrefix
          AND s.region_path LIKE @RegionPrefix
          AND (@IncludeRetired = 1 OR s.retired_on IS NULL)
          AND (@AfterPath IS NULL OR s.region_path > @AfterPath OR (s.region_path = @AfterPath AND s.id > @AfterId))
        ORDER BY s.region_path, s.id
        {dialect.Limit("@Limit")}
        """;

    public const string GetInJurisdiction = $"""
        SELECT {Columns}
        {From}
        WHERE s.id = @Id AND s.region_path LIKE @JurisdictionPrefix
        """;

    public const string RegionPathInJurisdiction = """
        SELECT path FROM org_regions WHERE id = @RegionId AND path LIKE @JurisdictionPrefix
        """;

    public const string MembersOf = """
        SELECT m.system_id AS SystemId, u.id AS UnitId, u.name AS UnitName
        FROM org_joint_meeting_members m
        JOIN org_units u ON u.id = m.unit_id
        WHERE m.system_id IN @SystemIds
        ORDER BY u.region_path, u.name, u.id
        """;

    /// <summary>A region a system may be set up for: an active district or town of the caller's jurisdiction.</summary>
    public const string SystemRegionInJurisdiction = """
        SELECT path FROM org_regions
        WHERE id = @RegionId AND path LIKE @JurisdictionPrefix AND retired_at IS NULL AND level IN ('District', 'Town')
        """;

    public const string ActiveSystemsOfRegion = "SELECT COUNT(*) FROM org_joint_meeting_systems WHERE region_id = @RegionId AND retired_on IS NULL";

    /// <summary>A convener chosen as a user: enabled, and working in a unit of the system's region subtree.</summary>
    public const string ConvenerNameInRegion = """
        SELECT us.display_name
        FROM org_users us
        JOIN org_units un ON un.id = us.unit_id
        WHERE us.id = @UserId AND us.is_disabled = 0 AND un.region_path LIKE @RegionPrefix
        """;

    /// <summary>How many of <c>@Ids</c> are active units of the system's region subtree.</summary>
    public const string ActiveUnitsInRegion = """
        SELECT COUNT(*) FROM org_units WHERE id IN @Ids AND retired_at IS NULL AND region_path LIKE @RegionPrefix
        """;

    public const string Insert = """
        INSERT INTO org_joint_meeting_systems (
            id, name, region_id, region_path, convener_user_id, convener_name, convener_post, established_on, retired_on, created_at, version)
        VALUES (@Id, @Name, @RegionId, @RegionPath, @ConvenerUserId, @ConvenerName, @ConvenerPost, @EstablishedOn, NULL, @Now, 1)
        """;

    public const string Update = """
        UPDATE org_joint_meeting_systems
        SET name = @Name, convener_user_id = @ConvenerUserId, convener_name = @ConvenerName, convener_post = @ConvenerPost,
            established_on = @EstablishedOn, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND retired_on IS NULL
        """;

    public const string Retire = """
        UPDATE org_joint_meeting_systems SET retired_on = @RetiredOn, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND retired_on IS NULL
        """;

    public const string InsertMember = "INSERT INTO org_joint_meeting_members (system_id, unit_id) VALUES (@SystemId, @UnitId)";

    public const string DeleteMembers = "DELETE FROM org_joint_meeting_members WHERE system_id = @SystemId";

    public const string FirstMeetingOn = "SELECT MIN(held_on) FROM org_joint_meetings WHERE system_id = @SystemId";

    public const string InsertMeeting = """
        INSERT INTO org_joint_meetings (id, system_id, held_on, matters, decisions, recorded_by, recorded_at)
        VALUES (@Id, @SystemId, @HeldOn, @Matters, @Decisions, @RecordedBy, @Now)
        """;

    public const string InsertLink = "INSERT INTO org_joint_meeting_links (meeting_id, kind, target_id) VALUES (@MeetingId, @Kind, @TargetId)";

    public static string Meetings(ISqlDialect dialect) => $"""
        SELECT id AS Id, system_id AS SystemId, held_on AS HeldOn, matters AS Matters, decisions AS Decisions, recorded_at AS RecordedAt
        FROM org_joint_meetings
        WHERE system_id = @SystemId
          AND (@AfterHeldOn IS NULL OR held_on < @AfterHeldOn OR (held_on = @AfterHeldOn AND id < @AfterId))
        ORDER BY held_on DESC, id DESC
        {dialect.Limit("@Limit")}
        """;

    public const string LinksOf = """
        SELECT meeting_id AS MeetingId, kind AS Kind, target_id AS TargetId
        FROM org_joint_meeting_links
        WHERE meeting_id IN @MeetingIds
        """;
}
