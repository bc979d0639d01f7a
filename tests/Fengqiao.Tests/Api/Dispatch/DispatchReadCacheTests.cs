using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Dispatch;

/// <summary>The dispatch reads answered from memory: a kept answer never reaches another caller and a change is seen at once.</summary>
public sealed class DispatchReadCacheTests : DispatchTestBase
{
    // Background deliveries commit too, and would empty the cache between two reads of a test; cases are pumped by hand.
    protected override Dictionary<string, string?> Settings => new()
    {
        ["RateLimits:PublicPerMinute"] = "1000",
        ["Outbox:Enabled"] = "false",
        ["DeadlineWatcher:Enabled"] = "false",
        ["MustVisitProposer:Enabled"] = "false",
    };

    [Test]
    public async Task CaseKeptForItsUnit_IsNotGivenToAnotherUnit_AndItsSignatureIsSeenAtOnce()
    {
        using var town = await Api.ClientForAsync("town.handler");
        using var housing = await Api.ClientForAsync("district.handler");
        var (caseId, _) = await OpenCaseAsync();
        await AssignAsync(caseId, TownGovernment);
        await ReadCacheTests.ReadAsync(town, $"/api/v1/cases/{caseId}");
        var kept = await ReadCacheTests.ReadAsync(town, $"/api/v1/cases/{caseId}");
        Assert.That(kept.Cached, Is.True);
        await (await housing.GetAsync($"/api/v1/cases/{caseId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        await (await ChangeAsync(town, caseId, "signature", new { })).ShouldBeOkAsync<JsonObject>();
        var signed = await ReadCacheTests.ReadAsync(town, $"/api/v1/cases/{caseId}");
        Assert.That(signed.Cached, Is.False);
        Assert.That(VersionOf(signed.Body), Is.GreaterThan(VersionOf(kept.Body)));
    }

    [Test]
    public async Task BoardKeptForADistrictSupervisor_IsNotGivenToATownOfficer_NorToAHandler()
    {
        using var supervisor = await Api.ClientForAsync("district.supervisor");
        using var townOfficer = await Api.ClientForAsync("town.petition_officer");
        using var handler = await Api.ClientForAsync("district.handler");
        var url = $"/api/v1/supervision-board?regionId={Region("越城区")}";
        await ReadCacheTests.ReadAsync(supervisor, url);
        Assert.That((await ReadCacheTests.ReadAsync(supervisor, url)).Cached, Is.True);

        await (await townOfficer.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await handler.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
