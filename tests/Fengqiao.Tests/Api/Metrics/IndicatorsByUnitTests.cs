using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>
/// The indicators by responsible unit, and of one unit, after the crafted petitions and cases: a case counts under its lead unit,
/// a registration under none; a unit outside the caller's jurisdiction, or a malformed one, is refused.
/// </summary>
public sealed class IndicatorsByUnitTests : MetricsTestBase
{
    [Test]
    public async Task IndicatorsByUnit_CountEachCaseUnderItsLeadUnit_RegistrationsUnderNoUnit_AndAUnitsOwnFiguresOnRequest()
    {
        await CraftedPetitionsAndCasesAsync();
        var townGovernment = (await UnitAsync(TownGovernment)).ToString();

        using var townLeader = await Api.ClientForAsync("town.leader");
        var byUnit = await (await townLeader.GetAsync($"/api/v1/metrics/indicators?{Period}&groupBy=unit")).ShouldBeOkAsync<JsonObject>();
        Assert.That(byUnit["groupBy"]!.GetValue<string>(), Is.EqualTo("unit"));
        var rows = byUnit["rows"]!.AsArray().ToDictionary(r => r!["key"]!.GetValue<string>(), r => r!);
        Assert.That(rows.Keys, Does.Contain(townGovernment).And.Contain("no_unit").And.Not.Contain("other_units"));
        Assert.That(rows[townGovernment]["label"]!.GetValue<string>(), Is.EqualTo(TownGovernment));
        Assert.That(rows[townGovernment]["unitId"]!.GetValue<string>(), Is.EqualTo(townGovernment));
        // The two cases the town government was assigned, replied to (one rated satisfied) and closed count under it; the three
        // registrations (one person each) under no unit.
        var unit = Figures(rows[townGovernment]);
        Assert.That(
            new[] { unit["registered"], unit["cases_assigned"], unit["on_time_conclusion_rate"], unit["satisfaction_rate"], unit["resolution_rate"], unit["backlog"] },
            Is.EqualTo(new[] { "0", "2", "2/2", "1/1", "2/2", "0" }));
        Assert.That(Figures(rows["no_unit"])["registered"], Is.EqualTo("3"));
        Assert.That(Figures(rows["no_unit"])["registered_persons"], Is.EqualTo("3"));
        foreach (var key in new[] { "registered", "cases_assigned", "on_time_acceptance_rate" })
        {
            Assert.That(rows.Values.Sum(r => long.Parse(Figures(r)[key].Split('/')[0], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture),
                Is.EqualTo(Figures(byUnit["total"]!)[key].Split('/')[0]), $"the unit rows add up to the total's {key}");
        }

        var ofUnit = await (await townLeader.GetAsync($"/api/v1/metrics/indicators?{Period}&unitId={townGovernment}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(ofUnit["unitId"]!.GetValue<string>(), Is.EqualTo(townGovernment));
        Assert.That(ofUnit["unitName"]!.GetValue<string>(), Is.EqualTo(TownGovernment));
        Assert.That(Figures(ofUnit["total"]!), Is.EqualTo(unit), "the unit's own figures are its row's");
        var village = (await FushanVillageAsync()).ToString();
        Assert.That(Figures(ofUnit["rows"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == village)!)["resolution_rate"], Is.EqualTo("2/2"), "by region within the unit");
    }

    [Test]
    public async Task Indicators_OfAUnitOutsideTheCallersJurisdiction_Answer404()
    {
        using var townLeader = await Api.ClientForAsync("town.leader");
        await (await townLeader.GetAsync($"/api/v1/metrics/indicators?{Period}&unitId={await UnitAsync(DistrictHousing)}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await townLeader.GetAsync($"/api/v1/metrics/indicators?{Period}&unitId={Guid.NewGuid()}&groupBy=unit")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var own = await (await townLeader.GetAsync($"/api/v1/metrics/indicators?{Period}&unitId={await UnitAsync(TownGovernment)}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(own["unitName"]!.GetValue<string>(), Is.EqualTo(TownGovernment));
    }

    [TestCase("from=2026-03-01&to=2026-03-09&unitId=not-a-guid")]
    [TestCase("from=2026-03-01&to=2026-03-09&unitId=00000000-0000-0000-0000-000000000000&groupBy=unit")]
    public async Task Indicators_WithABadUnit_Answer400NamingTheUnit(string query)
    {
        using var analyst = await Api.ClientForAsync("district.analyst");
        var problem = await (await analyst.GetAsync($"/api/v1/metrics/indicators?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("unitId"));
    }
}
