using System.Globalization;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Api.Dispatch;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Receptions;

/// <summary>
/// The hard-work must-visit (工作难度大) over HTTP for a crafted month: cases left unreplied past their reply deadline are
/// backlog; a town with the rule set's three backlog cases is proposed for it, a town with two is not.
/// </summary>
public sealed class MustVisitHardWorkTests : WatchedDispatchTestBase
{
    [Test]
    public async Task ATownWithBacklogAtTheThreshold_IsProposedForHardWork_AndOneBelowItIsNot()
    {
        var fushan = new List<Guid>();
        var tashan = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            fushan.Add((await OpenCaseAsync()).CaseId);
        }

        for (var i = 0; i < 2; i++)
        {
            tashan.Add((await OpenCaseAsync(regionId: Region("塔山街道"))).CaseId);
        }

        using var handler = await Api.ClientForAsync("district.handler");
        using var leader = await Api.ClientForAsync("district.leader");
        var latestDue = DateOnly.MinValue;
        foreach (var caseId in fushan.Concat(tashan))
        {
            await AssignAsync(caseId, DistrictHousing);
            await (await ChangeAsync(handler, caseId, "signature", new { })).ShouldBeOkAsync<JsonObject>();
            var due = DateOnly.Parse((await CaseAsync(handler, caseId))["currentDueOn"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            latestDue = due > latestDue ? due : latestDue;
        }

        // Every case is now past its reply deadline, unreplied: backlog (积案) in its reply step.
        var today = latestDue.AddDays(1);
        MoveTo(today);
        await NewWatcher().WatchOnceAsync(CancellationToken.None);
        Assert.That(fushan.Concat(tashan).Select(c => (Column(c, "light"), Column(c, "current_step"))), Is.All.EqualTo(("Red", "Reply")));

        var month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var proposals = await (await leader.GetAsync($"/api/v1/receptions/must-visits?month={month}&districtId={Region("越城区")}")).ShouldBeOkAsync<JsonObject>();

        Assert.That(proposals["thresholds"]!["hardWork"]!["minBacklog"]!.GetValue<int>(), Is.EqualTo(3));
        var towns = proposals["towns"]!.AsArray();
        Assert.That(towns.Select(t => t!["townName"]!.GetValue<string>()), Is.EqualTo(new[] { "府山街道" }), "塔山街道's two backlog cases are below the threshold");
        var town = towns[0]!;
        Assert.That(town["reasons"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "hard_work" }));
        Assert.That(town["figures"]!["backlog"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(town["figures"]!["overdue"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(town["figures"]!["petitions"]!.GetValue<int>(), Is.LessThan(5), "too few petitions to be proposed for their number");
        Assert.That(town["figures"]!["urgentPetitions"]!.GetValue<int>(), Is.Zero);
    }
}
