using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>The annual statistical report (Art 41) over petitions and cases driven through the real intake and dispatch endpoints.</summary>
public sealed class AnnualReportTests : MetricsTestBase
{
    private static readonly int Year = Today.Year;

    [Test]
    public async Task TheReport_CountsVolumesForwardsAssignmentsAndSupervisionOrders_AndRanksTheUnits_AndDownloadsAsXlsx()
    {
        // The crafted sequence assigns two cases to the town government; one more case is forwarded to the district's housing
        // bureau, which gets a supervision order about it.
        await CraftedPetitionsAndCasesAsync();
        var (forwarded, _) = await OpenCaseAsync(request: "小区电梯频繁故障停运，老人上下楼困难，请求督促维修更换。");
        await AssignAsync(forwarded, DistrictHousing, "forward");
        using var officer = await Api.ClientForAsync("district.petition_officer");
        await (await ChangeAsync(officer, forwarded, "supervision-orders",
            new { unitId = await UnitAsync(DistrictHousing), text = "请于三日内报告办理进展。", dueOn = Today.AddDays(5).ToString("yyyy-MM-dd") })).ShouldBeOkAsync<JsonObject>();
        await DeliverAllEventsAsync();

        using var leader = await Api.ClientForAsync("district.leader");
        var report = await (await leader.GetAsync($"/api/v1/metrics/annual-report?year={Year}")).ShouldBeOkAsync<JsonObject>();
        Assert.That((report["regionName"]!.GetValue<string>(), report["from"]!.GetValue<string>(), report["to"]!.GetValue<string>()),
            Is.EqualTo(("越城区", $"{Year}-01-01", $"{Year}-12-31")));
        var figures = Figures(report);
        var expected = new Dictionary<string, string>
        {
            ["registered"] = "5", ["cases_forwarded"] = "1", ["cases_assigned"] = "2", ["supervision_orders"] = "1",
            ["resolution_rate"] = "2/2", ["satisfaction_rate"] = "1/1",
        };
        Assert.That(figures.Where(f => expected.ContainsKey(f.Key)).ToDictionary(), Is.EquivalentTo(expected));
        Assert.That(report["byChannel"]!.AsArray().Select(v => $"{v!["key"]}:{v["registered"]}"), Is.EqualTo(new[] { "visit:5" }));
        Assert.That(report["byCategory"]!.AsArray().Sum(v => v!["registered"]!.GetValue<long>()), Is.EqualTo(5));
        Assert.That(
            report["mostComplainedUnits"]!.AsArray().Select(u => $"{u!["unitName"]}:{u["forwarded"]}/{u["assigned"]}/{u["supervisionOrders"]}"),
            Is.EqualTo(new[] { $"{TownGovernment}:0/2/0", $"{DistrictHousing}:1/0/1" }));

        var lastYear = await (await leader.GetAsync($"/api/v1/metrics/annual-report?year={Year - 1}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(Figures(lastYear)["registered"], Is.EqualTo("0"));
        Assert.That(lastYear["mostComplainedUnits"]!.AsArray(), Is.Empty);

        using var townLeader = await Api.ClientForAsync("town.leader");
        var town = await (await townLeader.GetAsync($"/api/v1/metrics/annual-report?year={Year}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(Figures(town)["registered"], Is.EqualTo("4"), "府山街道 sees its own petitions, not 塔山街道's");

        var xlsx = await leader.GetAsync($"/api/v1/metrics/annual-report/export?year={Year}");
        Assert.That(xlsx.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(xlsx.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        await using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.That(MiniExcelLibs.MiniExcel.GetSheetNames(workbook), Is.EqualTo(new[] { "indicators", "volumes", "units" }));
        var indicators = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "indicators").Cast<IDictionary<string, object>>().ToList();
        var assigned = indicators.Single(r => (string)r["key"] == "cases_assigned");
        Assert.That((assigned["name_zh"], Convert.ToInt64(assigned["numerator"], System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(("交办件数", 2L)));
        var units = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "units").Cast<IDictionary<string, object>>().ToList();
        Assert.That(units.Select(u => (string)u["unit"]), Is.EqualTo(new[] { TownGovernment, DistrictHousing }));
    }

    [Test]
    public async Task TheReport_OfARegionOutsideTheJurisdiction_Answers404_AsItsWorkbookDoes()
    {
        using var townLeader = await Api.ClientForAsync("town.leader");
        await (await townLeader.GetAsync($"/api/v1/metrics/annual-report?year={Year}&regionId={Region("塔山街道")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await townLeader.GetAsync($"/api/v1/metrics/annual-report/export?year={Year}&regionId={Region("塔山街道")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await townLeader.GetAsync($"/api/v1/metrics/annual-report?year={Year}&regionId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase("town.handler")]
    [TestCase("district.supervisor")]
    [TestCase("town.mediator")]
    public async Task TheReport_IsRefusedToRolesWithoutViewMetrics(string user)
    {
        using var client = await Api.ClientForAsync(user);
        await (await client.GetAsync($"/api/v1/metrics/annual-report?year={Year}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"/api/v1/metrics/annual-report/export?year={Year}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [TestCase("year=1999")]
    [TestCase("year=2999")]
    public async Task TheReport_OfAYearOutOfRange_Answers400NamingTheYear(string query)
    {
        using var analyst = await Api.ClientForAsync("district.analyst");
        var problem = await (await analyst.GetAsync($"/api/v1/metrics/annual-report?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("year"));
        await (await analyst.GetAsync($"/api/v1/metrics/annual-report/export?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
