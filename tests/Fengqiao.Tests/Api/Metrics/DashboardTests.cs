using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Metrics.Facts;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>The leaders' dashboard in one read, and the indicators narrowed to the figures asked for, over a crafted June 2025 in 越城区.</summary>
public sealed class DashboardTests : MetricsTestBase
{
    private static readonly string[] Shown = ["registered", "satisfaction_rate", "resolution_rate"];

    [OneTimeSetUp]
    public async Task CraftTheMonths()
    {
        await CraftAsync("府山街道", "2025-05-20", "visit", resolved: 7);
        await CraftAsync("府山街道", "2025-06-15", "visit", resolved: 10);
        await CraftAsync("塔山街道", "2025-06-15", "letter", resolved: 7);
        await CraftAsync("迪荡街道", "2025-06-30", "online", resolved: 9);
        await CraftedFacts.AddInFirstVillageAsync(Api, "府山街道", "2025-05-02", "visit", (Counter.BacklogChange, 3));
        await CraftedFacts.AddInFirstVillageAsync(Api, "府山街道", "2025-06-20", "visit", (Counter.BacklogChange, -1));
    }

    [Test]
    public async Task Dashboard_AnswersWhatTheChartAndTheIndicatorsAnswerOneByOne()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var dashboard = await (await leader.GetAsync("/api/v1/metrics/dashboard?month=2025-06")).ShouldBeOkAsync<JsonObject>();

        var chart = await (await leader.GetAsync("/api/v1/metrics/five-colour?month=2025-06")).ShouldBeOkAsync<JsonObject>();
        var trend = await (await leader.GetAsync("/api/v1/metrics/indicators?from=2024-07-01&to=2025-06-30&groupBy=month")).ShouldBeOkAsync<JsonObject>();
        var channels = await (await leader.GetAsync("/api/v1/metrics/indicators?from=2025-06-01&to=2025-06-30&groupBy=channel")).ShouldBeOkAsync<JsonObject>();
        var categories = await (await leader.GetAsync("/api/v1/metrics/indicators?from=2025-06-01&to=2025-06-30&groupBy=category")).ShouldBeOkAsync<JsonObject>();
        Assert.That(JsonNode.DeepEquals(dashboard["fiveColour"], chart), "the chart");
        Assert.That(JsonNode.DeepEquals(dashboard["trend"], trend), "the twelve months");
        Assert.That(JsonNode.DeepEquals(dashboard["channels"], channels), "the mix by channel");
        Assert.That(JsonNode.DeepEquals(dashboard["categories"], categories), "the mix by category");

