namespace Fengqiao.Dispatch.BulkLoading;

internal static class CaseBulkSql
{
    public const string AnyCase = "SELECT CASE WHEN EXISTS (SELECT 1 FROM dispatch_cases) THEN 1 ELSE 0 END";
}
