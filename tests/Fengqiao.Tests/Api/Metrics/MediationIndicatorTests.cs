using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Metrics.Facts;
using Fengqiao.Tests.Api.Mediation;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>The mediation indicators, from disputes driven through the mediation module's real endpoints.</summary>
public sealed class MediationIndicatorTests : MediationTestBase
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    private static readonly string Period = $"from={Today.AddDays(-2):yyyy-MM-dd}&to={Today.AddDays(1):yyyy-MM-dd}";

    private static readonly Dictionary<string, string> Expected = new()
    {
        ["disputes_opened"] = "3",
        ["disputes_accepted"] = "2",
        ["mediation_sessions"] = "2",
        ["mediation_agreements"] = "1",
        ["mediation_success_rate"] = "1/2",
        ["judicial_confirmation_rate"] = "0/0",
    };

    [Test]
    public async Task MediationIndicators_EqualTheHandComputedFigures_ByDisputeType_AndSurviveARebuild()
    {
        // Three disputes in 府山街道: one agreed after a session, one failed after a session, one never accepted.
        var room = await RoomAsync("府山街道", "指标调解室");
        using var mediator = await Api.ClientForAsync("district.mediator");
        var agreed = await AcceptedDisputeAsync(room);
        await HeldSessionAsync(mediator, agreed, 0);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{agreed}/agreement", new
        {
            terms = "被申请人于三十日内恢复通行。", amountAgreed = (decimal?)null, form = "written", applicantSigned = true, respondentSigned = true,
            effectiveOn = Today, performanceDeadline = Today.AddDays(30),
        }, 3)).ShouldBeOkAsync<JsonObject>();
        var failed = await AcceptedDisputeAsync(room);
        await HeldSessionAsync(mediator, failed, 1);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{failed}/failure",
            new { reason = "双方分歧过大。", guidance = "可向人民法院起诉。" }, 3)).ShouldBeOkAsync<JsonObject>();
        await AcceptedDisputeAsync(room, accept: false);
        await MetricsTestBase.DeliverAllEventsAsync(this);

        using var leader = await Api.ClientForAsync("district.leader");
        var before = await FiguresAsync(leader, string.Empty);
        Assert.That(before.Where(f => Expected.ContainsKey(f.Key)).ToDictionary(), Is.EquivalentTo(Expected));
        Assert.That(before["registered"], Is.EqualTo("0"), "a dispute is not a petition");

        var byCategory = (await (await leader.GetAsync($"/api/v1/metrics/indicators?{Period}&groupBy=category")).ShouldBeOkAsync<JsonObject>())["rows"]!.AsArray();
        Assert.That(byCategory.Select(r => r!["key"]!.GetValue<string>()), Is.EqualTo(new[] { "neighbourhood" }), "disputes count under their dispute type");
        var byChannel = (await (await leader.GetAsync($"/api/v1/metrics/indicators?{Period}&groupBy=channel")).ShouldBeOkAsync<JsonObject>())["rows"]!.AsArray();
        Assert.That(byChannel.Select(r => r!["key"]!.GetValue<string>()), Is.EqualTo(new[] { "mediation" }));

        await Api.Services.GetRequiredService<MetricsRebuild>().RebuildAsync(null, CancellationToken.None);
        Assert.That(await FiguresAsync(leader, string.Empty), Is.EquivalentTo(before));

        using var otherTown = await Api.ClientForAsync("town.leader");
        await (await otherTown.GetAsync($"/api/v1/metrics/indicators?{Period}&regionId={Region("塔山街道")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<Dictionary<string, string>> FiguresAsync(HttpClient client, string query) =>
        MetricsTestBase.Figures((await (await client.GetAsync($"/api/v1/metrics/indicators?{Period}{query}")).ShouldBeOkAsync<JsonObject>())["total"]!);

    /// <summary>Books the <paramref name="hour"/>th hour from 09:00 yesterday and records the session as held.</summary>
    private static async Task HeldSessionAsync(HttpClient client, Guid disputeId, int hour)
    {
        var booked = await (await BookAsync(client, disputeId, At(-1, 2 * hour), At(-1, 2 * hour + 2))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        await (await SendWithIfMatch(client, HttpMethod.Post, $"/api/v1/mediation/disputes/{disputeId}/sessions/{booked["id"]!.GetValue<string>()}/holding",
            new { applicantAttended = true, respondentAttended = true, record = "双方到场陈述。" }, 1)).ShouldBeOkAsync<JsonObject>();
    }
}
