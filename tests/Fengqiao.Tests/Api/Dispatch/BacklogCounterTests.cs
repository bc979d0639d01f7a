using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Dispatch;

/// <summary>Backlog (积案) on the supervision board: a case red in its reply step, counted ahead with the lights.</summary>
public sealed class BacklogCounterTests : WatchedDispatchTestBase
{
    [Test]
    public async Task ACaseRedInItsReplyStep_IsBacklog_UntilItIsReplied()
    {
        var (handled, _) = await OpenCaseAsync();
        var (unsigned, _) = await OpenCaseAsync();
        await AssignAsync(handled, TownGovernment);
        await AssignAsync(unsigned, TownGovernment);
        using var town = await Api.ClientForAsync("town.handler");
        using var supervisor = await Api.ClientForAsync("district.supervisor");
        await (await ChangeAsync(town, handled, "signature", new { })).ShouldBeOkAsync<JsonObject>();
        var replyDue = DateOnly.Parse((await CaseAsync(town, handled))["currentDueOn"]!.GetValue<string>());

        MoveTo(replyDue.AddDays(1));
        await NewWatcher().WatchOnceAsync(CancellationToken.None);
        Assert.That((Column(handled, "light"), Column(unsigned, "light")), Is.EqualTo(("Red", "Red")));
        Assert.That(await TownGovernmentOnTheBoardAsync(supervisor), Is.EqualTo((Red: 2, Backlog: 1)), "the unsigned case is late in a step, the signed one is backlog");
        var (counters, caseRows) = BoardCountersAndCaseRows();
        Assert.That(counters, Is.EqualTo(caseRows));

        await (await ChangeAsync(town, handled, "reply", new { opinion = "explain", text = "已向信访人解释说明相关政策。" })).ShouldBeOkAsync<JsonObject>();
        Assert.That(await TownGovernmentOnTheBoardAsync(supervisor), Is.EqualTo((Red: 1, Backlog: 0)));
        (counters, caseRows) = BoardCountersAndCaseRows();
        Assert.That(counters, Is.EqualTo(caseRows));
    }

    private static async Task<(long Red, long Backlog)> TownGovernmentOnTheBoardAsync(HttpClient supervisor)
    {
        var board = await (await supervisor.GetAsync("/api/v1/supervision-board")).ShouldBeOkAsync<JsonObject>();
        var row = UnitRows(board).Single(r => r!["unitName"]?.GetValue<string>() == TownGovernment)!;
        return (row["red"]!.GetValue<long>(), row["backlog"]!.GetValue<long>());
    }
}
