using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>Petitions and cases go through the real intake and dispatch endpoints; the indicators count them from the events.</summary>
public sealed class IndicatorTests : MetricsTestBase
{
    [Test]
    public async Task Indicators_EqualTheHandComputedFigures_ForATownAndItsDistrict()
    {
        await CraftedPetitionsAndCasesAsync();

        using var townLeader = await Api.ClientForAsync("town.leader");
        var town = await (await townLeader.GetAsync($"/api/v1/metrics/indicators?{Period}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(town["regionName"]!.GetValue<string>(), Is.EqualTo("府山街道"));
        // 3 registered and accepted on time; 2 replied on time and closed, one rated satisfied; none past its reply deadline.
        var expected = new Dictionary<string, string>
        {
            ["registered"] = "3", ["repeat_rate"] = "0/3", ["skip_level_rate"] = "0/3", ["on_time_acceptance_rate"] = "3/3",
            ["on_time_conclusion_rate"] = "2/2", ["satisfaction_rate"] = "1/1", ["participation_rate"] = "1/2", ["resolution_rate"] = "2/2", ["backlog"] = "0",
        };
        Assert.That(Figures(town["total"]!).Where(f => expected.ContainsKey(f.Key)), Is.EquivalentTo(expected));
        var village = (await FushanVillageAsync()).ToString();
        var villageRow = town["rows"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == village)!;
        Assert.That(Figures(villageRow)["registered"], Is.EqualTo("3"));
        Assert.That(town["rows"]!.AsArray().Where(r => r!["key"]!.GetValue<string>() != village).All(r => Figures(r!)["registered"] == "0"), Is.True);

        using var analyst = await Api.ClientForAsync("district.analyst");
        var district = await (await analyst.GetAsync($"/api/v1/metrics/indicators?{Period}&groupBy=region")).ShouldBeOkAsync<JsonObject>();
        var byTown = district["rows"]!.AsArray().ToDictionary(r => r!["label"]!.GetValue<string>(), r => Figures(r!)["registered"]);
        Assert.That(byTown["府山街道"], Is.EqualTo("3"));
        Assert.That(byTown["塔山街道"], Is.EqualTo("1"));
        Assert.That(Figures(district["total"]!)["on_time_acceptance_rate"], Is.EqualTo("4/4"));

        var byChannel = await (await townLeader.GetAsync($"/api/v1/metrics/indicators?{Period}&groupBy=channel")).ShouldBeOkAsync<JsonObject>();
        Assert.That(byChannel["rows"]!.AsArray().Select(r => $"{r!["key"]}:{Figures(r)["registered"]}"), Is.EqualTo(new[] { "visit:3" }));
        var byMonth = await (await townLeader.GetAsync($"/api/v1/metrics/indicators?from={Today:yyyy-MM}-01&to={Today:yyyy-MM-dd}&groupBy=month")).ShouldBeOkAsync<JsonObject>();
        Assert.That(byMonth["rows"]!.AsArray().Select(r => $"{r!["key"]}:{Figures(r)["resolution_rate"]}"), Is.EqualTo(new[] { $"{Today:yyyy-MM}:2/2" }));
        var quarter = $"{Today.Year}-Q{(Today.Month + 2) / 3}";
        var byQuarter = await (await townLeader.GetAsync($"/api/v1/metrics/indicators?from={Today.AddMonths(-3):yyyy-MM-dd}&to={Today:yyyy-MM-dd}&groupBy=quarter")).ShouldBeOkAsync<JsonObject>();
        Assert.That(byQuarter["rows"]!.AsArray().Select(r => r!["key"]!.GetValue<string>()).ToList(), Has.Count.EqualTo(2).And.Contains(quarter));
        Assert.That(Figures(byQuarter["rows"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == quarter)!)["resolution_rate"], Is.EqualTo("2/2"));
        var byYear = await (await townLeader.GetAsync($"/api/v1/metrics/indicators?from={Today.AddYears(-1):yyyy-MM-dd}&to={Today:yyyy-MM-dd}&groupBy=year")).ShouldBeOkAsync<JsonObject>();
        Assert.That(byYear["rows"]!.AsArray().Select(r => $"{r!["key"]}:{Figures(r)["registered"]}"), Is.EqualTo(new[] { $"{Today.Year - 1}:0", $"{Today.Year}:3" }));

        var before = await (await townLeader.GetAsync($"/api/v1/metrics/indicators?from={Today.AddDays(-30):yyyy-MM-dd}&to={Today.AddDays(-2):yyyy-MM-dd}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(Figures(before["total"]!)["registered"], Is.EqualTo("0"));
        Assert.That(Figures(before["total"]!)["resolution_rate"], Is.EqualTo("0/0"));
    }

    [Test]
    public async Task Indicators_OfARegionOutsideTheCallersJurisdiction_Answer404()
    {
        using var townLeader = await Api.ClientForAsync("town.leader");
        await (await townLeader.GetAsync($"/api/v1/metrics/indicators?{Period}&regionId={Region("塔山街道")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await townLeader.GetAsync($"/api/v1/metrics/indicators?{Period}&regionId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var own = await (await townLeader.GetAsync($"/api/v1/metrics/indicators?{Period}&regionId={await FushanVillageAsync()}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(own["regionLevel"]!.GetValue<string>(), Is.EqualTo("village"));
    }

    [TestCase("town.handler")]
    [TestCase("district.supervisor")]
    [TestCase("town.mediator")]
    public async Task Indicators_AreRefusedToRolesWithoutViewMetrics(string user)
    {
        using var client = await Api.ClientForAsync(user);
        await (await client.GetAsync($"/api/v1/metrics/indicators?{Period}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/v1/metrics/definitions")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [TestCase("from=2026-03-10&to=2026-03-09", "to")]
    [TestCase("from=2010-01-01&to=2026-03-09", "to")]
    [TestCase("from=2026-03-01&to=2026-03-09&groupBy=week", "groupBy")]
    public async Task Indicators_WithABadPeriodOrGrouping_Answer400NamingTheField(string query, string field)
    {
        using var analyst = await Api.ClientForAsync("district.analyst");
        var problem = await (await analyst.GetAsync($"/api/v1/metrics/indicators?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
    }

    [Test]
    public async Task Definitions_NameAndDefineEveryFiguresKey_InBothLanguages()
    {
        using var leader = await Api.ClientForAsync("city.leader");
        var definitions = (await (await leader.GetAsync("/api/v1/metrics/definitions")).ShouldBeOkAsync<JsonArray>()).Select(d => d!.AsObject()).ToList();
        var table = await (await leader.GetAsync($"/api/v1/metrics/indicators?{Period}")).ShouldBeOkAsync<JsonObject>();

        Assert.That(definitions.Select(d => d["key"]!.GetValue<string>()), Is.EqualTo(Figures(table["total"]!).Keys));
        Assert.That(definitions.All(d => d["name"]!["zhCn"]!.GetValue<string>().Length > 0 && d["name"]!["en"]!.GetValue<string>().Length > 0
            && d["definition"]!["zhCn"]!.GetValue<string>().Length > 0 && d["definition"]!["en"]!.GetValue<string>().Length > 0), Is.True);
        Assert.That(definitions.Single(d => d["key"]!.GetValue<string>() == "backlog")["kind"]!.GetValue<string>(), Is.EqualTo("count"));
    }
}
