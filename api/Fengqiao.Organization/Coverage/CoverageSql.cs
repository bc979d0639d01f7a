namespace Fengqiao.Organization.Coverage;

internal static class CoverageSql
{
    /// <summary>The city or a district of the caller's jurisdiction; without <c>@RegionId</c>, the caller's own region.</summary>
    public const string Region = """
        SELECT id AS Id, name AS Name, level AS Level, path AS Path
        FROM org_regions
        WHERE ((@RegionId IS NULL AND path = @JurisdictionPath) OR (@RegionId IS NOT NULL AND id = @RegionId))
          AND path LIKE @JurisdictionPrefix
        """;

    /// <summary>
    /// Per district of the subtree: its active towns, those with a joint-meeting system active on <c>@AsOf</c>, those holding
    /// the district's letter of <c>@Year</c>; its active villages, and those holding their town's letter of the year (withdrawn
    /// letters do not count).
    /// </summary>
    public const string ByDistrict = """
        SELECT d.id AS RegionId, d.name AS RegionName,
            (SELECT COUNT(*) FROM org_regions t
             WHERE t.parent_id = d.id AND t.level = 'Town' AND t.retired_at IS NULL) AS Towns,
            (SELECT COUNT(*) FROM org_regions t
             WHERE t.parent_id = d.id AND t.level = 'Town' AND t.retired_at IS NULL
               AND EXISTS (SELECT 1 FROM org_joint_meeting_systems s
                           WHERE s.region_id = t.id AND s.established_on <= @AsOf AND (s.retired_on IS NULL OR s.retired_on > @AsOf))) AS TownsWithJointMeeting,
            (SELECT COUNT(*) FROM org_regions t
             WHERE t.parent_id = d.id AND t.level = 'Town' AND t.retired_at IS NULL
               AND EXISTS (SELECT 1 FROM org_responsibility_letters l
                           WHERE l.year = @Year AND l.issuing_region_id = d.id AND l.receiving_region_id = t.id AND l.withdrawn_at IS NULL)) AS TownLetters,
            (SELECT COUNT(*) FROM org_regions v JOIN org_regions t ON t.id = v.parent_id
             WHERE t.parent_id = d.id AND v.level = 'Village' AND v.retired_at IS NULL) AS Villages,
            (SELECT COUNT(*) FROM org_regions v JOIN org_regions t ON t.id = v.parent_id
             WHERE t.parent_id = d.id AND v.level = 'Village' AND v.retired_at IS NULL
               AND EXISTS (SELECT 1 FROM org_responsibility_letters l
                           WHERE l.year = @Year AND l.issuing_region_id = t.id AND l.receiving_region_id = v.id AND l.withdrawn_at IS NULL)) AS VillageLetters
        FROM org_regions d
        WHERE d.level = 'District' AND d.path LIKE @RegionPrefix
        ORDER BY d.path
        """;
}
