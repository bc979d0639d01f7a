using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Suggestions;

public sealed class SuggestionTests : SuggestionTestBase
{
    private const string Phone = "13905751234";

    [Test]
    public async Task PublicSuggestion_OnAnOpenTopic_IsScreenedValid_AndTrackedWithoutAnyonesData()
    {
        var (topicId, _) = await PublishedTopicAsync("迪荡街道", "迪荡街道口袋公园建设意见征集");
        using var anonymous = Api.CreateClient();
        var credentials = await SubmitAsync(anonymous, new { topicId, title = "建议增设儿童游乐设施", content = "口袋公园可增设儿童滑梯和沙池。", name = "张先生", phone = Phone });
        var code = credentials["trackingCode"]!.GetValue<string>();
        var secret = credentials["secret"]!.GetValue<string>();
        Assert.That(code, Does.StartWith("JY"));

        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var item = (await ListAsync(reviewer, $"?topicId={topicId}"))["items"]!.AsArray().Single()!;
        Assert.That(item["channel"]!.GetValue<string>(), Is.EqualTo("online"));
        var id = Guid.Parse(item["id"]!.GetValue<string>());
        var detail = await SuggestionAsync(reviewer, id);
        Assert.That(detail["phoneMasked"]!.GetValue<string>(), Is.EqualTo("139****1234"));
        Assert.That(detail["regionName"]!.GetValue<string>(), Is.EqualTo("迪荡街道"), "the topic's region by default");
        Assert.That(detail.ToJsonString(), Does.Not.Contain(Phone));
        Assert.That(detail["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "screen", "reveal_submitter" }));

        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/screening", new { outcome = "valid" }, 1)).ShouldBeOkAsync<JsonObject>();
        var tracked = await TrackAsync(anonymous, code, secret);
        Assert.That(tracked["status"]!.GetValue<string>(), Is.EqualTo("valid"));
        Assert.That(tracked["topicTitle"]!.GetValue<string>(), Is.EqualTo("迪荡街道口袋公园建设意见征集"));
        var body = Text(tracked);
        Assert.That(body, Does.Not.Contain("张先生").And.Not.Contain("1234").And.Not.Contain("screenedBy"));

        var revealed = await (await reviewer.PostAsync($"/api/v1/suggestions/{id}/submitter/reveal", null)).ShouldBeOkAsync<JsonObject>();
        Assert.That(revealed["phone"]!.GetValue<string>(), Is.EqualTo(Phone));
        Assert.That(AuditActions(id), Is.EqualTo(new[] { "suggestion.submitted_online", "suggestion.screened", "suggestion.submitter_revealed" }));
        using var db = TestDatabase.Open(Api);
        Assert.That(TestDatabase.Strings(db, "SELECT phone_cipher FROM suggestions_suggestions WHERE id = $id", ("$id", id.ToString())).Single(),
            Does.Not.Contain(Phone), "encrypted at rest");
        Assert.That(TestDatabase.Strings(db, "SELECT type FROM outbox_messages WHERE payload LIKE $id ORDER BY occurred_at", ("$id", $"%{id}%")),
            Is.EqualTo(new[] { "Suggestions.SuggestionSubmitted", "Suggestions.SuggestionScreened" }));
    }

    [Test]
    public async Task OutOfScope_TellsTheSubmitterWhy_AndADuplicateNamesItsOriginal()
    {
        using var anonymous = Api.CreateClient();
        var first = await SubmitAsync(anonymous, Unprompted("建议延长图书馆开放时间"));
        var second = await SubmitAsync(anonymous, Unprompted("建议图书馆晚上开放"));
        var third = await SubmitAsync(anonymous, Unprompted("要求退还物业费"));
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var ids = await IdsByCodeAsync(reviewer, first, second, third);

        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{ids[2]}/screening",
            new { outcome = "out_of_scope", reason = "所提属于个人权益诉求，请通过信访渠道反映。" }, 1)).ShouldBeOkAsync<JsonObject>();
        var tracked = await TrackAsync(anonymous, third["trackingCode"]!.GetValue<string>(), third["secret"]!.GetValue<string>());
        Assert.That(tracked["status"]!.GetValue<string>(), Is.EqualTo("out_of_scope"));
        Assert.That(tracked["reason"]!.GetValue<string>(), Does.Contain("信访渠道"));

        var missingOriginal = await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{ids[1]}/screening",
            new { outcome = "duplicate", reason = "与已有建议相同。" }, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(missingOriginal["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "duplicateOfId" }));
        var ontoOutOfScope = await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{ids[1]}/screening",
            new { outcome = "duplicate", reason = "与已有建议相同。", duplicateOfId = ids[2] }, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(ontoOutOfScope["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "duplicateOfId" }));
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{ids[1]}/screening",
            new { outcome = "duplicate", reason = "与已有建议相同。", duplicateOfId = ids[0] }, 1)).ShouldBeOkAsync<JsonObject>();
        var duplicate = await SuggestionAsync(reviewer, ids[1]);
        Assert.That(duplicate["duplicateOfId"]!.GetValue<string>(), Is.EqualTo(ids[0].ToString()));
        var trackedDuplicate = await TrackAsync(anonymous, second["trackingCode"]!.GetValue<string>(), second["secret"]!.GetValue<string>());
        Assert.That(trackedDuplicate["reason"], Is.Null, "the staff's reason names another's suggestion");

        var again = await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{ids[1]}/screening", new { outcome = "valid" }, 2))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("invalid_state"));
    }

    [Test]
    public async Task PetitionConvertedToSuggestion_OpensALinkedSuggestion_Once()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var petition = await IntakeData.RegisterAsync(officer, Data.Registration(Region("北海街道"), request: "建议在北海街道增设公共充电桩"));
        var petitionId = petition["id"]!.GetValue<string>();
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{petitionId}/classification",
            new { decision = "convert_to_suggestion", reason = "属于意见建议", notice = "已转人民建议征集渠道。" }, 1)).ShouldBeOkAsync<JsonObject>();
        await PumpOutboxAsync();
        await PumpOutboxAsync();

        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var items = (await ListAsync(reviewer, "?channel=petition&limit=100"))["items"]!.AsArray()
            .Where(i => i!["petitionNumber"]?.GetValue<string>() == petition["number"]!.GetValue<string>()).ToList();
        Assert.That(items, Has.Count.EqualTo(1));
        var detail = await SuggestionAsync(reviewer, Guid.Parse(items[0]!["id"]!.GetValue<string>()));
        Assert.That(detail["petitionId"]!.GetValue<string>(), Is.EqualTo(petitionId));
        Assert.That(detail["regionName"]!.GetValue<string>(), Is.EqualTo("北海街道"));
        Assert.That(detail["status"]!.GetValue<string>(), Is.EqualTo("submitted"));
        Assert.That(detail["phoneMasked"], Is.Null, "the petitioner's data stays with the petition");
        Assert.That(detail["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "screen" }));

        var converted = await (await officer.GetAsync($"/api/v1/petitions/{petitionId}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(converted["suggestion"]!["id"]!.GetValue<string>(), Is.EqualTo(detail["id"]!.GetValue<string>()), "the petition names the suggestion it became");
        Assert.That(converted["suggestion"]!["trackingCode"]!.GetValue<string>(), Is.EqualTo(detail["trackingCode"]!.GetValue<string>()));
        Assert.That(converted["suggestion"]!["status"]!.GetValue<string>(), Is.EqualTo("submitted"));
        var other = await IntakeData.RegisterAsync(officer, Data.Registration(Region("北海街道"), request: "请求修复北海街道路灯"));
        Assert.That((await (await officer.GetAsync($"/api/v1/petitions/{other["id"]!.GetValue<string>()}")).ShouldBeOkAsync<JsonObject>())["suggestion"], Is.Null);
    }

    [Test]
    public async Task StaffRegister_ALetter_GivesTrackingCredentials_AndRefusesAnOnlineChannel()
    {
        using var reviewer = await Api.ClientForAsync("town.suggestion_reviewer");
        var registered = await (await reviewer.PostAsJsonAsync("/api/v1/suggestions", new
        {
            channel = "letter", regionId = await FushanVillageAsync(), title = "建议修缮村文化礼堂", content = "礼堂屋顶漏雨，建议列入修缮计划。", receivedOn = Day(-3),
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        Assert.That(registered["secret"]!.GetValue<string>(), Has.Length.EqualTo(8));
        var detail = await SuggestionAsync(reviewer, Guid.Parse(registered["id"]!.GetValue<string>()));
        Assert.That(detail["channel"]!.GetValue<string>(), Is.EqualTo("letter"));
        Assert.That(DateTimeOffset.Parse(detail["submittedAt"]!.GetValue<string>()).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd"), Is.EqualTo(Day(-3)));

        var online = await (await reviewer.PostAsJsonAsync("/api/v1/suggestions", new
        {
            channel = "online", regionId = await FushanVillageAsync(), title = "标题", content = "内容", phone = "12345",
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(online["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "channel", "phone" }));
        var outside = await (await reviewer.PostAsJsonAsync("/api/v1/suggestions", new { channel = "visit", regionId = Region("塔山街道"), title = "标题", content = "内容" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(outside["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "regionId" }));
    }

    [Test]
    public async Task PublicSubmit_WithBadInput_Returns400WithFields_AndOnATopicNotOpen_Returns409()
    {
        using var anonymous = Api.CreateClient();
        var bad = await (await anonymous.PostAsJsonAsync("/api/v1/public/suggestions", new { title = "", content = "内容" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "regionId", "title" }));

        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var (later, version) = await CreateTopicAsync(reviewer, TopicBody(Region("稽山街道"), await UnitAsync(DistrictHousing), opensIn: 5, closesIn: 20));
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestion-topics/{later}/publication", null, version)).ShouldBeOkAsync<JsonObject>();
        var notYet = await (await anonymous.PostAsJsonAsync("/api/v1/public/suggestions", new { topicId = later, title = "标题", content = "内容" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(notYet["code"]!.GetValue<string>(), Is.EqualTo("topic_not_open"));
        var (draft, _) = await CreateTopicAsync(reviewer, TopicBody(Region("稽山街道"), await UnitAsync(DistrictHousing)));
        var hidden = await (await anonymous.PostAsJsonAsync("/api/v1/public/suggestions", new { topicId = draft, title = "标题", content = "内容" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(hidden["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "topicId" }));
    }

    [Test]
    public async Task Tracking_WithAWrongSecret_Answers404_AsAnUnknownCode()
    {
        using var anonymous = Api.CreateClient();
        var credentials = await SubmitAsync(anonymous, Unprompted("建议增加公交班次"));
        var wrong = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/suggestions/{credentials["trackingCode"]}");
        wrong.Headers.Add("X-Tracking-Secret", "WRONGSEC");
        await (await anonymous.SendAsync(wrong)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var unknown = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/suggestions/JY0000000000");
        unknown.Headers.Add("X-Tracking-Secret", credentials["secret"]!.GetValue<string>());
        await (await anonymous.SendAsync(unknown)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Roles_AndJurisdiction_AndVersions_AreEnforced()
    {
        using var anonymous = Api.CreateClient();
        var credentials = await SubmitAsync(anonymous, Unprompted("建议塔山街道增设垃圾分类督导员", "塔山街道"));
        using var district = await Api.ClientForAsync("district.suggestion_reviewer");
        var id = (await IdsByCodeAsync(district, credentials))[0];

        using var analyst = await Api.ClientForAsync("district.analyst");
        Assert.That((await SuggestionAsync(analyst, id))["allowedActions"]!.AsArray(), Is.Empty);
        await (await SendWithIfMatch(analyst, HttpMethod.Post, $"/api/v1/suggestions/{id}/screening", new { outcome = "valid" }, 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var officer = await Api.ClientForAsync("district.petition_officer");
        await (await officer.GetAsync("/api/v1/suggestions")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var town = await Api.ClientForAsync("town.suggestion_reviewer");
        await (await town.GetAsync($"/api/v1/suggestions/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/suggestions/{id}/screening", new { outcome = "valid" }, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        await (await SendWithIfMatch(district, HttpMethod.Post, $"/api/v1/suggestions/{id}/screening", new { outcome = "valid" }, 2))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await district.PostAsJsonAsync($"/api/v1/suggestions/{id}/screening", new { outcome = "valid" })).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var noReason = await (await SendWithIfMatch(district, HttpMethod.Post, $"/api/v1/suggestions/{id}/screening", new { outcome = "out_of_scope" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(noReason["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "reason" }));
        Assert.That((await SuggestionAsync(district, id))["status"]!.GetValue<string>(), Is.EqualTo("submitted"));
    }

    [Test]
    public async Task Worklist_FiltersByStatus_AndPagesByCursor()
    {
        using var anonymous = Api.CreateClient();
        var submitted = new List<JsonObject>();
        for (var i = 0; i < 3; i++)
        {
            submitted.Add(await SubmitAsync(anonymous, Unprompted($"东湖街道建议{i}", "东湖街道")));
        }

        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var ids = await IdsByCodeAsync(reviewer, [.. submitted]);
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{ids[1]}/screening", new { outcome = "valid" }, 1)).ShouldBeOkAsync<JsonObject>();

        var first = await ListAsync(reviewer, $"?regionId={Region("东湖街道")}&limit=2");
        var second = await ListAsync(reviewer, $"?regionId={Region("东湖街道")}&limit=2&cursor={first["nextCursor"]!.GetValue<string>()}");
        Assert.That(Ids(first).Concat(Ids(second)), Is.EqualTo(new[] { ids[2], ids[1], ids[0] }.Select(i => i.ToString())), "newest first, each once");
        var valid = await ListAsync(reviewer, $"?regionId={Region("东湖街道")}&status=valid");
        Assert.That(Ids(valid), Is.EqualTo(new[] { ids[1].ToString() }));
        var bad = await (await reviewer.GetAsync("/api/v1/suggestions?channel=fax")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Does.Contain("channel"));
    }

    [Test]
    public async Task AValidSuggestion_IsAssignedToTwoDepartments_DueByTheRuleSetsDeadline()
    {
        using var anonymous = Api.CreateClient();
        var credentials = await SubmitAsync(anonymous, Unprompted("建议增设社区食堂", "府山街道"));
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var id = (await IdsByCodeAsync(reviewer, credentials))[0];
        var housing = await UnitAsync(DistrictHousing);
        var town = await UnitAsync(TownGovernment);

        var early = await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/assignment", new { unitIds = new[] { housing } }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(early["code"]!.GetValue<string>(), Is.EqualTo("invalid_state"));
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/screening", new { outcome = "valid" }, 1)).ShouldBeOkAsync<JsonObject>();
        Assert.That((await SuggestionAsync(reviewer, id))["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Does.Contain("assign"));

        var empty = await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/assignment", new { unitIds = Array.Empty<Guid>() }, 2))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(empty["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "unitIds" }));
        var notCovering = await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/assignment",
            new { unitIds = new[] { housing, await UnitAsync("塔山街道办事处") } }, 2)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(notCovering["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "unitIds" }));
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/assignment", new { unitIds = new[] { housing, town } }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var assigned = await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/assignment", new { unitIds = new[] { housing, town } }, 2))
            .ShouldBeOkAsync<JsonObject>();
        Assert.That(assigned["version"]!.GetValue<long>(), Is.EqualTo(3));
        var detail = await SuggestionAsync(reviewer, id);
        Assert.That(detail["status"]!.GetValue<string>(), Is.EqualTo("assigned"));
        var assignments = detail["assignments"]!.AsArray();
        Assert.That(assignments.Select(a => a!["unitName"]!.GetValue<string>()), Is.EquivalentTo(new[] { DistrictHousing, TownGovernment }));
        // The active rule set is the national one by default: thirty calendar days from today, to a working day.
        var calendar = Api.Services.GetRequiredService<Fengqiao.BuildingBlocks.Clock.IWorkCalendarSource>().Current;
        var expected = calendar.AddCalendarDays(Today, 30).ToString("yyyy-MM-dd");
        Assert.That(assignments.Select(a => a!["dueOn"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { expected }));
        Assert.That(AuditActions(id), Is.EqualTo(new[] { "suggestion.submitted_online", "suggestion.screened", "suggestion.assigned" }));
        var tracked = await TrackAsync(anonymous, credentials["trackingCode"]!.GetValue<string>(), credentials["secret"]!.GetValue<string>());
        Assert.That(tracked["status"]!.GetValue<string>(), Is.EqualTo("assigned"));
        Assert.That(Text(tracked), Does.Not.Contain(DistrictHousing), "the public does not see who evaluates");
    }

    private object Unprompted(string title, string region = "城南街道") => new { regionId = Region(region), title, content = $"{title}，方便群众。" };

    private static async Task<JsonObject> SubmitAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/v1/public/suggestions", body)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

    private static async Task<JsonObject> TrackAsync(HttpClient client, string code, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/suggestions/{code}");
        request.Headers.Add("X-Tracking-Secret", secret);
        return await (await client.SendAsync(request)).ShouldBeOkAsync<JsonObject>();
    }

    private static async Task<JsonObject> ListAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/v1/suggestions{query}")).ShouldBeOkAsync<JsonObject>();

    private static async Task<JsonObject> SuggestionAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/suggestions/{id}")).ShouldBeOkAsync<JsonObject>();

    /// <summary>The ids of the suggestions submitted with these credentials, in their order, from the worklist.</summary>
    private static async Task<List<Guid>> IdsByCodeAsync(HttpClient reviewer, params JsonObject[] credentials)
    {
        var items = (await ListAsync(reviewer, "?limit=100"))["items"]!.AsArray();
        return credentials.Select(c => Guid.Parse(items.Single(i => i!["trackingCode"]!.GetValue<string>() == c["trackingCode"]!.GetValue<string>())!["id"]!.GetValue<string>()))
            .ToList();
    }
}
