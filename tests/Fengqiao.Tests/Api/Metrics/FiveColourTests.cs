using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Metrics.Facts;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>The five-colour chart and rankings over HTTP, for a crafted June 2025 (and May before it) in three towns of 越城区.</summary>
public sealed class FiveColourTests : MetricsTestBase
{
    private const string RuleSets = "/api/v1/settings/rule-sets";

    [OneTimeSetUp]
    public async Task CraftTheMonths()
    {
        // With the shipped weights (resolution 30, satisfaction 25, on-time conclusion 20, on-time acceptance 10, repeat 10, backlog 5),
        // a town whose every figure meets its target scores 100; one whose resolution rate is at the floor (70%) loses its 30 points.
        await CraftAsync("府山街道", "2025-05-20", resolved: 7);
        await CraftAsync("塔山街道", "2025-05-20", resolved: 10);
        await CraftAsync("府山街道", "2025-06-15", resolved: 10);
        await CraftAsync("迪荡街道", "2025-06-15", resolved: 10);
        await CraftAsync("塔山街道", "2025-06-15", resolved: 7);
    }

    [Test]
    public async Task Chart_ScoresColoursAndRanksTheTowns_WithTiesSharingARank_AndTheChangeSinceMay()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var chart = await (await leader.GetAsync("/api/v1/metrics/five-colour?month=2025-06")).ShouldBeOkAsync<JsonObject>();

