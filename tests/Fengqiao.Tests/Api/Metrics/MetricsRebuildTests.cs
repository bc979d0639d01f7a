using System.Text.Json.Nodes;
using Fengqiao.Api.Hosting;
using Fengqiao.Metrics.Facts;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>The facts rebuilt from the event history the outbox keeps equal the facts the live events built.</summary>
public sealed class MetricsRebuildTests : MetricsTestBase
{
    [Test]
    public async Task Indicators_AfterARebuildFromTheEventHistory_AreTheSame()
    {
        await CraftedPetitionsAndCasesAsync();
        using var analyst = await Api.ClientForAsync("district.analyst");
        var query = $"/api/v1/metrics/indicators?{Period}&groupBy=region";
        var live = (await (await analyst.GetAsync(query)).ShouldBeOkAsync<JsonObject>()).ToJsonString();

        var rebuilt = await Api.Services.GetRequiredService<MetricsRebuild>().RebuildAsync(null, CancellationToken.None);

        Assert.That(rebuilt.Events, Is.GreaterThanOrEqualTo(4 + 4 + 2 + 1 + 2), "registered, accepted, replied, rated and closed");
        Assert.That((await (await analyst.GetAsync(query)).ShouldBeOkAsync<JsonObject>()).ToJsonString(), Is.EqualTo(live));
        using var output = new StringWriter();
        await MetricsRebuildCommand.RunAsync(Api.Services, output, CancellationToken.None);
        Assert.That(output.ToString(), Does.Contain($"Metrics rebuilt from {rebuilt.Events} events"));
        Assert.That((await (await analyst.GetAsync(query)).ShouldBeOkAsync<JsonObject>()).ToJsonString(), Is.EqualTo(live));
    }

    [Test]
    public async Task MonthlyRowsMigration_RollsUpTheStoredDays_AsTheConsumersWriteTheMonths()
    {
        await CraftedPetitionsAndCasesAsync();
        var written = MonthlyRows();
        Assert.That(written.Count(r => r.Contains("dimension=own", StringComparison.Ordinal)), Is.GreaterThan(1), "rows of more than one village");

        var script = File.ReadAllText(RepositoryPaths.Combine("db-migrations", "sqlite", "0101_metrics_monthly_facts.sql"));
        using (var db = TestDatabase.Open(Api))
        {
            using var command = db.CreateCommand();
            command.CommandText = "DELETE FROM metrics_monthly_facts;" + script[script.IndexOf("-- The facts stored before this script", StringComparison.Ordinal)..];
            command.ExecuteNonQuery();
        }

        Assert.That(MonthlyRows(), Is.EqualTo(written));
    }

    private List<string> MonthlyRows() => [.. MetricsTables.Rows(Api).Where(r => r.StartsWith("metrics_monthly_facts:", StringComparison.Ordinal))];
}
