namespace Fengqiao.Receptions.MustVisits;

internal static class MustVisitSql
{
    /// <summary>Policies of a district that may count for the month: not ended before it, and effective by the latest lead the thresholds allow.</summary>
    public const string PoliciesOfDistrict = """
        SELECT p.id AS Id, p.title AS Title, p.region_path AS RegionPath, p.region_name AS RegionName, p.effective_from AS EffectiveFrom, p.effective_to AS EffectiveTo
        FROM receptions_policies p
        WHERE p.region_path LIKE @DistrictPrefix AND p.effective_from <= @LatestFrom AND (p.effective_to IS NULL OR p.effective_to >= @MonthStart)
        """;

    public const string IncidentsOfDistrict = """
        SELECT i.id AS Id, i.region_path AS RegionPath, i.region_name AS RegionName, i.day AS Day, i.description AS Description
        FROM receptions_incidents i
        WHERE i.region_path LIKE @DistrictPrefix AND i.day >= @EarliestDay AND i.day <= @MonthEnd
        """;

    /// <summary>The visits planned from a district's proposals of a month, with their state.</summary>
    public const string PlannedOfMonth = """
        SELECT m.town_id AS TownId, r.id AS ReceptionId, r.day AS Day, r.host_name AS HostName, r.status AS Status
        FROM receptions_must_visit_plans m
        JOIN receptions_receptions r ON r.id = m.reception_id
        WHERE m.district_id = @DistrictId AND m.month = @Month
        ORDER BY r.day, r.id
        """;

    public const string InsertPlan = """
        INSERT INTO receptions_must_visit_plans (reception_id, month, district_id, town_id, town_path, town_name, reasons, planned_by, planned_at)
        VALUES (@ReceptionId, @Month, @DistrictId, @TownId, @TownPath, @TownName, @Reasons, @PlannedBy, @PlannedAt)
        """;

    public const string IsPlanned = "SELECT COUNT(*) FROM receptions_must_visit_plans WHERE reception_id = @ReceptionId";
}
