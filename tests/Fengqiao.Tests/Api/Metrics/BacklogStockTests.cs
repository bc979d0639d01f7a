using Fengqiao.Metrics.Facts;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>
/// The backlog's stock kept beside the monthly rows, as the consumers write it and as migration 0105 fills it. Apart from the rebuild's
/// tests: the facts crafted here are not events, and a rebuild from the history drops them.
/// </summary>
public sealed class BacklogStockTests : MetricsTestBase
{
    [Test]
    public async Task BacklogStockMigration_SumsTheStoredMonths_AsTheConsumersKeepTheStock()
    {
        await CraftedFacts.AddInFirstVillageAsync(Api, "府山街道", "2025-03-02", "visit", (Counter.BacklogChange, 3));
        await CraftedFacts.AddInFirstVillageAsync(Api, "府山街道", "2025-04-20", "visit", (Counter.BacklogChange, -1));
        await CraftedFacts.AddInFirstVillageAsync(Api, "塔山街道", "2025-04-01", "letter", (Counter.BacklogChange, 1));
        await CraftedFacts.AddInFirstVillageAsync(Api, "塔山街道", "2025-05-01", "letter", (Counter.BacklogChange, -1));
        var kept = StockRows();
        Assert.That(kept, Has.Some.Contains("dimension=channel|region_path=/330600/330602/|parent_path=/330600/|dimension_value=visit|backlog=2"));
        Assert.That(kept, Has.None.Contains("dimension_value=letter"), "a stock back at zero keeps no row");

        var script = File.ReadAllText(RepositoryPaths.Combine("db-migrations", "sqlite", "0105_metrics_backlog_stock.sql"));
        using (var db = TestDatabase.Open(Api))
        {
            using var command = db.CreateCommand();
            command.CommandText = "DELETE FROM metrics_backlog_stock;" + script[script.IndexOf("-- The stock of the months stored before", StringComparison.Ordinal)..];
            command.ExecuteNonQuery();
        }

        Assert.That(StockRows(), Is.EqualTo(kept));
    }

    private List<string> StockRows() => [.. MetricsTables.Rows(Api).Where(r => r.StartsWith("metrics_backlog_stock:", StringComparison.Ordinal))];
}
