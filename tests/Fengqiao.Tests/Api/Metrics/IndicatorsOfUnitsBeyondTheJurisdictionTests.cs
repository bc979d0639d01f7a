using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>
/// A case of the caller's town led by a unit beyond the caller's jurisdiction (the district's bureau): in a fixture of its own, so
/// that the crafted sequence of <see cref="IndicatorsByUnitTests"/> is counted alone.
/// </summary>
public sealed class IndicatorsOfUnitsBeyondTheJurisdictionTests : MetricsTestBase
{
    [Test]
    public async Task IndicatorsByUnit_UnitsBeyondTheCallersJurisdiction_MakeOneUnnamedRow()
    {
        var (caseId, _) = await OpenCaseAsync(request: "小区门口道路破损多年未修，雨天积水严重，请求尽快修复路面。");
        await AssignAsync(caseId, DistrictHousing);
        await DeliverAllEventsAsync();
        var districtHousing = (await UnitAsync(DistrictHousing)).ToString();

        using var townLeader = await Api.ClientForAsync("town.leader");
        var town = await (await townLeader.GetAsync($"/api/v1/metrics/indicators?{Period}&groupBy=unit")).ShouldBeOkAsync<JsonObject>();
        var rows = town["rows"]!.AsArray().ToDictionary(r => r!["key"]!.GetValue<string>(), r => r!);
        Assert.That(rows.Keys, Does.Not.Contain(districtHousing));
        Assert.That(rows.Values.Select(r => r["label"]!.GetValue<string>()), Does.Not.Contain(DistrictHousing));
        Assert.That(Figures(rows["other_units"])["cases_assigned"], Is.EqualTo("1"));
        Assert.That(rows["other_units"]["unitId"], Is.Null);

        using var analyst = await Api.ClientForAsync("district.analyst");
        var district = await (await analyst.GetAsync($"/api/v1/metrics/indicators?{Period}&groupBy=unit")).ShouldBeOkAsync<JsonObject>();
        var named = district["rows"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == districtHousing)!;
        Assert.That(named["label"]!.GetValue<string>(), Is.EqualTo(DistrictHousing));
        Assert.That(Figures(named)["cases_assigned"], Is.EqualTo("1"));
    }
}
