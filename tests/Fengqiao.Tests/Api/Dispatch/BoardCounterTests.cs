namespace Fengqiao.Tests.Api.Dispatch;

/// <summary>The supervision board's counters follow the lights the deadline watcher changes.</summary>
public sealed class BoardCounterTests : WatchedDispatchTestBase
{
    [Test]
    public async Task WatcherLightChanges_KeepTheBoardCountersEqualToTheCaseRows()
    {
        var (assigned, _) = await OpenCaseAsync();
        var (waiting, _) = await OpenCaseAsync();
        await AssignAsync(assigned, TownGovernment);
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var assignmentDue = DateOnly.Parse((await CaseAsync(officer, waiting))["currentDueOn"]!.GetValue<string>());
        var (counters, caseRows) = BoardCountersAndCaseRows();
        Assert.That(counters, Is.EqualTo(caseRows));

        MoveTo(assignmentDue);
        Assert.That(await NewWatcher().WatchOnceAsync(CancellationToken.None), Is.GreaterThanOrEqualTo(2));
        Assert.That((Column(assigned, "light"), Column(waiting, "light")), Is.EqualTo(("Red", "Yellow")));
        (counters, caseRows) = BoardCountersAndCaseRows();
        Assert.That(counters, Is.EqualTo(caseRows));

        MoveTo(assignmentDue.AddDays(1));
        Assert.That(await NewWatcher().WatchOnceAsync(CancellationToken.None), Is.GreaterThanOrEqualTo(1));
        Assert.That(Column(waiting, "light"), Is.EqualTo("Red"));
        (counters, caseRows) = BoardCountersAndCaseRows();
        Assert.That(counters, Is.EqualTo(caseRows));
    }
}
