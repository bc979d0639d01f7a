using System.Text.Json.Nodes;
using Fengqiao.Tests.Api.Dispatch;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>A crafted sequence of petitions and cases through the real intake and dispatch endpoints, and the figures' reading.</summary>
public abstract class MetricsTestBase : DispatchTestBase
{
    protected static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    protected static readonly string Period = $"from={Today.AddDays(-1):yyyy-MM-dd}&to={Today.AddDays(1):yyyy-MM-dd}";

    /// <summary>Figures of a row as "numerator/denominator" (rates) or "numerator" (counts), by definition key, in the API's order.</summary>
    internal static Dictionary<string, string> Figures(JsonNode row) => row["figures"]!.AsArray().ToDictionary(
        f => f!["key"]!.GetValue<string>(),
        f => f!["denominator"] is { } denominator ? $"{f["numerator"]}/{denominator}" : f!["numerator"]!.ToString());

    /// <summary>
    /// In a village of 府山街道: one case replied, rated satisfied and closed, one replied and closed unrated, one left open;
    /// in 塔山街道 one petition accepted.
    /// </summary>
    protected async Task CraftedPetitionsAndCasesAsync()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        using var town = await Api.ClientForAsync("town.handler");
        // Matters far apart, so that none is flagged a repeat of another (the repeat rate's numerator stays 0).
        var (rated, _) = await OpenCaseAsync(request: "小区门口道路破损多年未修，雨天积水严重，请求尽快修复路面。");
        var (unrated, _) = await OpenCaseAsync(request: "用人单位拖欠三个月工资共计一万二千元，多次讨要无果，请求责令支付。");
        await OpenCaseAsync(request: "邻居在楼顶违章搭建彩钢棚，影响采光和消防通道，请求依法拆除。");
        await OpenCaseAsync(regionId: Region("塔山街道"), request: "菜市场周边夜间噪声扰民，货车凌晨装卸，请求规范经营时间。");
        foreach (var caseId in new[] { rated, unrated })
        {
            await AssignAsync(caseId, TownGovernment);
            await ReplyAsync(town, caseId);
        }

        await (await ChangeAsync(officer, rated, "rating", new { rating = "satisfied", calledBy = "回访员" })).ShouldBeOkAsync<JsonObject>();
        foreach (var caseId in new[] { rated, unrated })
        {
            await TickChecklistAsync(town, caseId);
            await (await ChangeAsync(town, caseId, "closure", new { })).ShouldBeOkAsync<JsonObject>();
        }

        await DeliverAllEventsAsync();
    }

    protected Task DeliverAllEventsAsync() => DeliverAllEventsAsync(this);

    /// <summary>The host's own dispatcher may hold messages under its lease: pump until every stored event is processed.</summary>
    internal static async Task DeliverAllEventsAsync(DispatchTestBase test)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await test.PumpOutboxAsync();
            using var db = TestDatabase.Open(test.Api);
            if (TestDatabase.Strings(db, "SELECT CAST(COUNT(*) AS TEXT) FROM outbox_messages WHERE processed_at IS NULL").Single() == "0")
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new AssertionException("Events are still undelivered.");
    }
}
