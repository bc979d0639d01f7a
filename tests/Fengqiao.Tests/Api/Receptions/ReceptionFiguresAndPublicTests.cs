using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Receptions;

public sealed class ReceptionFiguresAndPublicTests : ReceptionTestBase
{
    [Test]
    public async Task Figures_CountBatchesAndPersons_ByLeaderLevelAndKind_WithinTheRegionAndPeriod()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var region = Region("皋埠街道");
        var districtDay = await HeldLeaderDayAsync("district.leader", region);
        await RecordAsync(officer, districtDay, Explained(3));
        await RecordAsync(officer, districtDay, new { persons = 2, petitioners = Array.Empty<object>(), matter = "当场协调解决。", outcome = "solved_on_the_spot" });
        var duty = await HeldDutyAsync(officer, region);
        await RecordAsync(officer, duty, Explained(1));
        var url = $"/api/v1/receptions/figures?from={Today}&to={Today}&regionId={region}";

        var figures = await (await officer.GetAsync(url)).ShouldBeOkAsync<JsonObject>();
        Assert.That(figures["totals"]!["batches"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(figures["totals"]!["persons"]!.GetValue<int>(), Is.EqualTo(6));
        Assert.That(figures["totals"]!["resolutionRate"]!.GetValue<decimal>(), Is.EqualTo(1m));
        Assert.That(Lines(figures, "byKind"), Is.EquivalentTo(new[] { "leader_day:2:5", "department_duty:1:1" }));
        Assert.That(Lines(figures, "byLevel"), Is.EquivalentTo(new[] { "district:3:6" }));
        var byLeader = figures["byLeader"]!.AsArray();
        Assert.That(byLeader, Has.Count.EqualTo(1), "a department's duty has no leader");
        Assert.That(byLeader[0]!["totals"]!["batches"]!.GetValue<int>(), Is.EqualTo(2));

        var yesterday = DateTime.Parse(Today).AddDays(-1).ToString("yyyy-MM-dd");
        var before = await (await officer.GetAsync($"/api/v1/receptions/figures?from={yesterday}&to={yesterday}&regionId={region}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(before["totals"]!["batches"]!.GetValue<int>(), Is.Zero);
        Assert.That(before["totals"]!["resolutionRate"], Is.Null);

        using var townAnalyst = await Api.ClientForAsync("town.analyst");
        var outside = await (await townAnalyst.GetAsync(url)).ShouldBeOkAsync<JsonObject>();
        Assert.That(outside["totals"]!["batches"]!.GetValue<int>(), Is.Zero, "皋埠街道 lies outside 府山街道's jurisdiction");

        var bad = await (await officer.GetAsync($"/api/v1/receptions/figures?from={Today}&to={yesterday}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Does.Contain("to"));
    }

    [Test]
    public async Task PublicReceptionDays_ListPublishedDaysOfTheMonth_WithoutNames()
    {
        using var leader = await Api.ClientForAsync("town.leader");
        var (published, _) = await ScheduleAsync(leader, LeaderDay(Region("府山街道"), theme: "加装电梯"));
        var (unpublished, _) = await ScheduleAsync(leader, LeaderDay(Region("府山街道"), published: false));
        var (elsewhere, _) = await ScheduleAsync(await Api.ClientForAsync("district.leader"), LeaderDay(Region("塔山街道")));
        var leaderName = (await ReceptionAsync(leader, published))["hostName"]!.GetValue<string>();

        using var anonymous = Api.CreateClient();
        var response = await anonymous.GetAsync($"/api/v1/public/reception-days?month={ThisMonth}&regionId={Region("府山街道")}");
        var body = await response.Content.ReadAsStringAsync();
        var days = (await response.ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        var ids = days.Select(d => d!["id"]!.GetValue<string>()).ToList();
        Assert.That(ids, Does.Contain(published.ToString()).And.Not.Contain(unpublished.ToString()).And.Not.Contain(elsewhere.ToString()));
        Assert.That(days.Single(d => d!["id"]!.GetValue<string>() == published.ToString())!["theme"]!.GetValue<string>(), Is.EqualTo("加装电梯"));
        Assert.That(body, Does.Not.Contain(leaderName).And.Not.Contain("hostName").And.Not.Contain("hostUserId"));

        var bad = await (await anonymous.GetAsync("/api/v1/public/reception-days?month=2026-13")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Does.Contain("month"));
    }

    [Test]
    public async Task PublicReceptionDays_AreRateLimited()
    {
        using var limited = new ApiFactory(settings: new() { ["RateLimits:PublicPerMinute"] = "1" });
        using var anonymous = limited.CreateClient();
        await (await anonymous.GetAsync($"/api/v1/public/reception-days?month={ThisMonth}")).ShouldBeOkAsync<JsonObject>();
        var second = await anonymous.GetAsync($"/api/v1/public/reception-days?month={ThisMonth}");
        await second.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(second.Headers.RetryAfter, Is.Not.Null);
    }

    private async Task<Guid> HeldDutyAsync(HttpClient officer, Guid regionId)
    {
        var (id, version) = await ScheduleAsync(officer, new
        {
            kind = "department_duty", regionId, day = Today, startsAt = "00:00", endsAt = "23:59", place = "街道信访接待室", isPublished = true, unitId = await UnitAsync(DistrictHousing),
        });
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/receptions/{id}/holding", null, version)).ShouldBeOkAsync<JsonObject>();
        return id;
    }

    private static List<string> Lines(JsonObject figures, string property) =>
        figures[property]!.AsArray().Select(l => $"{l!["key"]}:{l["totals"]!["batches"]}:{l["totals"]!["persons"]}").ToList();
}
