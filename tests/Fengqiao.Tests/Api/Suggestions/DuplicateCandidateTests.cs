using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Suggestions;

/// <summary>Screening shows the earlier suggestions whose text is alike; the screener merges the new one into a candidate.</summary>
public sealed class DuplicateCandidateTests : SuggestionTestBase
{
    [Test]
    public async Task Screening_ShowsSimilarEarlierSuggestions_OfTheJurisdiction_AndMergesIntoOne()
    {
        using var anonymous = Api.CreateClient();
        var original = await SubmitAsync(anonymous, "稽山街道", "建议延长区图书馆开放时间", "上班族只能晚上借书，建议区图书馆工作日开放到晚上九点，周末全天开放。");
        await SubmitAsync(anonymous, "柯桥街道", "建议延长区图书馆开放时间", "上班族只能晚上借书，建议区图书馆工作日开放到晚上九点，周末全天开放。");
        await SubmitAsync(anonymous, "稽山街道", "建议增设公共充电桩", "小区新能源汽车越来越多，建议在公共停车场增设充电桩。");
        var repeat = await SubmitAsync(anonymous, "稽山街道", "建议图书馆延长开放时间", "上班族只能晚上借书，建议区图书馆工作日开放到晚上九点，周末也全天开放。");

        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var items = (await (await reviewer.GetAsync("/api/v1/suggestions?limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        Guid IdOf(JsonObject credentials) =>
            Guid.Parse(items.Single(i => i!["trackingCode"]!.GetValue<string>() == credentials["trackingCode"]!.GetValue<string>())!["id"]!.GetValue<string>());

        var detail = await (await reviewer.GetAsync($"/api/v1/suggestions/{IdOf(repeat)}")).ShouldBeOkAsync<JsonObject>();
        var similar = detail["similar"]!.AsArray();
        Assert.That(similar.Select(s => s!["id"]!.GetValue<string>()), Is.EqualTo(new[] { IdOf(original).ToString() }),
            "the unrelated text and the other district's suggestion are not proposed");
        Assert.That(similar[0]!["similarity"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0.5));
        Assert.That((await (await reviewer.GetAsync($"/api/v1/suggestions/{IdOf(original)}")).ShouldBeOkAsync<JsonObject>())["similar"]!.AsArray(), Is.Empty,
            "only earlier suggestions are candidates");
        using var leader = await Api.ClientForAsync("district.leader");
        var read = await (await leader.GetAsync($"/api/v1/suggestions/{IdOf(repeat)}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(read["similar"]!.AsArray(), Is.Empty, "those who do not screen are not shown candidates");

        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{IdOf(repeat)}/screening",
            new { outcome = "duplicate", reason = "与已有建议相同，并入办理。", duplicateOfId = IdOf(original) }, 1)).ShouldBeOkAsync<JsonObject>();
        var merged = await (await reviewer.GetAsync($"/api/v1/suggestions/{IdOf(repeat)}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(merged["duplicateOfId"]!.GetValue<string>(), Is.EqualTo(IdOf(original).ToString()));
        Assert.That(merged["similar"]!.AsArray(), Is.Empty, "screened: no longer proposed");
    }

    private async Task<JsonObject> SubmitAsync(HttpClient client, string region, string title, string content) =>
        await (await client.PostAsJsonAsync("/api/v1/public/suggestions", new { regionId = Region(region), title, content })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
}
