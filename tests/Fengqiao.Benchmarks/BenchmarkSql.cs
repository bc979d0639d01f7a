namespace Fengqiao.Benchmarks;

internal static class BenchmarkSql
{
    public const string PetitionCount = "SELECT COUNT(*) FROM intake_petitions";
}
