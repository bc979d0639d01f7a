using Fengqiao.BuildingBlocks.Data;

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

    /// <summary>The towns and reasons of a district already recorded for a month.</summary>
    public const string RecordedOfMonth = """
        SELECT p.region_id AS RegionId, p.reason AS Reason
        FROM receptions_must_visit_proposals p
        WHERE p.district_id = @DistrictId AND p.month = @Month
        """;

    /// <summary>Records a town's proposal for a reason unless the month has it already; a concurrent recorder waits on the key range and then finds it.</summary>
    public static string InsertProposalIfAbsent(ISqlDialect dialect) => $"""
        INSERT INTO receptions_must_visit_proposals (id, month, district_id, region_id, region_path, region_name, reason, figures, proposed_at)
        SELECT @Id, @Month, @DistrictId, @RegionId, @RegionPath, @RegionName, @Reason, @Figures, @ProposedAt
        WHERE NOT EXISTS (
            SELECT 1 FROM receptions_must_visit_proposals p {dialect.KeyRangeLock}
            WHERE p.month = @Month AND p.region_id = @RegionId AND p.reason = @Reason)
        """;

    public const string DistrictsDoneInMonth = """
        SELECT r.district_id AS DistrictId FROM receptions_must_visit_rounds r WHERE r.month = @Month
        """;

    public static string InsertRoundIfAbsent(ISqlDialect dialect) => $"""
        INSERT INTO receptions_must_visit_rounds (month, district_id, proposed_at)
        SELECT @Month, @DistrictId, @ProposedAt
        WHERE NOT EXISTS (SELECT 1 FROM receptions_must_visit_rounds r {dialect.KeyRangeLock} WHERE r.month = @Month AND r.district_id = @DistrictId)
        """;

    /// <summary>Takes the monthly proposer's lease when free, expired or already ours: one instance proposes at a time.</summary>
    public const string ClaimLease = """
        UPDATE receptions_leases SET owner = @Owner, lease_until = @LeaseUntil
        WHERE name = 'must_visit_proposer' AND (lease_until IS NULL OR lease_until < @Now OR owner = @Owner)
        """;
}
