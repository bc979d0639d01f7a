using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Suggestions;

/// <summary>The reviewer assigns several suggestions at once from the worklist; the departments' own staff answer what is assigned to their unit.</summary>
public sealed class DepartmentEvaluationTests : SuggestionTestBase
{
    private const string Reply = "感谢您的建议，我局经研究予以采纳，将纳入明年改造计划。";

    /// <summary>A suggestion submitted online in <paramref name="region"/> and screened valid (version 2).</summary>
    private async Task<(Guid Id, string Code, string Secret)> ValidAsync(string region, string title)
    {
        using var anonymous = Api.CreateClient();
        var credentials = await EvaluationTests.SubmitAsync(anonymous, new { regionId = Region(region), title, content = $"{title}，方便群众。" });
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var code = credentials["trackingCode"]!.GetValue<string>();
        var id = await EvaluationTests.IdOfAsync(reviewer, code);
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/screening", new { outcome = "valid" }, 1)).ShouldBeOkAsync<JsonObject>();
        return (id, code, credentials["secret"]!.GetValue<string>());
    }

    private static object Pick(params Guid[] ids) => ids.Select(id => new { id, version = 2 }).ToArray();

    [Test]
    public async Task BulkAssign_AssignsEachPickedSuggestion_DueByTheRuleSet_AndAuditsEach()
    {
        var first = await ValidAsync("府山街道", "建议增设社区食堂");
        var second = await ValidAsync("塔山街道", "建议增设口袋公园");
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var housing = await UnitAsync(DistrictHousing);

        var result = await (await reviewer.PostAsJsonAsync("/api/v1/suggestions/bulk-assignment", new { suggestions = Pick(first.Id, second.Id), unitIds = new[] { housing } }))
            .ShouldBeOkAsync<JsonObject>();
        Assert.That(result["assigned"]!.AsArray().Select(a => (a!["id"]!.GetValue<string>(), a["version"]!.GetValue<long>())),
            Is.EquivalentTo(new[] { (first.Id.ToString(), 3L), (second.Id.ToString(), 3L) }));
        var dueOn = result["dueOn"]!.GetValue<string>();
        Assert.That(DateOnly.Parse(dueOn), Is.GreaterThan(Today), "due by the rule set's evaluation deadline");

        foreach (var id in new[] { first.Id, second.Id })
        {
            var suggestion = await EvaluationTests.SuggestionAsync(reviewer, id);
            Assert.That(suggestion["status"]!.GetValue<string>(), Is.EqualTo("assigned"));
            Assert.That(suggestion["assignments"]!.AsArray().Select(a => (a!["unitId"]!.GetValue<string>(), a["dueOn"]!.GetValue<string>())),
                Is.EqualTo(new[] { (housing.ToString(), dueOn) }));
            Assert.That(AuditActions(id), Is.EqualTo(new[] { "suggestion.submitted_online", "suggestion.screened", "suggestion.assigned" }));
        }

        using var db = TestDatabase.Open(Api);
        var batches = TestDatabase.Strings(db, "SELECT after_json FROM audit_entries WHERE action = 'suggestion.assigned' AND object_id IN ($a, $b)",
            ("$a", first.Id.ToString()), ("$b", second.Id.ToString()));
        Assert.That(batches, Has.Count.EqualTo(2));
        Assert.That(batches.Select(b => b.Contains("batchsize\":2", StringComparison.OrdinalIgnoreCase)), Is.All.True, "each entry names the selection it was part of");
    }