        Assert.That(Figures(dashboard["channels"]!["total"]!)["resolution_rate"], Is.EqualTo("26/30"));
        Assert.That(dashboard["channels"]!["rows"]!.AsArray().Select(r => r!["key"]!.GetValue<string>()), Is.EqualTo(new[] { "letter", "online", "visit" }));
        Assert.That(dashboard["trend"]!["rows"]!.AsArray().Select(r => Figures(r!)["registered"]).TakeLast(2), Is.EqualTo(new[] { "10", "30" }));
    }

    [Test]
    public async Task Dashboard_WithIndicators_CarriesOnlyThoseFigures_InTheDefinitionsOrder_AndTheChartAllItsOwn()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var dashboard = await (await leader.GetAsync(
            "/api/v1/metrics/dashboard?month=2025-06&indicators=resolution_rate&indicators=registered&indicators=satisfaction_rate")).ShouldBeOkAsync<JsonObject>();

        foreach (var part in new[] { "trend", "channels", "categories" })
        {
            var rows = dashboard[part]!["rows"]!.AsArray().Append(dashboard[part]!["total"]).ToList();
            Assert.That(rows, Is.Not.Empty);
            Assert.That(rows.Select(r => Figures(r!).Keys.ToArray()), Has.All.EqualTo(Shown), part);
        }

        Assert.That(Figures(dashboard["channels"]!["total"]!)["resolution_rate"], Is.EqualTo("26/30"));
        Assert.That(dashboard["fiveColour"]!["check"]!["indicators"]!.AsArray(), Has.Count.EqualTo(6), "the chart scores its rule set's six indicators");
    }

    [Test]
    public async Task Indicators_WithIndicators_CarryOnlyThoseFigures()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var table = await (await leader.GetAsync(
            "/api/v1/metrics/indicators?from=2025-06-01&to=2025-06-30&groupBy=region&indicators=resolution_rate")).ShouldBeOkAsync<JsonObject>();

        Assert.That(Figures(table["total"]!), Is.EqualTo(new Dictionary<string, string> { ["resolution_rate"] = "26/30" }));
        var towns = table["rows"]!.AsArray().Where(r => Figures(r!)["resolution_rate"] != "0/0").ToDictionary(r => r!["label"]!.GetValue<string>(), r => Figures(r!)["resolution_rate"]);
        Assert.That(towns, Is.EquivalentTo(new Dictionary<string, string> { ["府山街道"] = "10/10", ["塔山街道"] = "7/10", ["迪荡街道"] = "9/10" }));
    }

    [Test]
    public async Task Indicators_OfTheBacklog_ReadTheStockAtThePeriodsEnd_AloneOrBesideOtherFigures()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var backlog = await (await leader.GetAsync(
            "/api/v1/metrics/indicators?from=2025-06-01&to=2025-06-30&groupBy=month&indicators=backlog")).ShouldBeOkAsync<JsonObject>();
        Assert.That(Figures(backlog["total"]!), Is.EqualTo(new Dictionary<string, string> { ["backlog"] = "2" }));
        var mayOnwards = await (await leader.GetAsync(
            "/api/v1/metrics/indicators?from=2025-05-01&to=2025-06-30&groupBy=month&indicators=backlog&indicators=registered")).ShouldBeOkAsync<JsonObject>();
        Assert.That(mayOnwards["rows"]!.AsArray().Select(r => Figures(r!)["backlog"]), Is.EqualTo(new[] { "3", "2" }));

        var all = await (await leader.GetAsync("/api/v1/metrics/indicators?from=2025-06-01&to=2025-06-30&groupBy=month")).ShouldBeOkAsync<JsonObject>();
        Assert.That(Figures(all["total"]!)["backlog"], Is.EqualTo("2"), "every figure by default");
    }

    [Test]
    public async Task Chart_ChangeSinceTheMonthBefore_IsTheDifferenceFromThatMonthsChart_ItsBacklogIncluded()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var june = await (await leader.GetAsync("/api/v1/metrics/five-colour?month=2025-06")).ShouldBeOkAsync<JsonObject>();
        var may = await (await leader.GetAsync("/api/v1/metrics/five-colour?month=2025-05")).ShouldBeOkAsync<JsonObject>();

        static Dictionary<string, JsonNode> Scored(JsonObject chart) => chart["entries"]!.AsArray()
            .Where(e => e!["check"]!["score"] is not null).ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!);
        var (juneScored, mayScored) = (Scored(june), Scored(may));
        var fushanMay = mayScored["府山街道"]["check"]!["indicators"]!.AsArray().Single(i => i!["key"]!.GetValue<string>() == "backlog")!;
        Assert.That(fushanMay["numerator"]!.GetValue<long>(), Is.EqualTo(3), "May's backlog, before June's reply");
        Assert.That(mayScored.Keys, Is.EqualTo(new[] { "府山街道" }));
        Assert.That(juneScored["府山街道"]["scoreChange"]!.GetValue<decimal>(),
            Is.EqualTo(juneScored["府山街道"]["check"]!["score"]!.GetValue<decimal>() - mayScored["府山街道"]["check"]!["score"]!.GetValue<decimal>()));
        Assert.That(juneScored["府山街道"]["previousRank"]!.GetValue<int>(), Is.EqualTo(mayScored["府山街道"]["rank"]!.GetValue<int>()));
    }

    [TestCase("/api/v1/metrics/dashboard?month=2025-13", "month")]
    [TestCase("/api/v1/metrics/dashboard?month=June", "month")]
    [TestCase("/api/v1/metrics/dashboard?month=0001-01", "month")]
    [TestCase("/api/v1/metrics/dashboard?month=9999-12", "month")]
    [TestCase("/api/v1/metrics/five-colour?month=0001-01", "month")]
    [TestCase("/api/v1/metrics/five-colour/rankings?from=0001-01&to=2025-06", "from")]
    [TestCase("/api/v1/metrics/dashboard?month=2025-06&indicators=registered&indicators=happiness", "indicators[1]")]
    [TestCase("/api/v1/metrics/indicators?from=2025-06-01&to=2025-06-30&indicators=happiness", "indicators[0]")]
    public async Task BadInput_Returns400NamingTheField(string url, string field)
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var problem = await (await leader.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Dashboard_OfATown_IsItsOwn_AnotherTownsIs404_AndRolesWithoutViewMetricsAreRefused()
    {
        using var town = await Api.ClientForAsync("town.leader");
        var own = await (await town.GetAsync("/api/v1/metrics/dashboard?month=2025-06")).ShouldBeOkAsync<JsonObject>();
        Assert.That(own["fiveColour"]!["regionName"]!.GetValue<string>(), Is.EqualTo("府山街道"));
        Assert.That(own["channels"]!["regionName"]!.GetValue<string>(), Is.EqualTo("府山街道"));
        Assert.That(Figures(own["channels"]!["total"]!)["resolution_rate"], Is.EqualTo("10/10"), "nothing of the other towns");

        await (await town.GetAsync($"/api/v1/metrics/dashboard?month=2025-06&regionId={Region("塔山街道")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var handler = await Api.ClientForAsync("town.handler");
        await (await handler.GetAsync("/api/v1/metrics/dashboard?month=2025-06")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>One fact row in a village of the town: 10 petitions by the channel, 10 closed, <paramref name="resolved"/> resolved.</summary>
    private async Task CraftAsync(string town, string day, string channel, int resolved)
    {
        await CraftedFacts.AddInFirstVillageAsync(
            Api, town, day, channel,
            (Counter.Registered, 10), (Counter.Closed, 10), (Counter.Resolved, resolved));
    }
}
