using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Suggestions;

/// <summary>The home page's counts of suggestions: the reviewer's to screen and to assign, a department's to answer.</summary>
public sealed class SuggestionCountTests : SuggestionTestBase
{
    [Test]
    public async Task ReviewerCounts_TheJurisdictionsSuggestionsToScreenAndToAssign()
    {
        using var town = await Api.ClientForAsync("town.suggestion_reviewer");
        using var district = await Api.ClientForAsync("district.suggestion_reviewer");
        var townBefore = await ReviewerCountsAsync(town);
        var districtBefore = await ReviewerCountsAsync(district);

        var own = await SubmitAsync("府山街道", "建议增设社区图书角");
        await SubmitAsync("塔山街道", "建议增设塔山健身步道");
        Assert.That(await ReviewerCountsAsync(town), Is.EqualTo((townBefore.ToScreen + 1, townBefore.ToAssign)), "塔山街道's suggestion lies outside 府山街道");
        Assert.That(await ReviewerCountsAsync(district), Is.EqualTo((districtBefore.ToScreen + 2, districtBefore.ToAssign)));

        await (await SendWithIfMatch(district, HttpMethod.Post, $"/api/v1/suggestions/{own}/screening", new { outcome = "valid" }, 1)).ShouldBeOkAsync<JsonObject>();
        Assert.That(await ReviewerCountsAsync(town), Is.EqualTo((townBefore.ToScreen, townBefore.ToAssign + 1)), "screened valid, it waits to be assigned");
    }

    [Test]
    public async Task DepartmentCounts_ItsUnitsAssignmentsAwaitingTheAnswer_AndThoseOverdue()
    {
        using var town = await Api.ClientForAsync("town.handler");
        using var housing = await Api.ClientForAsync("district.handler");
        var townBefore = await UnitCountsAsync(town);
        var housingBefore = await UnitCountsAsync(housing);

        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var first = await SubmitAsync("府山街道", "建议增设社区食堂");
        var second = await SubmitAsync("府山街道", "建议增设口袋公园");
        var townGovernment = await UnitAsync(TownGovernment);
        foreach (var id in new[] { first, second })
        {
            await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/screening", new { outcome = "valid" }, 1)).ShouldBeOkAsync<JsonObject>();
            await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/assignment", new { unitIds = new[] { townGovernment } }, 2))
                .ShouldBeOkAsync<JsonObject>();
        }

        using (var db = TestDatabase.Open(Api))
        {
            TestDatabase.Strings(db, "UPDATE suggestions_assignments SET due_on = '2020-01-06' WHERE suggestion_id = $id", ("$id", second.ToString()));
        }

        Assert.That(await UnitCountsAsync(town), Is.EqualTo((townBefore.ToAnswer + 2, townBefore.Overdue + 1)));
        Assert.That(await UnitCountsAsync(housing), Is.EqualTo(housingBefore), "another unit's assignments are not counted");

        var item = await (await town.GetAsync($"/api/v1/suggestion-assignments/{first}")).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/suggestion-assignments/{first}/answer",
            new { outcome = "adopted", reply = "感谢您的建议，已纳入今年计划。" }, item["version"]!.GetValue<long>())).ShouldBeOkAsync<JsonObject>();
        Assert.That(await UnitCountsAsync(town), Is.EqualTo((townBefore.ToAnswer + 1, townBefore.Overdue + 1)), "an answered assignment waits no longer");
    }

    [TestCase("/api/v1/suggestions/counts", "town.handler")]
    [TestCase("/api/v1/suggestions/counts", "town.analyst")]
    [TestCase("/api/v1/suggestions/counts", "town.leader")]
    [TestCase("/api/v1/suggestion-assignments/counts", "town.suggestion_reviewer")]
    [TestCase("/api/v1/suggestion-assignments/counts", "town.petition_officer")]
    public async Task Counts_ForRolesWithoutTheWork_Answer403(string path, string user)
    {
        using var client = await Api.ClientForAsync(user);
        await (await client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task<Guid> SubmitAsync(string region, string title)
    {
        using var anonymous = Api.CreateClient();
        var credentials = await EvaluationTests.SubmitAsync(anonymous, new { regionId = Region(region), title, content = $"{title}，方便群众。" });
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        return await EvaluationTests.IdOfAsync(reviewer, credentials["trackingCode"]!.GetValue<string>());
    }

    private static async Task<(long ToScreen, long ToAssign)> ReviewerCountsAsync(HttpClient client)
    {
        var counts = await (await client.GetAsync("/api/v1/suggestions/counts")).ShouldBeOkAsync<JsonObject>();
        return (counts["toScreen"]!.GetValue<long>(), counts["toAssign"]!.GetValue<long>());
    }

    private static async Task<(long ToAnswer, long Overdue)> UnitCountsAsync(HttpClient client)
    {
        var counts = await (await client.GetAsync("/api/v1/suggestion-assignments/counts")).ShouldBeOkAsync<JsonObject>();
        return (counts["toAnswer"]!.GetValue<long>(), counts["overdue"]!.GetValue<long>());
    }
}
