namespace Fengqiao.BuildingBlocks.Clock;

internal static class WorkCalendarSql
{
    public const string List = """
        SELECT year AS Year, source AS Source, holidays AS Holidays, make_up_workdays AS MakeUpWorkdays, version AS Version, updated_at AS UpdatedAt
        FROM platform_work_calendar_years
        ORDER BY year
        """;

    public const string Get = """
        SELECT year AS Year, source AS Source, holidays AS Holidays, make_up_workdays AS MakeUpWorkdays, version AS Version, updated_at AS UpdatedAt
        FROM platform_work_calendar_years
        WHERE year = @Year
        """;

    public const string Insert = """
        INSERT INTO platform_work_calendar_years (year, source, holidays, make_up_workdays, version, updated_at)
        VALUES (@Year, @Source, @Holidays, @MakeUpWorkdays, 1, @Now)
        """;

    public const string InsertIfAbsent = """
        INSERT INTO platform_work_calendar_years (year, source, holidays, make_up_workdays, version, updated_at)
        SELECT @Year, @Source, @Holidays, @MakeUpWorkdays, 1, @Now
        WHERE NOT EXISTS (SELECT 1 FROM platform_work_calendar_years WHERE year = @Year)
        """;

    public const string Update = """
        UPDATE platform_work_calendar_years
        SET source = @Source, holidays = @Holidays, make_up_workdays = @MakeUpWorkdays, version = version + 1, updated_at = @Now
        WHERE year = @Year AND version = @ExpectedVersion
        """;

    /// <summary>Versions only grow and years are never deleted, so count and sum change with every save.</summary>
    public const string Stamp = """
        SELECT CAST(COUNT(*) AS BIGINT) AS Rows, CAST(COALESCE(SUM(version), 0) AS BIGINT) AS Versions
        FROM platform_work_calendar_years
        """;
}
