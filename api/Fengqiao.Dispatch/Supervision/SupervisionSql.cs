namespace Fengqiao.Dispatch.Supervision;

internal static class SupervisionSql
{
    public const string InsertOrder = """
        INSERT INTO dispatch_supervision_orders (id, case_id, unit_id, unit_name, text, due_on, issued_at, issued_by_name, answer_text, answered_at, answered_by_name)
        VALUES (@Id, @CaseId, @UnitId, @UnitName, @Text, @DueOn, @Now, @ByName, NULL, NULL, NULL)
        """;

    public const string OrderOfCase = """
        SELECT id AS Id, unit_id AS UnitId, answered_at AS AnsweredAt FROM dispatch_supervision_orders WHERE id = @Id AND case_id = @CaseId
        """;

    public const string AnswerOrder = """
        UPDATE dispatch_supervision_orders SET answer_text = @Text, answered_at = @Now, answered_by_name = @ByName
        WHERE id = @Id AND answered_at IS NULL
        """;

    public const string OrdersOf = """
        SELECT id AS Id, unit_id AS UnitId, unit_name AS UnitName, text AS Text, due_on AS DueOn, issued_at AS IssuedAt, issued_by_name AS IssuedByName,
               answer_text AS AnswerText, answered_at AS AnsweredAt, answered_by_name AS AnsweredByName
        FROM dispatch_supervision_orders
        WHERE case_id = @CaseId
        ORDER BY issued_at
        """;

    /// <summary>
    /// Open cases of the caller's region subtree by lead unit: red and yellow lights, backlog (open past the
    /// running deadline), repeat and skip-level petitions, cases under listed supervision.
    /// </summary>
    public const string BoardByUnit = """
        SELECT c.lead_unit_id AS UnitId, MAX(c.lead_unit_name) AS UnitName,
               SUM(CASE WHEN c.light = 'Red' THEN 1 ELSE 0 END) AS Red,
               SUM(CASE WHEN c.light = 'Yellow' THEN 1 ELSE 0 END) AS Yellow,
               SUM(CASE WHEN c.current_due_on < @Today AND c.light <> 'None' THEN 1 ELSE 0 END) AS Backlog,
               SUM(CASE WHEN c.is_repeat = 1 THEN 1 ELSE 0 END) AS Repeat,
               SUM(CASE WHEN c.is_skip_level = 1 THEN 1 ELSE 0 END) AS SkipLevel,
               SUM(CASE WHEN c.is_listed = 1 THEN 1 ELSE 0 END) AS Listed,
               COUNT(*) AS OpenCases
        FROM dispatch_cases c
        WHERE c.light IN ('Green', 'Yellow', 'Red') AND c.region_path LIKE @JurisdictionPrefix
        GROUP BY c.lead_unit_id
        """;

    public const string BoardByRegion = """
        SELECT c.region_id AS RegionId, MAX(c.region_name) AS RegionName,
               SUM(CASE WHEN c.light = 'Red' THEN 1 ELSE 0 END) AS Red,
               SUM(CASE WHEN c.light = 'Yellow' THEN 1 ELSE 0 END) AS Yellow,
               SUM(CASE WHEN c.current_due_on < @Today AND c.light <> 'None' THEN 1 ELSE 0 END) AS Backlog,
               SUM(CASE WHEN c.is_repeat = 1 THEN 1 ELSE 0 END) AS Repeat,
               SUM(CASE WHEN c.is_skip_level = 1 THEN 1 ELSE 0 END) AS SkipLevel,
               SUM(CASE WHEN c.is_listed = 1 THEN 1 ELSE 0 END) AS Listed,
               COUNT(*) AS OpenCases
        FROM dispatch_cases c
        WHERE c.light IN ('Green', 'Yellow', 'Red') AND c.region_path LIKE @JurisdictionPrefix
        GROUP BY c.region_id
        """;
}