        var scored = chart["entries"]!.AsArray().Where(e => e!["check"]!["score"] is not null).ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!);
        Assert.That(scored.Keys, Is.EquivalentTo(new[] { "府山街道", "迪荡街道", "塔山街道" }), "towns without work that month are not scored");
        Assert.That(Place(scored["府山街道"]), Is.EqualTo((100m, "green", 1, 1, 30m)));
        Assert.That(Place(scored["迪荡街道"]), Is.EqualTo((100m, "green", 1, (int?)null, (decimal?)null)), "equal scores share a rank; unranked in May");
        Assert.That(Place(scored["塔山街道"]), Is.EqualTo((70m, "yellow", 3, -2, -30m)));
        Assert.That(scored["塔山街道"]["check"]!["pulledDownBy"]!.AsArray().Select(k => k!.GetValue<string>()), Is.EqualTo(new[] { "resolution_rate" }));
        var resolution = scored["塔山街道"]["check"]!["indicators"]!.AsArray().Single(i => i!["key"]!.GetValue<string>() == "resolution_rate")!;
        Assert.That((resolution["numerator"]!.GetValue<long>(), resolution["denominator"]!.GetValue<long>(), resolution["lostPoints"]!.GetValue<decimal>()), Is.EqualTo((7L, 10L, 30m)));
        Assert.That(chart["entries"]![0]!["name"]!.GetValue<string>(), Is.AnyOf("府山街道", "迪荡街道"), "ranked first, unscored last");
        Assert.That(chart["check"]!["score"]!.GetValue<decimal>(), Is.EqualTo(94m), "the district: 27 of 30 resolved (80 of the indicator's points), every other figure on target");

        var rankings = await (await leader.GetAsync("/api/v1/metrics/five-colour/rankings?from=2025-05&to=2025-06")).ShouldBeOkAsync<JsonObject>();
        var may = rankings["months"]![0]!["places"]!.AsArray().Where(p => p!["rank"] is not null).ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["rank"]!.GetValue<int>());
        Assert.That(may, Is.EquivalentTo(new Dictionary<string, int> { ["塔山街道"] = 1, ["府山街道"] = 2 }));
        Assert.That(rankings["months"]![1]!["month"]!.GetValue<string>(), Is.EqualTo("2025-06"));
    }

    [Test]
    public async Task Ranking_ExportsAsXlsxAndCsv_RankedFirst()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var xlsx = await leader.GetAsync("/api/v1/metrics/five-colour/export?month=2025-06");
        Assert.That(xlsx.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName, Does.Contain("five-colour-2025-06.xlsx"));
        await using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(rows.Take(3).Select(r => (r["region"]?.ToString(), r["rank"]?.ToString(), r["colour"]?.ToString())),
            Is.EquivalentTo(new[] { ("府山街道", "1", "green"), ("迪荡街道", "1", "green"), ("塔山街道", "3", "yellow") }));
        Assert.That(rows[2]["pulled_down_by"]?.ToString(), Is.EqualTo("resolution_rate"));

        var csv = await leader.GetAsync("/api/v1/metrics/five-colour/export?month=2025-06&format=csv");
        Assert.That(csv.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.That(lines[0], Is.EqualTo("rank,region,score,colour,rank_change,score_change,pulled_down_by"));
        Assert.That(lines.Skip(1).Take(3), Has.Some.EqualTo("3,塔山街道,70,yellow,-2,-30,resolution_rate"));

        var bad = await (await leader.GetAsync("/api/v1/metrics/five-colour/export?month=2025-06&format=pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "format" }));
        using var town = await Api.ClientForAsync("town.leader");
        await (await town.GetAsync($"/api/v1/metrics/five-colour/export?month=2025-06&regionId={Region("塔山街道")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var handler = await Api.ClientForAsync("town.handler");
        await (await handler.GetAsync("/api/v1/metrics/five-colour/export?month=2025-06")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Chart_OfATown_IsItsOwn_AndAnotherTownsIs404()
    {
        using var town = await Api.ClientForAsync("town.leader");
        var own = await (await town.GetAsync("/api/v1/metrics/five-colour?month=2025-06")).ShouldBeOkAsync<JsonObject>();
        Assert.That((own["regionName"]!.GetValue<string>(), own["check"]!["score"]!.GetValue<decimal>()), Is.EqualTo(("府山街道", 100m)));
        await (await town.GetAsync($"/api/v1/metrics/five-colour?month=2025-06&regionId={Region("府山街道")}")).ShouldBeOkAsync<JsonObject>();
        await (await town.GetAsync($"/api/v1/metrics/five-colour?month=2025-06&regionId={Region("塔山街道")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await town.GetAsync($"/api/v1/metrics/five-colour/rankings?from=2025-06&to=2025-06&regionId={Region("塔山街道")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase("/api/v1/metrics/five-colour?month=2025-13", "month")]
    [TestCase("/api/v1/metrics/five-colour?month=June", "month")]
    [TestCase("/api/v1/metrics/five-colour/rankings?from=2025-06&to=2025-05", "to")]
    [TestCase("/api/v1/metrics/five-colour/rankings?from=2023-01&to=2025-06", "to")]
    public async Task BadMonths_Return400NamingTheField(string url, string field)
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var problem = await (await leader.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Chart_IsRefusedToRolesWithoutViewMetrics()
    {
        using var handler = await Api.ClientForAsync("town.handler");
        await (await handler.GetAsync("/api/v1/metrics/five-colour?month=2025-06")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await handler.GetAsync("/api/v1/metrics/five-colour/rankings?from=2025-06&to=2025-06")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task RuleSetUpdate_WithWeightsNotSummingTo100_OrBandsWithAGap_Returns400NamingTheFields()
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var ruleSet = await (await admin.GetAsync($"{RuleSets}/national")).ShouldBeOkAsync<JsonObject>();
        var version = ruleSet["version"]!.GetValue<long>();
        var fiveColour = ruleSet["document"]!["fiveColour"]!;
        fiveColour["indicators"]![0]!["weight"] = 50;
        fiveColour["bands"]![0]!["to"] = 55;

        var problem = await (await SendWithIfMatch(admin, HttpMethod.Put, $"{RuleSets}/national", new { title = "x", document = ruleSet["document"] }, version))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "document.fiveColour.indicators", "document.fiveColour.bands" }));
    }

    private static (decimal?, string?, int?, int?, decimal?) Place(JsonNode entry) => (
        entry["check"]!["score"]?.GetValue<decimal>(), entry["check"]!["colour"]?.GetValue<string>(), entry["rank"]?.GetValue<int>(),
        entry["rankChange"]?.GetValue<int>(), entry["scoreChange"]?.GetValue<decimal>());

    /// <summary>One fact row in a village of the town: 10 petitions accepted, replied and rated satisfied on time, 10 closed, <paramref name="resolved"/> resolved.</summary>
    private async Task CraftAsync(string town, string day, int resolved)
    {
        await CraftedFacts.AddInFirstVillageAsync(
            Api, town, day, "visit",
            (Counter.Registered, 10), (Counter.Accepted, 10), (Counter.AcceptedOnTime, 10), (Counter.Concluded, 10), (Counter.ConcludedOnTime, 10),
            (Counter.RatedSatisfied, 10), (Counter.Closed, 10), (Counter.Resolved, resolved));
    }
}
