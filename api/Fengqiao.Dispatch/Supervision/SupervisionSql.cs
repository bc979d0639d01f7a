using Fengqiao.BuildingBlocks.Data;

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
    /// Per lead unit, the open cases of a region's subtree (<c>@Scope</c>, its path): red and yellow lights, open cases, repeat
    /// and skip-level petitions, cases under listed supervision. Cases without a lead unit count under no unit. The handler
    /// checks the region against the caller's jurisdiction; the statements keep to it as well. Worst first, one page at a
    /// time after the row the cursor names: a city has hundreds of lead units.
    /// </summary>
    public static string BoardByUnit(ISqlDialect dialect) => $"""
        SELECT NULLIF(b.lead_unit_id, @NoUnit) AS UnitId, b.lead_unit_name AS UnitName, b.red AS Red, b.yellow AS Yellow, b.backlog AS Backlog,
               b.repeat_cases AS Repeat, b.skip_level AS SkipLevel, b.listed AS Listed, b.open_cases AS OpenCases
        FROM dispatch_board_unit_counts b
        WHERE b.scope_path = @Scope AND b.scope_path LIKE @JurisdictionPrefix AND b.open_cases > 0
          AND (@AfterRed IS NULL OR b.red < @AfterRed
               OR (b.red = @AfterRed AND (b.yellow < @AfterYellow
               OR (b.yellow = @AfterYellow AND (b.open_cases < @AfterOpenCases
               OR (b.open_cases = @AfterOpenCases AND b.lead_unit_id > @AfterUnitId))))))
        ORDER BY b.red DESC, b.yellow DESC, b.open_cases DESC, b.lead_unit_id
        {dialect.Limit("@Limit")}
        """;

    /// <summary>The same for each region of a subtree (<c>@RegionPrefix</c>), counting only the region's own cases.</summary>
    public const string BoardByRegion = """
        SELECT b.region_path AS RegionPath, b.red AS Red, b.yellow AS Yellow, b.backlog AS Backlog,
               b.repeat_cases AS Repeat, b.skip_level AS SkipLevel, b.listed AS Listed, b.open_cases AS OpenCases
        FROM dispatch_board_region_counts b
        WHERE b.open_cases > 0 AND b.region_path LIKE @RegionPrefix AND b.region_path LIKE @JurisdictionPrefix
        """;

    /// <summary>Creates a lead unit's counter of a region path at zero unless it exists.</summary>
    public static string EnsureUnitCounter(ISqlDialect dialect) => $"""
        INSERT INTO dispatch_board_unit_counts (scope_path, lead_unit_id, lead_unit_name, open_cases, red, yellow, backlog, repeat_cases, skip_level, listed)
        SELECT @ScopePath, @LeadUnitId, @LeadUnitName, 0, 0, 0, 0, 0, 0, 0
        WHERE NOT EXISTS (SELECT 1 FROM dispatch_board_unit_counts b {dialect.KeyRangeLock} WHERE b.scope_path = @ScopePath AND b.lead_unit_id = @LeadUnitId)
        """;

    /// <summary>Adds a case's change; the unit's name is the one of its latest case.</summary>
    public const string AddToUnitCounter = """
        UPDATE dispatch_board_unit_counts
        SET open_cases = open_cases + @OpenCases, red = red + @Red, yellow = yellow + @Yellow, backlog = backlog + @Backlog,
            repeat_cases = repeat_cases + @RepeatCases,
            skip_level = skip_level + @SkipLevel, listed = listed + @Listed, lead_unit_name = COALESCE(@LeadUnitName, lead_unit_name)
        WHERE scope_path = @ScopePath AND lead_unit_id = @LeadUnitId
        """;

    /// <summary>Creates a region's counter at zero unless it exists.</summary>
    public static string EnsureRegionCounter(ISqlDialect dialect) => $"""
        INSERT INTO dispatch_board_region_counts (region_id, region_path, region_name, open_cases, red, yellow, backlog, repeat_cases, skip_level, listed)
        SELECT @RegionId, @RegionPath, @RegionName, 0, 0, 0, 0, 0, 0, 0
        WHERE NOT EXISTS (SELECT 1 FROM dispatch_board_region_counts b {dialect.KeyRangeLock} WHERE b.region_id = @RegionId)
        """;

    public const string AddToRegionCounter = """
        UPDATE dispatch_board_region_counts
        SET open_cases = open_cases + @OpenCases, red = red + @Red, yellow = yellow + @Yellow, backlog = backlog + @Backlog,
            repeat_cases = repeat_cases + @RepeatCases,
            skip_level = skip_level + @SkipLevel, listed = listed + @Listed
        WHERE region_id = @RegionId
        """;
}
