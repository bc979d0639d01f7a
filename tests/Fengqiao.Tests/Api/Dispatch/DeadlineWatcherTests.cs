using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Dispatch;

/// <summary>The watcher runs on the test's clock: time moves, lights change, each change once even with two watchers.</summary>
public sealed class DeadlineWatcherTests : WatchedDispatchTestBase
{
    [Test]
    public async Task PassWithNothingBehind_CommitsNothing_SoTheReadCacheStays()
    {
        await PumpOutboxAsync();
        var watcher = NewWatcher();
        await watcher.WatchOnceAsync(CancellationToken.None);
        var generation = Api.Services.GetRequiredService<DataGeneration>();
        var idle = generation.Value;

        Assert.That(await watcher.WatchOnceAsync(CancellationToken.None), Is.Zero);
        Assert.That(generation.Value, Is.EqualTo(idle));
    }

    [Test]
    public async Task Watchers_TurnACaseYellowThenRed_OnceEach_EvenWhenTwoRunAtOnce()
    {
        var (caseId, _) = await OpenCaseAsync();
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var opened = await CaseAsync(officer, caseId);
        Assert.That(opened["light"]!.GetValue<string>(), Is.EqualTo("green"));
        var due = DateOnly.Parse(opened["currentDueOn"]!.GetValue<string>());
        var calendar = Api.Services.GetRequiredService<IWorkCalendarSource>().Current;
        Assert.That(due, Is.EqualTo(calendar.AddCalendarDays(WorkCalendar.LocalDate(DateTimeOffset.Parse(opened["receivedAt"]!.GetValue<string>())), 15)));

        MoveTo(due.AddDays(-1));
        await Task.WhenAll(NewWatcher().WatchOnceAsync(CancellationToken.None), NewWatcher().WatchOnceAsync(CancellationToken.None));
        Assert.That(Column(caseId, "light"), Is.EqualTo("Yellow"));

        MoveTo(due.AddDays(1));
        await Task.WhenAll(NewWatcher().WatchOnceAsync(CancellationToken.None), NewWatcher().WatchOnceAsync(CancellationToken.None));
        await NewWatcher().WatchOnceAsync(CancellationToken.None);
        Assert.That(Column(caseId, "light"), Is.EqualTo("Red"));

        using var db = TestDatabase.Open(Api);
        Assert.That(TestDatabase.Strings(db, "SELECT kind FROM dispatch_breaches WHERE case_id = $id", ("$id", caseId.ToString())), Is.EqualTo(new[] { "late_assignment" }));
        Assert.That(TestDatabase.Strings(db, "SELECT light FROM dispatch_reminders WHERE case_id = $id ORDER BY occurred_at", ("$id", caseId.ToString())),
            Is.EqualTo(new[] { "Yellow", "Red" }));
        var events = EventsOf(caseId);
        Assert.That(events.Count(e => e == "Dispatch.CaseDueSoon"), Is.EqualTo(1));
        Assert.That(events.Count(e => e == "Dispatch.CaseOverdue"), Is.EqualTo(1));
    }
}
