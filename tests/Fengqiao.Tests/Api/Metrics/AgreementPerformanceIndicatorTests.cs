using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Metrics.Facts;
using Fengqiao.Tests.Api.Mediation;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>The performed-agreements indicators, from return visits recorded through the mediation module's real endpoints.</summary>
public sealed class AgreementPerformanceIndicatorTests : MediationTestBase
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    private static readonly string Period = $"from={Today.AddDays(-2):yyyy-MM-dd}&to={Today.AddDays(1):yyyy-MM-dd}";

    [Test]
    public async Task ReturnVisits_CountEachAgreementOnce_AsItsLatestVisitFoundIt_AndSurviveARebuild()
    {
        // Three agreements in 府山街道: one partly performed and then performed, one not performed, one never visited.
        var room = await RoomAsync("府山街道", "履行回访调解室");
        using var mediator = await Api.ClientForAsync("district.mediator");
        var performed = await AgreedDisputeAsync(mediator, room, 0);
        var notPerformed = await AgreedDisputeAsync(mediator, room, 1);
        await AgreedDisputeAsync(mediator, room, 2);
        await FollowUpAsync(mediator, performed, "partly_performed", 4);
        await FollowUpAsync(mediator, performed, "performed", 5);
        await FollowUpAsync(mediator, notPerformed, "not_performed", 4);
        await MetricsTestBase.DeliverAllEventsAsync(this);

        using var leader = await Api.ClientForAsync("district.leader");
        var before = await FiguresAsync(leader);
        Assert.That(
            (before["mediation_agreements"], before["agreements_performed"], before["agreement_performance_rate"]),
            Is.EqualTo(("3", "1", "1/2")));

        var definitions = await (await leader.GetAsync("/api/v1/metrics/definitions")).ShouldBeOkAsync<JsonArray>();
        var rate = definitions.Single(d => d!["key"]!.GetValue<string>() == "agreement_performance_rate")!;
        Assert.That((rate["name"]!["zhCn"]!.GetValue<string>(), rate["name"]!["en"]!.GetValue<string>()), Is.EqualTo(("调解协议履行率", "Agreement performance rate")));

        await Api.Services.GetRequiredService<MetricsRebuild>().RebuildAsync(null, CancellationToken.None);
        Assert.That(await FiguresAsync(leader), Is.EquivalentTo(before));

        using var otherTown = await Api.ClientForAsync("town.leader");
        await (await otherTown.GetAsync($"/api/v1/metrics/indicators?{Period}&regionId={Region("塔山街道")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task TwoVisitsOnOneDay_DeliveredOutOfOrder_CountTheOneRecordedLater_AsTheStoreKeepsIt()
    {
        string townPath;
        using (var db = TestDatabase.Open(Api))
        {
            townPath = TestDatabase.Strings(db, "SELECT path FROM org_regions WHERE name = '府山街道'").Single();
        }

        var disputeId = Guid.NewGuid();
        var recordedAt = new DateTimeOffset(2026, 4, 9, 2, 0, 0, TimeSpan.Zero);
        var notPerformed = SameDayVisit(disputeId, townPath, "not_performed", recordedAt);
        var performed = SameDayVisit(disputeId, townPath, "performed", recordedAt.AddHours(2));

        await DeliverToTheFactsAsync(performed);
        await DeliverToTheFactsAsync(notPerformed);

        using (var db = TestDatabase.Open(Api))
        {
            Assert.That(
                TestDatabase.Strings(db, "SELECT CAST(performed AS TEXT) || ' ' || followed_up_recorded_at FROM metrics_disputes WHERE dispute_id = $id",
                    ("$id", disputeId.ToString())).Single(),
                Does.StartWith("1 2026-04-09T04:00:00"), "the later-recorded visit stands, with its instant kept");
        }

        Assert.That(
            MetricsTables.Rows(Api).Where(r => r.StartsWith("metrics_daily_facts:", StringComparison.Ordinal) && r.Contains("day=2026-04-09", StringComparison.Ordinal)),
            Has.Exactly(1).Contains("agreements_followed_up=1|agreements_performed=1"));
    }

    private static AgreementPerformanceRecorded SameDayVisit(Guid disputeId, string regionPath, string performance, DateTimeOffset recordedAt) =>
        new(Guid.NewGuid(), recordedAt, disputeId, "T-1", "neighbourhood", "walk_in", Guid.NewGuid(), regionPath, null, null, null, null, null, performance,
            new DateOnly(2026, 4, 9), new DateOnly(2026, 3, 9), new DateOnly(2026, 4, 8));

    private async Task DeliverToTheFactsAsync(AgreementPerformanceRecorded visit)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        await new MediationFactConsumer(scope.ServiceProvider.GetRequiredService<IFactLedger>()).HandleAsync(visit, CancellationToken.None);
    }

    private static async Task<Dictionary<string, string>> FiguresAsync(HttpClient client) =>
        MetricsTestBase.Figures((await (await client.GetAsync($"/api/v1/metrics/indicators?{Period}")).ShouldBeOkAsync<JsonObject>())["total"]!);

    /// <summary>An accepted dispute mediated in the <paramref name="hour"/>th two-hour slot from 09:00 yesterday, ended in an agreement today (version 4).</summary>
    private async Task<Guid> AgreedDisputeAsync(HttpClient mediator, (Guid Room, Guid Lead, Guid Assistant) room, int hour)
    {
        var id = await AcceptedDisputeAsync(room);
        var booked = await (await BookAsync(mediator, id, At(-1, 2 * hour), At(-1, 2 * hour + 2))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/sessions/{booked["id"]!.GetValue<string>()}/holding",
            new { applicantAttended = true, respondentAttended = true, record = "双方到场陈述。" }, 1)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/agreement", new
        {
            terms = "被申请人于三十日内赔偿损失。", amountAgreed = (decimal?)null, form = "written", applicantSigned = true, respondentSigned = true,
            effectiveOn = Today, performanceDeadline = Today.AddDays(30),
        }, 3)).ShouldBeOkAsync<JsonObject>();
        return id;
    }

    private static async Task FollowUpAsync(HttpClient mediator, Guid disputeId, string performance, long version) =>
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{disputeId}/follow-ups",
            new { visitedOn = Today, performance, note = "回访核实履行情况。" }, version)).ShouldBeOkAsync<JsonObject>();
}
