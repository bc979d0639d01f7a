using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Suggestions;

/// <summary>What the public pages of suggestions show and how often one address may use them.</summary>
public sealed class PublicSuggestionPagesTests : SuggestionTestBase
{
    private const string FirstName = "郑女士";
    private const string FirstPhone = "13905751111";
    private const string SecondName = "冯先生";
    private const string SecondPhone = "13905752222";
    private const string InternalNote = "内部备注：建议人系社区网格员，已电话核实。";

    [Test]
    public async Task PublicPages_NeverShowInternalNotes_OrAnotherSubmittersData()
    {
        var (topicId, _) = await PublishedTopicAsync("府山街道", "府山街道菜场改造意见征集");
        using var anonymous = Api.CreateClient();
        var first = await EvaluationTests.SubmitAsync(anonymous,
            new { topicId, title = "建议菜场增设便民座椅", content = "菜场门口可增设便民座椅。", name = FirstName, phone = FirstPhone });
        var second = await EvaluationTests.SubmitAsync(anonymous,
            new { topicId, title = "建议菜场延长营业时间", content = "下班后菜场已关门，建议延长营业时间。", name = SecondName, phone = SecondPhone });

        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var firstId = await EvaluationTests.IdOfAsync(reviewer, first["trackingCode"]!.GetValue<string>());
        var secondId = await EvaluationTests.IdOfAsync(reviewer, second["trackingCode"]!.GetValue<string>());
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{firstId}/screening", new { outcome = "valid", reason = InternalNote }, 1))
            .ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{firstId}/assignment", new { unitIds = new[] { await UnitAsync(DistrictHousing) } }, 2))
            .ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{firstId}/answers",
            new { unitId = await UnitAsync(DistrictHousing), outcome = "adopted", reply = "感谢您的建议，予以采纳，年内增设座椅。" }, 3)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{secondId}/screening",
            new { outcome = "duplicate", reason = $"内部备注：与{FirstName}的建议重复。", duplicateOfId = firstId }, 1)).ShouldBeOkAsync<JsonObject>();
        Assert.That((await EvaluationTests.SuggestionAsync(reviewer, firstId))["screeningReason"]!.GetValue<string>(), Is.EqualTo(InternalNote),
            "staff read the note");

        var pages = new List<(string What, string Body)>
        {
            ("first's tracking", Text(await EvaluationTests.TrackAsync(anonymous, first["trackingCode"]!.GetValue<string>(), first["secret"]!.GetValue<string>()))),
            ("second's tracking", Text(await EvaluationTests.TrackAsync(anonymous, second["trackingCode"]!.GetValue<string>(), second["secret"]!.GetValue<string>()))),
            ("topic", Text(await (await anonymous.GetAsync($"/api/v1/public/suggestion-topics/{topicId}")).ShouldBeOkAsync<JsonObject>())),
            ("topics", Text(await (await anonymous.GetAsync($"/api/v1/public/suggestion-topics?regionId={Region("府山街道")}")).ShouldBeOkAsync<JsonObject>())),
            ("adopted", Text(await (await anonymous.GetAsync("/api/v1/public/adopted-suggestions?limit=100")).ShouldBeOkAsync<JsonObject>())),
        };
        Assert.That(pages[0].Body, Does.Contain("感谢您的建议"), "the submitter reads the reply");
        Assert.That(pages[4].Body, Does.Contain("建议菜场增设便民座椅"), "the adopted suggestion is published");
        foreach (var (what, body) in pages)
        {
            Assert.That(body, Does.Not.Contain("内部备注"), $"{what}: no staff note");
            Assert.That(body, Does.Not.Contain(FirstName).And.Not.Contain(SecondName), $"{what}: no submitter's name");
            Assert.That(body, Does.Not.Contain(FirstPhone).And.Not.Contain(SecondPhone).And.Not.Contain("****"), $"{what}: no phone, masked or not");
        }

        Assert.That(pages[1].Body, Does.Not.Contain(first["trackingCode"]!.GetValue<string>()).And.Not.Contain("便民座椅"),
            "a duplicate's submitter does not learn which suggestion it was merged into");
    }

    [Test]
    public async Task PublicSuggestionPages_AnswerTooManyRequests_ToAnAddressOverItsLimit()
    {
        using var limited = new ApiFactory(settings: new() { ["RateLimits:PublicPerMinute"] = "2" });
        using var anonymous = limited.CreateClient();
        using var region = await limited.ClientForAsync("town.petition_officer");
        var regionId = (await (await region.GetAsync("/api/v1/regions")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray()[0]!["id"]!.GetValue<string>();
        var credentials = await EvaluationTests.SubmitAsync(anonymous, new { regionId, title = "建议增设公交站", content = "建议增设公交站。" });
        var code = credentials["trackingCode"]!.GetValue<string>();
        var secret = credentials["secret"]!.GetValue<string>();
        await EvaluationTests.TrackAsync(anonymous, code, secret);

        var refused = new List<HttpResponseMessage>
        {
            await anonymous.PostAsJsonAsync("/api/v1/public/suggestions", new { regionId, title = "建议增设公交站", content = "建议增设公交站。" }),
            await TrackResponseAsync(anonymous, code, secret),
            await EvaluationTests.RateAsync(anonymous, code, secret, new { rating = "satisfied" }),
            await anonymous.GetAsync("/api/v1/public/adopted-suggestions"),
            await anonymous.GetAsync($"/api/v1/public/suggestion-topics/{Guid.NewGuid()}"),
        };
        foreach (var response in refused)
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.That(response.Headers.RetryAfter, Is.Not.Null, response.RequestMessage!.RequestUri!.ToString());
        }

        using var staff = await limited.ClientForAsync("district.suggestion_reviewer");
        await (await staff.GetAsync("/api/v1/suggestions")).ShouldBeOkAsync<JsonObject>();
    }

    private static Task<HttpResponseMessage> TrackResponseAsync(HttpClient client, string code, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/suggestions/{code}");
        request.Headers.Add("X-Tracking-Secret", secret);
        return client.SendAsync(request);
    }
}
