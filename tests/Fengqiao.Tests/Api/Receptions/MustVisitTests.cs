using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Receptions.MustVisits;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Receptions;

/// <summary>
/// The four must-visits over HTTP for a crafted month (this one, its data of last month): 皋埠街道 with many petitions, 东湖街道
/// with an urgent one, 迪荡街道 with a major policy and 府山街道 with an emergency; the other towns of 越城区 stay quiet.
/// </summary>
public sealed class MustVisitTests : ReceptionTestBase
{
    private Task? _crafted;

    protected override Dictionary<string, string?> Settings => new()
    {
        ["RateLimits:PublicPerMinute"] = "1000",
        // The tests run the monthly proposer's passes themselves, once the month is crafted.
        ["MustVisitProposer:Enabled"] = "false",
    };

    private static string LastMonthDay => DateOnly.ParseExact(ThisMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(-1).AddDays(1).ToString("yyyy-MM-dd");

    private Task CraftAsync() => _crafted ??= CraftOnceAsync();

    private async Task CraftOnceAsync()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var receivedAt = LastMonthDay + "T10:00:00+08:00";
        for (var i = 0; i < 10; i++)
        {
            var petition = Data.Registration(Region("皋埠街道"));
            petition["receivedAt"] = receivedAt;
            await IntakeData.RegisterAsync(officer, petition);
        }

        var urgent = Data.Registration(Region("东湖街道"));
        urgent["receivedAt"] = receivedAt;
        urgent["urgent"] = true;
        await IntakeData.RegisterAsync(officer, urgent);
        await (await officer.PostAsJsonAsync("/api/v1/receptions/policies", new { title = "老旧小区改造征收补偿方案", regionId = Region("迪荡街道"), effectiveFrom = Today }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        await (await officer.PostAsJsonAsync("/api/v1/receptions/incidents", new { regionId = Region("府山街道"), day = Today, description = "暴雨致老旧小区进水，居民临时安置。" }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
    }

    private async Task<JsonObject> ProposalsAsync(HttpClient client) =>
        await (await client.GetAsync($"/api/v1/receptions/must-visits?month={ThisMonth}&districtId={Region("越城区")}")).ShouldBeOkAsync<JsonObject>();

    private static JsonObject Town(JsonObject proposals, string name) =>
        proposals["towns"]!.AsArray().Single(t => t!["townName"]!.GetValue<string>() == name)!.AsObject();

    private static string[] Reasons(JsonObject town) => town["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray();

    [Test]
    public async Task Proposals_NameEachTownWithItsReasons_AndTheFiguresBehindThem()
    {
        await CraftAsync();
        using var leader = await Api.ClientForAsync("district.leader");
        var proposals = await ProposalsAsync(leader);

        Assert.That(proposals["ruleSet"]!.GetValue<string>(), Is.EqualTo("national"));
        Assert.That(proposals["thresholds"]!["manyPetitions"]!["minPetitions"]!.GetValue<int>(), Is.EqualTo(10));
        Assert.That(proposals["basisFrom"]!.GetValue<string>(), Is.EqualTo(LastMonthDay[..8] + "01"));
        Assert.That(proposals["towns"]!.AsArray().Select(t => t!["townName"]!.GetValue<string>()), Is.EquivalentTo(new[] { "皋埠街道", "东湖街道", "迪荡街道", "府山街道" }));
        var many = Town(proposals, "皋埠街道");
        Assert.That(Reasons(many), Is.EqualTo(new[] { "many_petitions" }));
        Assert.That(many["figures"]!["petitions"]!.GetValue<int>(), Is.EqualTo(10));
        Assert.That(many["figures"]!["previousPetitions"]!.GetValue<int>(), Is.Zero);
        Assert.That(Reasons(Town(proposals, "东湖街道")), Is.EqualTo(new[] { "emergency" }));
        Assert.That(Town(proposals, "东湖街道")["figures"]!["urgentPetitions"]!.GetValue<int>(), Is.EqualTo(1));
        var policy = Town(proposals, "迪荡街道");
        Assert.That(Reasons(policy), Is.EqualTo(new[] { "major_policy" }));
        Assert.That(policy["policies"]![0]!["title"]!.GetValue<string>(), Is.EqualTo("老旧小区改造征收补偿方案"));
        Assert.That(Town(proposals, "府山街道")["incidents"]![0]!["description"]!.GetValue<string>(), Does.Contain("暴雨"));

        // A town's leader sees the proposals of their own town only.
        using var townLeader = await Api.ClientForAsync("town.leader");
        var own = await ProposalsAsync(townLeader);
        Assert.That(own["towns"]!.AsArray().Select(t => t!["townName"]!.GetValue<string>()), Is.EqualTo(new[] { "府山街道" }));
    }

    [Test]
    public async Task PlanningAVisit_FromAProposal_MakesItsBatchesMustVisits_InTheFiguresAndTheEvent()
    {
        await CraftAsync();
        using var leader = await Api.ClientForAsync("district.leader");
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var planned = await (await leader.PostAsJsonAsync("/api/v1/receptions/must-visits/visits", new
        {
            month = ThisMonth, townId = Region("皋埠街道"), day = Today, startsAt = "00:00", endsAt = "23:59", place = "皋埠街道便民服务中心", purpose = "信访量大，下访化解。",
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var id = Guid.Parse(planned["id"]!.GetValue<string>());
        var visit = await ReceptionAsync(leader, id);
        Assert.That(visit["kind"]!.GetValue<string>(), Is.EqualTo("leader_visit"));
        await (await SendWithIfMatch(leader, HttpMethod.Post, $"/api/v1/receptions/{id}/holding", null, 1)).ShouldBeOkAsync<JsonObject>();
        await RecordAsync(officer, id, Explained(3));
        var ordinary = await HeldLeaderDayAsync("district.leader", Region("皋埠街道"));
        await RecordAsync(officer, ordinary, Explained(1));

        var batch = (await ReceptionAsync(officer, id))["batches"]![0]!;
        Assert.That(batch["isMustVisit"]!.GetValue<bool>(), Is.True);
        Assert.That(Town(await ProposalsAsync(leader), "皋埠街道")["plannedVisits"]!.AsArray().Select(v => v!["receptionId"]!.GetValue<string>()),
            Is.EqualTo(new[] { id.ToString() }));
        var figures = await (await officer.GetAsync($"/api/v1/receptions/figures?from={Today}&to={Today}&regionId={Region("皋埠街道")}")).ShouldBeOkAsync<JsonObject>();
        var mustVisits = figures["mustVisits"]!;
        Assert.That(mustVisits["totals"]!["batches"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(mustVisits["totals"]!["resolutionRate"]!.GetValue<decimal>(), Is.EqualTo(1m));
        Assert.That(mustVisits["countyVisitBatches"]!.GetValue<int>(), Is.EqualTo(1), "the reception day is not a visit");
        Assert.That(mustVisits["batchShare"]!.GetValue<decimal>(), Is.EqualTo(1m));
        Assert.That(mustVisits["countyMustVisitPersons"]!.GetValue<int>(), Is.EqualTo(3));

        using var db = TestDatabase.Open(Api);
        var events = TestDatabase.Strings(db, "SELECT type || ':' || payload FROM outbox_messages WHERE payload LIKE $id", ("$id", $"%{id}%"));
        Assert.That(events.Select(e => e[..e.IndexOf(':')]), Is.EquivalentTo(new[]
        {
            "Receptions.ReceptionScheduled", "Receptions.MustVisitPlanned", "Receptions.ReceptionHeld", "Receptions.ReceptionBatchRecorded",
        }));
        Assert.That(events.Single(e => e.StartsWith("Receptions.ReceptionBatchRecorded", StringComparison.Ordinal)), Does.Contain("\"isMustVisit\":true"));
    }

    [Test]
    public async Task PlanningAVisit_ToATownNotProposed_Is409_AndBadInputIs400WithTheFields()
    {
        await CraftAsync();
        using var leader = await Api.ClientForAsync("district.leader");
        var quiet = await (await leader.PostAsJsonAsync("/api/v1/receptions/must-visits/visits", new
        {
            month = ThisMonth, townId = Region("陶堰街道"), day = Today, startsAt = "09:00", endsAt = "11:00", place = "陶堰街道", purpose = "走访。",
        })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(quiet["code"]!.GetValue<string>(), Is.EqualTo("not_proposed"));

        var bad = await (await leader.PostAsJsonAsync("/api/v1/receptions/must-visits/visits", new
        {
            month = "2026-13", townId = Region("皋埠街道"), day = Today, startsAt = "11:00", endsAt = "09:00", place = "", purpose = "",
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "month", "endsAt", "place", "purpose" }));

        var village = await (await leader.PostAsJsonAsync("/api/v1/receptions/must-visits/visits", new
        {
            month = ThisMonth, townId = Region("越城区"), day = Today, startsAt = "09:00", endsAt = "11:00", place = "区里", purpose = "走访。",
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(village["errors"]!.AsObject().Select(e => e.Key), Does.Contain("townId"));

        using var officer = await Api.ClientForAsync("district.petition_officer");
        var badMonth = await (await officer.GetAsync($"/api/v1/receptions/must-visits?month=2026-1&districtId={Region("越城区")}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(badMonth["errors"]!.AsObject().Select(e => e.Key), Does.Contain("month"));
        var notDistrict = await (await officer.GetAsync($"/api/v1/receptions/must-visits?month={ThisMonth}&districtId={Region("皋埠街道")}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(notDistrict["errors"]!.AsObject().Select(e => e.Key), Does.Contain("districtId"));
        var policy = await (await officer.PostAsJsonAsync("/api/v1/receptions/policies", new { title = "", regionId = Region("越城区"), effectiveFrom = Today, effectiveTo = "2020-01-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(policy["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "title", "effectiveTo" }));
        var incident = await (await officer.PostAsJsonAsync("/api/v1/receptions/incidents", new { regionId = Region("越城区"), day = Today, description = "事件。" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(incident["errors"]!.AsObject().Select(e => e.Key), Does.Contain("regionId"), "a must-visit goes to a town or village, not a district");
    }

    [Test]
    public async Task Roles_AndJurisdiction_AreEnforced()
    {
        await CraftAsync();
        using var handler = await Api.ClientForAsync("district.handler");
        await (await handler.GetAsync($"/api/v1/receptions/must-visits?month={ThisMonth}&districtId={Region("越城区")}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var officer = await Api.ClientForAsync("district.petition_officer");
        await (await officer.PostAsJsonAsync("/api/v1/receptions/must-visits/visits", new
        {
            month = ThisMonth, townId = Region("皋埠街道"), day = Today, startsAt = "09:00", endsAt = "11:00", place = "皋埠街道", purpose = "走访。",
        })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var leader = await Api.ClientForAsync("district.leader");
        await (await leader.PostAsJsonAsync("/api/v1/receptions/policies", new { title = "政策", regionId = Region("皋埠街道"), effectiveFrom = Today }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // 越城区's callers know nothing of 新昌县: 404 as for a missing district; the registers hold only their own places.
        var outside = await (await leader.GetAsync($"/api/v1/receptions/must-visits?month={ThisMonth}&districtId={Region("新昌县")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.That(outside["status"]!.GetValue<int>(), Is.EqualTo(404));
        using var townOfficer = await Api.ClientForAsync("town.petition_officer");
        var policies = await (await townOfficer.GetAsync("/api/v1/receptions/policies")).ShouldBeOkAsync<JsonObject>();
        Assert.That(policies["items"]!.AsArray(), Is.Empty, "the policy is 迪荡街道's, outside 府山街道");
        var incidents = await (await townOfficer.GetAsync("/api/v1/receptions/incidents")).ShouldBeOkAsync<JsonObject>();
        Assert.That(incidents["items"]!.AsArray().Select(i => i!["regionName"]!.GetValue<string>()), Is.EqualTo(new[] { "府山街道" }));
        var outsideTown = await (await townOfficer.PostAsJsonAsync("/api/v1/receptions/incidents", new { regionId = Region("皋埠街道"), day = Today, description = "事件。" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(outsideTown["errors"]!.AsObject().Select(e => e.Key), Does.Contain("regionId"));
    }

    [Test]
    public async Task ReadingTheProposalsTwice_RecordsEachOnce_AndPublishesMustVisitProposedOnce_WithRegionMonthReasonAndFigures()
    {
        await CraftAsync();
        using var leader = await Api.ClientForAsync("district.leader");
        await ProposalsAsync(leader);
        await ProposalsAsync(leader);

        var events = ProposedEvents();
        Assert.That(events.Select(e => $"{e["regionName"]}:{e["reason"]}"),
            Is.EquivalentTo(new[] { "皋埠街道:many_petitions", "东湖街道:emergency", "迪荡街道:major_policy", "府山街道:emergency" }));
        var many = events.Single(e => e["regionName"]!.GetValue<string>() == "皋埠街道");
        Assert.That(many["month"]!.GetValue<string>(), Is.EqualTo(ThisMonth));
        Assert.That(many["regionId"]!.GetValue<Guid>(), Is.EqualTo(Region("皋埠街道")));
        Assert.That(many["districtId"]!.GetValue<Guid>(), Is.EqualTo(Region("越城区")));
        Assert.That(many["figures"]!["petitions"]!.GetValue<int>(), Is.EqualTo(10));
        Assert.That(many["figures"]!["previousPetitions"]!.GetValue<int>(), Is.Zero);
        var policy = events.Single(e => e["regionName"]!.GetValue<string>() == "迪荡街道");
        Assert.That((policy["policyIds"]!.AsArray().Count, policy["incidentIds"]!.AsArray().Count), Is.EqualTo((1, 0)));
        Assert.That(RecordedProposals(), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task TheMonthlyProposer_GoesThroughEachDistrictOnce_UnderItsLease_AndRepublishesNothingAReadRecorded()
    {
        await CraftAsync();
        using var townLeader = await Api.ClientForAsync("town.leader");
        await ProposalsAsync(townLeader);
        var proposer = Api.Services.GetRequiredService<MonthlyMustVisitProposer>();

        Assert.That(await proposer.ProposeOnceAsync(CancellationToken.None), Is.GreaterThan(0));
        Assert.That(await proposer.ProposeOnceAsync(CancellationToken.None), Is.Zero, "every district has its round for the month");
        Assert.That(ProposedEvents().Select(e => $"{e["regionName"]}:{e["reason"]}"),
            Is.EquivalentTo(new[] { "皋埠街道:many_petitions", "东湖街道:emergency", "迪荡街道:major_policy", "府山街道:emergency" }));

        // 越城区 is due again (as a new district would be): another instance waits while the first one's lease holds.
        using (var db = TestDatabase.Open(Api))
        {
            TestDatabase.Strings(db, "DELETE FROM receptions_must_visit_rounds WHERE district_id = $id", ("$id", Region("越城区").ToString()));
        }

        var other = ActivatorUtilities.CreateInstance<MonthlyMustVisitProposer>(Api.Services);
        Assert.That(await other.ProposeOnceAsync(CancellationToken.None), Is.Zero);
        Assert.That(await proposer.ProposeOnceAsync(CancellationToken.None), Is.EqualTo(1));
        Assert.That(ProposedEvents(), Has.Count.EqualTo(4), "a proposal already recorded is not published again");
    }

    private List<JsonObject> ProposedEvents()
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT payload FROM outbox_messages WHERE type = 'Receptions.MustVisitProposed'")
            .Select(p => JsonNode.Parse(p)!.AsObject())
            .Where(e => e["month"]!.GetValue<string>() == ThisMonth)
            .ToList();
    }

    private List<string> RecordedProposals()
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT region_id || ':' || reason FROM receptions_must_visit_proposals WHERE month = $month", ("$month", ThisMonth));
    }
}
