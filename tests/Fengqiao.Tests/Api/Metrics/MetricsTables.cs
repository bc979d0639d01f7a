using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>The metrics' own tables as they stand, every row with every column, for comparing two ways of filling them.</summary>
internal static class MetricsTables
{
    private static readonly string[] Tables = ["metrics_daily_facts", "metrics_monthly_facts", "metrics_backlog_stock", "metrics_petitions", "metrics_cases", "metrics_disputes"];

    /// <summary>"table: column=value|…" per row, sorted, so that equal tables give equal lists whatever order the rows were written in.</summary>
    public static List<string> Rows(ApiFactory api)
    {
        using var db = TestDatabase.Open(api);
        var rows = new List<string>();
        foreach (var table in Tables)
        {
            using var command = db.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add($"{table}: " + string.Join('|', Enumerable.Range(0, reader.FieldCount)
                    .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : reader.GetValue(i))}")));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