    [Test]
    public async Task BulkAssign_RefusesBadInput_WrongRoles_OtherJurisdictions_StaleAndInvalidSuggestions_AllOrNone()
    {
        var own = await ValidAsync("府山街道", "建议增设停车位");
        var tashan = await ValidAsync("塔山街道", "建议增设塔山公交站");
        var housing = await UnitAsync(DistrictHousing);
        const string path = "/api/v1/suggestions/bulk-assignment";

        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var empty = await (await reviewer.PostAsJsonAsync(path, new { suggestions = Array.Empty<object>(), unitIds = Array.Empty<Guid>() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(empty["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "suggestions", "unitIds" }));
        var twice = await (await reviewer.PostAsJsonAsync(path, new { suggestions = new[] { new { id = own.Id, version = 2 }, new { id = own.Id, version = 0 } }, unitIds = new[] { housing } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(twice["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "suggestions", "suggestions[1].version" }));
        var notCovering = await (await reviewer.PostAsJsonAsync(path, new { suggestions = Pick(own.Id, tashan.Id), unitIds = new[] { await UnitAsync(TownGovernment) } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(notCovering["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "unitIds" }), "府山街道's office does not cover 塔山街道");

        using var analyst = await Api.ClientForAsync("district.analyst");
        await (await analyst.PostAsJsonAsync(path, new { suggestions = Pick(own.Id), unitIds = new[] { housing } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var handler = await Api.ClientForAsync("district.handler");
        await (await handler.PostAsJsonAsync(path, new { suggestions = Pick(own.Id), unitIds = new[] { housing } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var townReviewer = await Api.ClientForAsync("town.suggestion_reviewer"); // 府山街道's: 塔山街道's suggestion is outside
        var outside = await (await townReviewer.PostAsJsonAsync(path, new { suggestions = Pick(own.Id, tashan.Id), unitIds = new[] { housing } }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.That(outside["detail"]!.GetValue<string>(), Does.Contain(tashan.Id.ToString()));
        var stale = await (await reviewer.PostAsJsonAsync(path, new { suggestions = new[] { new { id = own.Id, version = 2 }, new { id = tashan.Id, version = 1 } }, unitIds = new[] { housing } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(stale["code"]!.GetValue<string>(), Is.EqualTo("stale"));
        Assert.That(stale["detail"]!.GetValue<string>(), Does.Contain(tashan.Code), "the problem names the suggestion that changed");
        Assert.That((await EvaluationTests.SuggestionAsync(reviewer, own.Id))["status"]!.GetValue<string>(), Is.EqualTo("valid"), "none is assigned when one is refused");

        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{tashan.Id}/assignment", new { unitIds = new[] { housing } }, 2)).ShouldBeOkAsync<JsonObject>();
        var assigned = await (await reviewer.PostAsJsonAsync(path, new { suggestions = new[] { new { id = own.Id, version = 2 }, new { id = tashan.Id, version = 3 } }, unitIds = new[] { housing } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(assigned["code"]!.GetValue<string>(), Is.EqualTo("invalid_state"));
        Assert.That((await EvaluationTests.SuggestionAsync(reviewer, own.Id))["assignments"]!.AsArray(), Is.Empty);
        Assert.That(AuditActions(own.Id), Does.Not.Contain("suggestion.assigned"));
    }

    [Test]
    public async Task DepartmentStaff_SeeTheirUnitsAssignments_AnswerThem_AndTheSubmitterReadsTheReplies()
    {
        var (id, code, secret) = await ValidAsync("府山街道", "建议开放学校操场");
        var other = await ValidAsync("府山街道", "建议增设垃圾分类亭");
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var housing = await UnitAsync(DistrictHousing);
        var town = await UnitAsync(TownGovernment);
        await (await reviewer.PostAsJsonAsync("/api/v1/suggestions/bulk-assignment", new { suggestions = Pick(id), unitIds = new[] { housing, town } })).ShouldBeOkAsync<JsonObject>();
        await (await reviewer.PostAsJsonAsync("/api/v1/suggestions/bulk-assignment", new { suggestions = Pick(other.Id), unitIds = new[] { town } })).ShouldBeOkAsync<JsonObject>();

        using var housingStaff = await Api.ClientForAsync("district.handler"); // 越城区住房和城乡建设局
        var worklist = await (await housingStaff.GetAsync("/api/v1/suggestion-assignments?answered=false&limit=100")).ShouldBeOkAsync<JsonObject>();
        var ids = worklist["items"]!.AsArray().Select(i => i!["suggestionId"]!.GetValue<string>()).ToList();
        Assert.That(ids, Does.Contain(id.ToString()).And.Not.Contain(other.Id.ToString()), "only what is assigned to the caller's unit");
        var item = worklist["items"]!.AsArray().Single(i => i!["suggestionId"]!.GetValue<string>() == id.ToString())!;
        Assert.That(item["overdue"]!.GetValue<bool>(), Is.False);

        var detail = await housingStaff.GetAsync($"/api/v1/suggestion-assignments/{id}");
        var view = await detail.ShouldBeOkAsync<JsonObject>();
        Assert.That(detail.Headers.ETag!.Tag, Is.EqualTo("\"3\""));
        Assert.That(view["unitId"]!.GetValue<string>(), Is.EqualTo(housing.ToString()));
        Assert.That(view["canAnswer"]!.GetValue<bool>(), Is.True);
        Assert.That(view.ToJsonString(), Does.Not.Contain("phone").And.Not.Contain("submitterName"), "the department does not see the submitter");

        var answer = $"/api/v1/suggestion-assignments/{id}/answer";
        var bad = await (await SendWithIfMatch(housingStaff, HttpMethod.Post, answer, new { outcome = "adopted", reply = " " }, 3)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "reply" }));
        await (await SendWithIfMatch(housingStaff, HttpMethod.Post, answer, new { outcome = "adopted", reply = Reply }, 2)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await housingStaff.PostAsJsonAsync(answer, new { outcome = "adopted", reply = Reply })).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        using var cityHandler = await Api.ClientForAsync("city.handler"); // the city's housing bureau: another unit
        await (await SendWithIfMatch(cityHandler, HttpMethod.Post, answer, new { outcome = "adopted", reply = Reply }, 3)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await cityHandler.GetAsync($"/api/v1/suggestion-assignments/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(housingStaff, HttpMethod.Post, $"/api/v1/suggestion-assignments/{other.Id}/answer", new { outcome = "adopted", reply = Reply }, 3))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var officer = await Api.ClientForAsync("district.petition_officer");
        await (await SendWithIfMatch(officer, HttpMethod.Post, answer, new { outcome = "adopted", reply = Reply }, 3)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var answered = await (await SendWithIfMatch(housingStaff, HttpMethod.Post, answer, new { outcome = "adopted", reply = Reply }, 3)).ShouldBeOkAsync<JsonObject>();
        Assert.That(answered["version"]!.GetValue<long>(), Is.EqualTo(4));
        var again = await (await SendWithIfMatch(housingStaff, HttpMethod.Post, answer, new { outcome = "not_adopted", reply = Reply }, 4)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("already_answered"));
        var done = await (await housingStaff.GetAsync("/api/v1/suggestion-assignments?answered=true&limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(done["items"]!.AsArray().Select(i => i!["suggestionId"]!.GetValue<string>()), Does.Contain(id.ToString()));
        Assert.That((await (await housingStaff.GetAsync($"/api/v1/suggestion-assignments/{id}")).ShouldBeOkAsync<JsonObject>())["canAnswer"]!.GetValue<bool>(), Is.False);

        using var townStaff = await Api.ClientForAsync("town.handler"); // 府山街道办事处
        var townList = await (await townStaff.GetAsync("/api/v1/suggestion-assignments?answered=false&limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(townList["items"]!.AsArray().Select(i => i!["suggestionId"]!.GetValue<string>()), Is.SupersetOf(new[] { id.ToString(), other.Id.ToString() }));
        await (await SendWithIfMatch(townStaff, HttpMethod.Post, answer, new { outcome = "kept_for_reference", reply = "感谢建议，街道将在场地开放时参考。" }, 4)).ShouldBeOkAsync<JsonObject>();

        var suggestion = await EvaluationTests.SuggestionAsync(reviewer, id);
        Assert.That(suggestion["status"]!.GetValue<string>(), Is.EqualTo("answered"));
        Assert.That(suggestion["outcome"]!.GetValue<string>(), Is.EqualTo("adopted"));
        using var anonymous = Api.CreateClient();
        var tracked = await EvaluationTests.TrackAsync(anonymous, code, secret);
        Assert.That(tracked["answers"]!.AsArray().Select(a => a!["reply"]!.GetValue<string>()), Does.Contain(Reply));
        Assert.That(AuditActions(id), Is.EqualTo(new[]
        {
            "suggestion.submitted_online", "suggestion.screened", "suggestion.assigned", "suggestion.answered", "suggestion.answered",
        }));
    }
}
