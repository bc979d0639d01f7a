namespace Fengqiao.Benchmarks;

internal static class BenchmarkSql
{
    public const string PetitionCount = "SELECT COUNT(*) FROM intake_petitions";

    public const string CaseCount = "SELECT COUNT(*) FROM dispatch_cases";

    public const string DisputeCount = "SELECT COUNT(*) FROM mediation_disputes";

    public const string SessionCount = "SELECT COUNT(*) FROM mediation_sessions";

    public const string SuggestionCount = "SELECT COUNT(*) FROM suggestions_suggestions";

    public const string DiaryEntryCount = "SELECT COUNT(*) FROM suggestions_diary_entries";

    public const string CaseMix = "SELECT status AS Status, light AS Light, COUNT(*) AS Cases FROM dispatch_cases GROUP BY status, light ORDER BY status, light";
}
