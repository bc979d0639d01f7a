using System.Text.Json.Nodes;
using Fengqiao.Metrics.Facts;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>
/// Events stored but not yet delivered when the facts are rebuilt in memory: the rebuild counts them, and the dispatcher, delivering
/// them afterwards, finds them in the inbox and counts them no second time, while an event stored after the rebuild is counted live.
/// </summary>
public sealed class MetricsRebuildInboxTests : MetricsTestBase
{
    protected override Dictionary<string, string?> Settings => new(base.Settings) { ["Outbox:Enabled"] = "false" };

    [Test]
    public async Task EventsDeliveredAfterARebuildInMemory_AreCountedOnce_AndLaterOnesLive()
    {
        await CraftedPetitionsAndCasesAsync();
        await RegisterAsync("工厂排放废水污染河道，鱼类大量死亡，请求环保部门查处。");
        using (var db = TestDatabase.Open(Api))
        {
            Assert.That(TestDatabase.Strings(db, "SELECT CAST(COUNT(*) AS TEXT) FROM outbox_messages WHERE processed_at IS NULL").Single(), Is.Not.EqualTo("0"), "events awaiting delivery");
        }

        var rebuild = Api.Services.GetRequiredService<MetricsRebuild>();
        await rebuild.RebuildAsync(null, CancellationToken.None);
        await DeliverAllEventsAsync();
        await RegisterAsync("老旧小区加装电梯方案未征求一楼住户意见，请求重新协商。");
        await DeliverAllEventsAsync();
        var live = MetricsTables.Rows(Api);
        using var analyst = await Api.ClientForAsync("district.analyst");
        var registered = Figures((await (await analyst.GetAsync($"/api/v1/metrics/indicators?{Period}&groupBy=region")).ShouldBeOkAsync<JsonObject>())["total"]!)["registered"];

        await rebuild.ReplayEventByEventAsync(null, CancellationToken.None);

        Assert.That(registered, Is.EqualTo("6"), "four crafted petitions, one awaiting delivery at the rebuild and one stored after it");
        Assert.That(live, Is.EqualTo(MetricsTables.Rows(Api)), "the facts the history implies, each event counted once");
    }

    /// <summary>Registers a petition without delivering its event (acceptance would deliver it to open the case).</summary>
    private async Task RegisterAsync(string request)
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        await IntakeData.RegisterAsync(officer, Data.Registration(await FushanVillageAsync(), idNumber: Data.NewIdNumber(), request: request));
    }
}
