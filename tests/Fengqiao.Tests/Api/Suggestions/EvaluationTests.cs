using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Suggestions;

/// <summary>Departments answer assigned suggestions; the submitter reads the replies and rates them through the tracking code.</summary>
public sealed class EvaluationTests : SuggestionTestBase
{
    private const string AdoptReply = "感谢您的建议，我局予以采纳，将于年内在社区服务中心开设老年食堂。";
    private const string DeclineReply = "感谢您的建议，街道暂无合适场地，暂不采纳。";

    [Test]
    public async Task TwoDepartmentsAnswer_TheSuggestionTakesTheMostFavourableOutcome_AndTheSubmitterRatesOnce()
    {
        var (id, code, secret, housing, town) = await AssignedToTwoAsync("建议增设社区食堂");
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        using var anonymous = Api.CreateClient();

        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/answers",
            new { unitId = town, outcome = "not_adopted", reply = DeclineReply }, 3)).ShouldBeOkAsync<JsonObject>();
        var half = await SuggestionAsync(reviewer, id);
        Assert.That(half["status"]!.GetValue<string>(), Is.EqualTo("assigned"));
        Assert.That(half["version"]!.GetValue<long>(), Is.EqualTo(4));
        Assert.That(half["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Does.Contain("answer"));
        var waiting = await TrackAsync(anonymous, code, secret);
        Assert.That(waiting["answers"]!.AsArray(), Is.Empty, "one department's reply waits for the others");
        Assert.That(waiting["canRate"]!.GetValue<bool>(), Is.False);
        var early = await (await RateAsync(anonymous, code, secret, new { rating = "satisfied" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(early["code"]!.GetValue<string>(), Is.EqualTo("invalid_state"));

        var again = await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/answers",
            new { unitId = town, outcome = "adopted", reply = AdoptReply }, 4)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("already_answered"));
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/answers",
            new { unitId = housing, outcome = "adopted", reply = AdoptReply }, 4)).ShouldBeOkAsync<JsonObject>();

        var answered = await SuggestionAsync(reviewer, id);
        Assert.That(answered["status"]!.GetValue<string>(), Is.EqualTo("answered"));
        Assert.That(answered["outcome"]!.GetValue<string>(), Is.EqualTo("adopted"), "the most favourable department's decision");
        Assert.That(answered["assignments"]!.AsArray().Select(a => a!["outcome"]!.GetValue<string>()), Is.EquivalentTo(new[] { "adopted", "not_adopted" }));
        var tracked = await TrackAsync(anonymous, code, secret);
        Assert.That(tracked["outcome"]!.GetValue<string>(), Is.EqualTo("adopted"));
        Assert.That(tracked["answers"]!.AsArray().Select(a => a!["reply"]!.GetValue<string>()), Is.EquivalentTo(new[] { AdoptReply, DeclineReply }));
        Assert.That(tracked["canRate"]!.GetValue<bool>(), Is.True);
        Assert.That(Text(tracked), Does.Not.Contain("answeredBy").And.Not.Contain("李先生"));

        var badRating = await (await RateAsync(anonymous, code, secret, new { rating = "delighted" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(badRating["errors"]!.AsObject().Select(e => e.Key), Does.Contain("rating"));
        await (await RateAsync(anonymous, code, "WRONGSEC", new { rating = "satisfied" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var rated = await (await RateAsync(anonymous, code, secret, new { rating = "basically_satisfied", comment = "希望尽快落实。" })).ShouldBeOkAsync<JsonObject>();
        Assert.That(rated["rating"]!.GetValue<string>(), Is.EqualTo("basically_satisfied"));
        var twice = await (await RateAsync(anonymous, code, secret, new { rating = "dissatisfied" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(twice["code"]!.GetValue<string>(), Is.EqualTo("already_rated"));
        var afterRating = await TrackAsync(anonymous, code, secret);
        Assert.That(afterRating["rating"]!.GetValue<string>(), Is.EqualTo("basically_satisfied"));
        Assert.That(afterRating["canRate"]!.GetValue<bool>(), Is.False);
        var staffView = await SuggestionAsync(reviewer, id);
        Assert.That(staffView["ratingComment"]!.GetValue<string>(), Is.EqualTo("希望尽快落实。"));

        Assert.That(AuditActions(id), Is.EqualTo(new[]
        {
            "suggestion.submitted_online", "suggestion.screened", "suggestion.assigned", "suggestion.answered", "suggestion.answered", "suggestion.rated",
        }));
        using var db = TestDatabase.Open(Api);
        Assert.That(TestDatabase.Strings(db, "SELECT type FROM outbox_messages WHERE payload LIKE $id ORDER BY occurred_at", ("$id", $"%{id}%")),
            Is.EqualTo(new[] { "Suggestions.SuggestionSubmitted", "Suggestions.SuggestionScreened", "Suggestions.SuggestionAnswered", "Suggestions.SuggestionRated" }));
    }

    [TestCase("adopted")]
    [TestCase("partly_adopted")]
    [TestCase("kept_for_reference")]
    [TestCase("not_adopted")]
    public async Task EachOutcome_AnswersTheSuggestion_WithItsReply(string outcome)
    {
        var (id, code, secret, housing, town) = await AssignedToTwoAsync($"建议{outcome}");
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/answers", new { unitId = housing, outcome, reply = "经研究答复如下。" }, 3))
            .ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/answers", new { unitId = town, outcome, reply = "经研究答复如下。" }, 4))
            .ShouldBeOkAsync<JsonObject>();
        using var anonymous = Api.CreateClient();
        var tracked = await TrackAsync(anonymous, code, secret);
        Assert.That(tracked["status"]!.GetValue<string>(), Is.EqualTo("answered"));
        Assert.That(tracked["outcome"]!.GetValue<string>(), Is.EqualTo(outcome));
    }

    [Test]
    public async Task Answer_RefusesBadInput_WrongRoles_OtherJurisdictions_AndStaleVersions()
    {
        using var anonymous = Api.CreateClient();
        var credentials = await SubmitAsync(anonymous, new { regionId = Region("塔山街道"), title = "建议塔山街道增设口袋公园", content = "建议增设口袋公园。" });
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var id = await IdOfAsync(reviewer, credentials["trackingCode"]!.GetValue<string>());
        var housing = await UnitAsync(DistrictHousing);
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/screening", new { outcome = "valid" }, 1)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/assignment", new { unitIds = new[] { housing } }, 2)).ShouldBeOkAsync<JsonObject>();
        var path = $"/api/v1/suggestions/{id}/answers";

        var empty = await (await SendWithIfMatch(reviewer, HttpMethod.Post, path, new { unitId = Guid.Empty, outcome = "adopted", reply = " " }, 3))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(empty["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "unitId", "reply" }));
        var notAssigned = await (await SendWithIfMatch(reviewer, HttpMethod.Post, path,
            new { unitId = await UnitAsync(TownGovernment), outcome = "adopted", reply = AdoptReply }, 3)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(notAssigned["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "unitId" }));

        var body = new { unitId = housing, outcome = "adopted", reply = AdoptReply };
        using var analyst = await Api.ClientForAsync("district.analyst");
        await (await SendWithIfMatch(analyst, HttpMethod.Post, path, body, 3)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var otherTown = await Api.ClientForAsync("town.suggestion_reviewer"); // 府山街道's
        await (await SendWithIfMatch(otherTown, HttpMethod.Post, path, body, 3)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, path, body, 2)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await reviewer.PostAsJsonAsync(path, body)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.That((await SuggestionAsync(reviewer, id))["assignments"]!.AsArray().Select(a => a!["outcome"]), Is.All.Null);
    }

    [Test]
    public async Task Answer_BeforeAssignment_Returns409()
    {
        using var anonymous = Api.CreateClient();
        var credentials = await SubmitAsync(anonymous, new { regionId = Region("府山街道"), title = "建议增设停车位", content = "建议增设停车位。" });
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var id = await IdOfAsync(reviewer, credentials["trackingCode"]!.GetValue<string>());
        var early = await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/answers",
            new { unitId = await UnitAsync(DistrictHousing), outcome = "adopted", reply = AdoptReply }, 1)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(early["code"]!.GetValue<string>(), Is.EqualTo("invalid_state"));
    }

    [Test]
    public async Task AnAdoptedSuggestion_IsImplemented_Published_Awarded_AndStillRated()
    {
        var (id, code, secret, housing, town) = await AssignedToTwoAsync("建议开放学校体育场地");
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/answers", new { unitId = housing, outcome = "partly_adopted", reply = AdoptReply }, 3))
            .ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/answers", new { unitId = town, outcome = "kept_for_reference", reply = DeclineReply }, 4))
            .ShouldBeOkAsync<JsonObject>();
        Assert.That((await SuggestionAsync(reviewer, id))["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "reveal_submitter", "implement", "award" }));
        var path = $"/api/v1/suggestions/{id}/implementation";

        var empty = await (await SendWithIfMatch(reviewer, HttpMethod.Post, path, new { outcome = "" }, 5)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(empty["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "outcome" }));
        var body = new { outcome = "周边三所学校操场已于周末错时向居民开放。" };
        using var analyst = await Api.ClientForAsync("district.analyst");
        await (await SendWithIfMatch(analyst, HttpMethod.Post, path, body, 5)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await reviewer.PostAsJsonAsync(path, body)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, path, body, 4)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, path, body, 5)).ShouldBeOkAsync<JsonObject>();
        Assert.That((await SuggestionAsync(reviewer, id))["status"]!.GetValue<string>(), Is.EqualTo("implemented"));
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, path, body, 6)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var awardPath = $"/api/v1/suggestions/{id}/award";
        await (await reviewer.PostAsJsonAsync(awardPath, new { citation = "立足群众需求，评为年度优秀建议。" })).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, awardPath, new { citation = "立足群众需求，评为年度优秀建议。" }, 5)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var noCitation = await (await SendWithIfMatch(reviewer, HttpMethod.Post, awardPath, new { citation = " " }, 6)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(noCitation["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "citation" }));
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, awardPath, new { citation = "立足群众需求，评为年度优秀建议。" }, 6)).ShouldBeOkAsync<JsonObject>();
        var twice = await (await SendWithIfMatch(reviewer, HttpMethod.Post, awardPath, new { citation = "再评。" }, 7)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(twice["code"]!.GetValue<string>(), Is.EqualTo("invalid_state"));

        using var anonymous = Api.CreateClient();
        var tracked = await TrackAsync(anonymous, code, secret);
        Assert.That(tracked["status"]!.GetValue<string>(), Is.EqualTo("implemented"));
        Assert.That(tracked["implementation"]!.GetValue<string>(), Is.EqualTo(body.outcome));
        Assert.That(tracked["canRate"]!.GetValue<bool>(), Is.True);
        await (await RateAsync(anonymous, code, secret, new { rating = "satisfied" })).ShouldBeOkAsync<JsonObject>();

        var adopted = (await (await anonymous.GetAsync("/api/v1/public/adopted-suggestions?limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        var published = adopted.Single(s => s!["id"]!.GetValue<string>() == id.ToString())!;
        Assert.That(published["outcome"]!.GetValue<string>(), Is.EqualTo("partly_adopted"));
        Assert.That(published["implementation"]!.GetValue<string>(), Is.EqualTo(body.outcome));
        Assert.That(Text(published), Does.Not.Contain("李先生").And.Not.Contain("9876").And.Not.Contain(AdoptReply).And.Not.Contain("方便群众"));
        var awarded = (await (await anonymous.GetAsync("/api/v1/public/adopted-suggestions?awarded=true")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        Assert.That(awarded.Select(s => s!["id"]!.GetValue<string>()), Does.Contain(id.ToString()));
        var bad = await (await anonymous.GetAsync("/api/v1/public/adopted-suggestions?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Does.Contain("limit"));

        Assert.That(AuditActions(id).TakeLast(3), Is.EqualTo(new[] { "suggestion.implemented", "suggestion.awarded", "suggestion.rated" }));
        using var db = TestDatabase.Open(Api);
        Assert.That(TestDatabase.Strings(db, "SELECT type FROM outbox_messages WHERE payload LIKE $id ORDER BY occurred_at", ("$id", $"%{id}%")),
            Does.Contain("Suggestions.SuggestionImplemented"));
    }

    [Test]
    public async Task ASuggestionNotAdopted_IsNeitherImplementedNorAwarded_AndOtherJurisdictionsGet404()
    {
        var (id, _, _, housing, town) = await AssignedToTwoAsync("建议拓宽村道");
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/answers", new { unitId = housing, outcome = "not_adopted", reply = DeclineReply }, 3))
            .ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/answers", new { unitId = town, outcome = "not_adopted", reply = DeclineReply }, 4))
            .ShouldBeOkAsync<JsonObject>();
        var implement = await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/implementation", new { outcome = "已落实。" }, 5))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(implement["code"]!.GetValue<string>(), Is.EqualTo("invalid_state"));
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/award", new { citation = "优秀。" }, 5)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        using var anonymous = Api.CreateClient();
        var tashan = await SubmitAsync(anonymous, new { regionId = Region("塔山街道"), title = "建议塔山街道增设座椅", content = "建议增设座椅。" });
        var tashanId = await IdOfAsync(reviewer, tashan["trackingCode"]!.GetValue<string>());
        using var townReviewer = await Api.ClientForAsync("town.suggestion_reviewer");
        await (await SendWithIfMatch(townReviewer, HttpMethod.Post, $"/api/v1/suggestions/{tashanId}/implementation", new { outcome = "已落实。" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(townReviewer, HttpMethod.Post, $"/api/v1/suggestions/{tashanId}/award", new { citation = "优秀。" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A suggestion of 府山街道 submitted online, screened valid and assigned to the district's housing bureau and the town (version 3).</summary>
    internal async Task<(Guid Id, string Code, string Secret, Guid Housing, Guid Town)> AssignedToTwoAsync(string title)
    {
        using var anonymous = Api.CreateClient();
        var credentials = await SubmitAsync(anonymous, new { regionId = Region("府山街道"), title, content = $"{title}，方便群众。", name = "李先生", phone = "13905759876" });
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var code = credentials["trackingCode"]!.GetValue<string>();
        var id = await IdOfAsync(reviewer, code);
        var housing = await UnitAsync(DistrictHousing);
        var town = await UnitAsync(TownGovernment);
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/screening", new { outcome = "valid" }, 1)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/assignment", new { unitIds = new[] { housing, town } }, 2)).ShouldBeOkAsync<JsonObject>();
        return (id, code, credentials["secret"]!.GetValue<string>(), housing, town);
    }

    internal static async Task<JsonObject> SubmitAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/v1/public/suggestions", body)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

    internal static async Task<JsonObject> TrackAsync(HttpClient client, string code, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/suggestions/{code}");
        request.Headers.Add("X-Tracking-Secret", secret);
        return await (await client.SendAsync(request)).ShouldBeOkAsync<JsonObject>();
    }

    internal static Task<HttpResponseMessage> RateAsync(HttpClient client, string code, string secret, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/public/suggestions/{code}/rating") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Tracking-Secret", secret);
        return client.SendAsync(request);
    }

    internal static async Task<JsonObject> SuggestionAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/suggestions/{id}")).ShouldBeOkAsync<JsonObject>();

    internal static async Task<Guid> IdOfAsync(HttpClient reviewer, string trackingCode)
    {
        var items = (await (await reviewer.GetAsync("/api/v1/suggestions?limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        return Guid.Parse(items.Single(i => i!["trackingCode"]!.GetValue<string>() == trackingCode)!["id"]!.GetValue<string>());
    }
}
