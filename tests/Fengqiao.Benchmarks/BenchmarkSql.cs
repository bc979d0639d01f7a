namespace Fengqiao.Benchmarks;

internal static class BenchmarkSql
{
    public const string PetitionCount = "SELECT COUNT(*) FROM intake_petitions";

    public const string CaseCount = "SELECT COUNT(*) FROM dispatch_cases";

    public const string DisputeCount = "SELECT COUNT(*) FROM mediation_disputes";

    public const string SessionCount = "SELECT COUNT(*) FROM mediation_sessions";

    public const string LatestSessionEnd = "SELECT MAX(ends_at) FROM mediation_sessions";

    public const string SuggestionCount = "SELECT COUNT(*) FROM suggestions_suggestions";

    public const string DiaryEntryCount = "SELECT COUNT(*) FROM suggestions_diary_entries";

    public const string FactCount = "SELECT COUNT(*) FROM metrics_daily_facts";

    public const string FactLatestDay = "SELECT MAX(day) FROM metrics_daily_facts";

    /// <summary>The first day of the latest days that hold at least @Skip + 1 rows of facts.</summary>
    public const string FactDayFromLatest = "SELECT day FROM metrics_daily_facts ORDER BY day DESC LIMIT 1 OFFSET @Skip";

    public const string CaseMix = "SELECT status AS Status, light AS Light, COUNT(*) AS Cases FROM dispatch_cases GROUP BY status, light ORDER BY status, light";
}
