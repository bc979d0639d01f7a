using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Suggestions;

public sealed class TopicTests : SuggestionTestBase
{
    [Test]
    public async Task Topic_DraftedPublishedClosedAndConcluded_IsPublicOnceAndEndsWithItsSummary()
    {
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        using var anonymous = Api.CreateClient();
        var (id, version) = await CreateTopicAsync(reviewer, TopicBody(Region("越城区"), await UnitAsync(DistrictHousing), "越城区停车设施规划建议征集"));
        Assert.That(version, Is.EqualTo(1));

        var draft = await TopicAsync(reviewer, id);
        Assert.That(draft["status"]!.GetValue<string>(), Is.EqualTo("draft"));
        Assert.That(draft["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "change", "publish" }));
        Assert.That(Ids(await PublicTopicsAsync(anonymous)), Does.Not.Contain(id.ToString()), "a draft is not public");
        await (await anonymous.GetAsync($"/api/v1/public/suggestion-topics/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var changed = await (await SendWithIfMatch(reviewer, HttpMethod.Put, $"/api/v1/suggestion-topics/{id}",
            TopicBody(Region("迪荡街道"), await UnitAsync(DistrictHousing), "迪荡街道停车设施规划建议征集", closesIn: 20), 1)).ShouldBeOkAsync<JsonObject>();
        Assert.That(changed["version"]!.GetValue<long>(), Is.EqualTo(2));
        var published = await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestion-topics/{id}/publication", null, 2)).ShouldBeOkAsync<JsonObject>();
        Assert.That(published["version"]!.GetValue<long>(), Is.EqualTo(3));

        var listed = (await PublicTopicsAsync(anonymous, $"?regionId={Region("迪荡街道")}"))["items"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == id.ToString())!;
        Assert.That(listed["title"]!.GetValue<string>(), Is.EqualTo("迪荡街道停车设施规划建议征集"));
        Assert.That(listed["takesSuggestions"]!.GetValue<bool>(), Is.True);
        Assert.That(listed["unitName"]!.GetValue<string>(), Is.EqualTo(DistrictHousing));
        var publicResponse = await anonymous.GetAsync($"/api/v1/public/suggestion-topics/{id}");
        var publicBody = await publicResponse.Content.ReadAsStringAsync();
        Assert.That((await publicResponse.ShouldBeOkAsync<JsonObject>())["status"]!.GetValue<string>(), Is.EqualTo("published"));
        Assert.That(publicBody, Does.Not.Contain("createdBy").And.Not.Contain("allowedActions").And.Not.Contain("version"));

        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestion-topics/{id}/closing", null, 3)).ShouldBeOkAsync<JsonObject>();
        var closed = await (await anonymous.GetAsync($"/api/v1/public/suggestion-topics/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(closed["status"]!.GetValue<string>(), Is.EqualTo("closed"));
        Assert.That(closed["takesSuggestions"]!.GetValue<bool>(), Is.False);

        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestion-topics/{id}/conclusion",
            new { summary = "共收到建议32条，采纳6条，新增停车场选址已据此调整。" }, 4)).ShouldBeOkAsync<JsonObject>();
        var concluded = await (await anonymous.GetAsync($"/api/v1/public/suggestion-topics/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(concluded["status"]!.GetValue<string>(), Is.EqualTo("concluded"));
        Assert.That(concluded["summary"]!.GetValue<string>(), Does.Contain("采纳6条"));
        Assert.That((await TopicAsync(reviewer, id))["allowedActions"]!.AsArray(), Is.Empty);
        Assert.That(AuditActions(id), Is.EqualTo(new[]
        {
            "suggestion_topic.created", "suggestion_topic.changed", "suggestion_topic.published", "suggestion_topic.closed", "suggestion_topic.concluded",
        }));
    }

    [Test]
    public async Task Create_WithBadInput_Returns400NamingTheFields()
    {
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var problem = await (await reviewer.PostAsJsonAsync("/api/v1/suggestion-topics", new
        {
            title = "", description = "说明", regionId = Region("越城区"), unitId = await UnitAsync(DistrictHousing), opensOn = Day(10), closesOn = Day(1),
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "title", "closesOn" }));
    }

    [Test]
    public async Task Create_WithAUnitWhoseRegionDoesNotCoverTheTopics_Returns400OnTheUnit()
    {
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var problem = await (await reviewer.PostAsJsonAsync("/api/v1/suggestion-topics", TopicBody(Region("越城区"), await UnitAsync(TownGovernment))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "unitId" }));

        using var town = await Api.ClientForAsync("town.suggestion_reviewer");
        var outside = await (await town.PostAsJsonAsync("/api/v1/suggestion-topics", TopicBody(Region("塔山街道"), await UnitAsync(TownGovernment))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(outside["errors"]!.AsObject().Select(e => e.Key), Does.Contain("regionId"));
    }

    [TestCase("district.handler")]
    [TestCase("district.petition_officer")]
    [TestCase("district.analyst")]
    public async Task Create_ByARoleThatDoesNotManageTopics_Returns403(string user)
    {
        using var client = await Api.ClientForAsync(user);
        var response = await client.PostAsJsonAsync("/api/v1/suggestion-topics", TopicBody(Region("越城区"), await UnitAsync(DistrictHousing)));
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Analyst_ReadsTopics_ButIsOfferedNoAction()
    {
        var (id, _) = await PublishedTopicAsync("北海街道");
        using var analyst = await Api.ClientForAsync("district.analyst");
        var topic = await TopicAsync(analyst, id);
        Assert.That(topic["allowedActions"]!.AsArray(), Is.Empty);
        await (await SendWithIfMatch(analyst, HttpMethod.Post, $"/api/v1/suggestion-topics/{id}/closing", null, 2)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ATownsReviewer_Gets404_ForAnotherTownsTopic_AsForAMissingOne()
    {
        var (id, version) = await PublishedTopicAsync("塔山街道");
        using var town = await Api.ClientForAsync("town.suggestion_reviewer");
        await (await town.GetAsync($"/api/v1/suggestion-topics/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/suggestion-topics/{id}/closing", null, version)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var list = await (await town.GetAsync("/api/v1/suggestion-topics?limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(Ids(list), Does.Not.Contain(id.ToString()));
    }

    [Test]
    public async Task Change_WithAStaleETag_Returns412_AndWithoutIfMatch_Returns428()
    {
        var (id, version) = await PublishedTopicAsync("府山街道");
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestion-topics/{id}/closing", null, version - 1))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await reviewer.PostAsync($"/api/v1/suggestion-topics/{id}/closing", null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await reviewer.PutAsJsonAsync($"/api/v1/suggestion-topics/{id}", TopicBody(Region("府山街道"), await UnitAsync(DistrictHousing))))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.That((await TopicAsync(reviewer, id))["status"]!.GetValue<string>(), Is.EqualTo("published"), "nothing changed");
    }

    [Test]
    public async Task Concluding_APublishedTopic_Returns409_AndPublishingOneWhoseDaysAreOver_Too()
    {
        var (id, version) = await PublishedTopicAsync("府山街道");
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var early = await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestion-topics/{id}/conclusion", new { summary = "总结。" }, version))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(early["code"]!.GetValue<string>(), Is.EqualTo("invalid_state"));

        var (past, pastVersion) = await CreateTopicAsync(reviewer, TopicBody(Region("府山街道"), await UnitAsync(DistrictHousing), opensIn: -30, closesIn: -1));
        var over = await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestion-topics/{past}/publication", null, pastVersion))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(over["code"]!.GetValue<string>(), Is.EqualTo("period_over"));
    }

    [Test]
    public async Task StaffList_FiltersByStatusAndRegion_AndPagesByCursor()
    {
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await CreateTopicAsync(reviewer, TopicBody(Region("灵芝街道"), await UnitAsync(DistrictHousing), $"灵芝街道议题{i}"))).Id.ToString());
        }

        var first = await (await reviewer.GetAsync($"/api/v1/suggestion-topics?regionId={Region("灵芝街道")}&status=draft&limit=2")).ShouldBeOkAsync<JsonObject>();
        var cursor = first["nextCursor"]!.GetValue<string>();
        var second = await (await reviewer.GetAsync($"/api/v1/suggestion-topics?regionId={Region("灵芝街道")}&status=draft&limit=2&cursor={cursor}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(Ids(first).Concat(Ids(second)), Is.EqualTo(Enumerable.Reverse(created).ToList()), "newest first, each once");
        Assert.That(second["nextCursor"], Is.Null);

        var published = await (await reviewer.GetAsync($"/api/v1/suggestion-topics?regionId={Region("灵芝街道")}&status=published")).ShouldBeOkAsync<JsonObject>();
        Assert.That(Ids(published), Is.Empty);
        var bad = await (await reviewer.GetAsync("/api/v1/suggestion-topics?status=open")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Does.Contain("status"));
    }

    [Test]
    public async Task PublicList_ShowsOnlyTopicsOncePublished_AndRefusesToListDrafts()
    {
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var (draft, _) = await CreateTopicAsync(reviewer, TopicBody(Region("城南街道"), await UnitAsync(DistrictHousing)));
        var (published, _) = await PublishedTopicAsync("城南街道");
        using var anonymous = Api.CreateClient();
        var ids = Ids(await PublicTopicsAsync(anonymous, $"?regionId={Region("城南街道")}"));
        Assert.That(ids, Does.Contain(published.ToString()).And.Not.Contain(draft.ToString()));
        var bad = await (await anonymous.GetAsync("/api/v1/public/suggestion-topics?status=draft")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Does.Contain("status"));
    }

    [Test]
    public async Task PublicTopics_AreRateLimited()
    {
        using var limited = new ApiFactory(settings: new() { ["RateLimits:PublicPerMinute"] = "1" });
        using var anonymous = limited.CreateClient();
        await (await anonymous.GetAsync("/api/v1/public/suggestion-topics")).ShouldBeOkAsync<JsonObject>();
        var second = await anonymous.GetAsync("/api/v1/public/suggestion-topics");
        await second.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(second.Headers.RetryAfter, Is.Not.Null);
    }

    private static async Task<JsonObject> PublicTopicsAsync(HttpClient client, string query = "?limit=100") =>
        await (await client.GetAsync($"/api/v1/public/suggestion-topics{query}")).ShouldBeOkAsync<JsonObject>();
}
