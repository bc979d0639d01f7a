using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Dispatch;

/// <summary>The reply clock's pause and resume through the API, on a host whose clock the test moves.</summary>
public sealed class ClockPauseTests : WatchedDispatchTestBase
{
    [Test]
    public async Task PausedTenDays_ThenResumed_MovesTheReplyDeadlineByTenDays_AndThePetitionerSeesBoth()
    {
        var (caseId, _) = await OpenCaseAsync();
        await AssignAsync(caseId, TownGovernment);
        using var town = await Api.ClientForAsync("town.handler");
        await (await ChangeAsync(town, caseId, "signature", new { })).ShouldBeOkAsync<JsonObject>();
        var replyDue = DateOnly.Parse((await CaseAsync(town, caseId))["deadlines"]!["replyDue"]!.GetValue<string>());
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

        await (await ChangeAsync(town, caseId, "clock-pause", new { reason = "等待司法鉴定结论。" })).ShouldBeOkAsync<JsonObject>();
        var paused = await CaseAsync(town, caseId);
        Assert.That(paused["pauseReason"]!.GetValue<string>(), Is.EqualTo("等待司法鉴定结论。"));
        Assert.That(paused["pausedAt"], Is.Not.Null);
        await (await ChangeAsync(town, caseId, "clock-pause", new { reason = "再次暂停。" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        MoveTo(today.AddDays(10));
        await (await ChangeAsync(town, caseId, "clock-resume", new { note = "鉴定结论已出具。" })).ShouldBeOkAsync<JsonObject>();

        var resumed = await CaseAsync(town, caseId);
        Assert.Multiple(() =>
        {
            Assert.That(resumed["pausedAt"], Is.Null);
            // The reply period counts calendar days, and one ending on a rest day ends on the next working day.
            var calendar = Api.Services.GetRequiredService<IWorkCalendarSource>().Current;
            Assert.That(DateOnly.Parse(resumed["deadlines"]!["replyDue"]!.GetValue<string>()), Is.EqualTo(calendar.NextWorkingDayOnOrAfter(replyDue.AddDays(10))));
            Assert.That(resumed["deadlines"]!["pausedDays"]!.GetValue<int>(), Is.EqualTo(10));
            var pause = resumed["pauses"]!.AsArray().Single()!;
            Assert.That(pause["pausedDays"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(pause["resumedAt"], Is.Not.Null);
            var kinds = resumed["timeline"]!.AsArray().Where(e => e!["isPublic"]!.GetValue<bool>()).Select(e => e!["kind"]!.GetValue<string>()).ToList();
            Assert.That(kinds, Does.Contain("clock_paused").And.Contain("clock_resumed"));
        });
        await (await ChangeAsync(town, caseId, "clock-resume", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}
