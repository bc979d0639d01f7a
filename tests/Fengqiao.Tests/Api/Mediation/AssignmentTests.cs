using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Mediation;

/// <summary>Putting a dispute in a room under its mediators after it was opened, and how a referred dispute that ends without an outcome reaches its petition.</summary>
public sealed class AssignmentTests : MediationTestBase
{
    protected override Dictionary<string, string?> Settings => new() { ["RateLimits:PublicPerMinute"] = "1000" };

    private static string Url(Guid id) => $"/api/v1/mediation/disputes/{id}/assignment";

    private static async Task<JsonObject> DisputeAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/mediation/disputes/{id}")).ShouldBeOkAsync<JsonObject>();

    private static List<string> AssistantNames(JsonObject dispute) =>
        dispute["assistingMediators"]!.AsArray().Select(m => m!["mediatorName"]!.GetValue<string>()).ToList();

    [Test]
    public async Task AnOnlineApplication_GetsARoomAndMediators_AndThenASession()
    {
        using var anonymous = Api.CreateClient();
        var applied = await (await anonymous.PostAsJsonAsync("/api/v1/public/mediation-applications", new
        {
            disputeType = "neighbourhood",
            regionId = Region("府山街道"),
            applicantName = "陈女士",
            applicantPhone = "13857512346",
            otherSide = new { kind = "person", name = "楼上住户", phone = (string?)null, organisationCode = (string?)null },
            summary = "楼上住户夜间噪音扰民。",
            claims = "请求对方夜间停止噪音。",
            amountClaimed = (decimal?)null,
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var room = await RoomAsync("府山街道", "线上分派调解室");
        using var mediator = await Api.ClientForAsync("district.mediator");
        var listed = await (await mediator.GetAsync("/api/v1/mediation/disputes?source=online_application&limit=100")).ShouldBeOkAsync<JsonObject>();
        var id = Guid.Parse(listed["items"]!.AsArray().Single(d => d!["applicantNames"]!.GetValue<string>() == "陈女士")!["id"]!.GetValue<string>());
        Assert.That(applied["trackingCode"], Is.Not.Null);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/consent", new { side = "applicant", consents = true }, 1)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/consent", new { side = "respondent", consents = true }, 2)).ShouldBeOkAsync<JsonObject>();
        var before = await DisputeAsync(mediator, id);
        Assert.That((before["roomId"], before["leadMediatorId"]), Is.EqualTo(((JsonNode?)null, (JsonNode?)null)));
        Assert.That(before["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Does.Contain("assign"));
        var roomless = await (await BookAsync(mediator, id, At(3), At(3, 2))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(roomless["code"]!.GetValue<string>(), Is.EqualTo("dispute_not_accepted"), "no session without a room");

        var assigned = await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), new { roomId = room.Room, leadMediatorId = room.Lead, assistingMediatorIds = new[] { room.Assistant } }, 3);
        Assert.That(assigned.Headers.ETag?.Tag, Is.EqualTo("\"4\""));
        Assert.That((await assigned.ShouldBeOkAsync<JsonObject>())["version"]!.GetValue<long>(), Is.EqualTo(4));
        var after = await DisputeAsync(mediator, id);
        Assert.That((after["roomId"]!.GetValue<Guid>(), after["roomName"]!.GetValue<string>(), after["leadMediatorName"]!.GetValue<string>()),
            Is.EqualTo((room.Room, "线上分派调解室", "王阿姨")));
        Assert.That(AssistantNames(after), Is.EqualTo(new[] { "李大伯" }));
        await (await BookAsync(mediator, id, At(3), At(3, 2))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        // The mediators change within the room; the room does not change under a booked session.
        await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), new { roomId = room.Room, leadMediatorId = room.Assistant, assistingMediatorIds = new[] { room.Lead } }, 4))
            .ShouldBeOkAsync<JsonObject>();
        after = await DisputeAsync(mediator, id);
        Assert.That((after["leadMediatorName"]!.GetValue<string>(), AssistantNames(after).Single()), Is.EqualTo(("李大伯", "王阿姨")));
        var other = await RoomAsync("府山街道", "另一分派调解室");
        var moved = await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), new { roomId = other.Room, leadMediatorId = other.Lead, assistingMediatorIds = (Guid[]?)null }, 5))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(moved["code"]!.GetValue<string>(), Is.EqualTo("dispute_has_scheduled_sessions"));

        using var db = TestDatabase.Open(Api);
        Assert.That(TestDatabase.Strings(db, "SELECT action FROM audit_entries WHERE object_id = $id AND action = 'mediation.dispute_assigned'", ("$id", id.ToString())), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Assignment_NamesBadFields_NeedsIfMatch_AndIsForMediatorsOfTheJurisdiction()
    {
        var room = await RoomAsync("塔山街道", "分派校验调解室");
        var other = await RoomAsync("塔山街道", "分派他室");
        var id = await AcceptedDisputeAsync(room, "塔山街道");
        using var mediator = await Api.ClientForAsync("district.mediator");
        var good = new { roomId = room.Room, leadMediatorId = room.Assistant, assistingMediatorIds = new[] { room.Lead } };

        var empty = await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), new { roomId = Guid.Empty, leadMediatorId = Guid.Empty, assistingMediatorIds = new[] { room.Lead, room.Lead } }, 3))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(empty["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "roomId", "leadMediatorId", "assistingMediatorIds" }));
        var noRoom = await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), good with { roomId = Guid.NewGuid() }, 3)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(noRoom["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "roomId" }));
        var strangerLead = await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), good with { leadMediatorId = other.Lead }, 3)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(strangerLead["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "leadMediatorId" }));
        var leadAssists = await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), good with { assistingMediatorIds = new[] { room.Assistant } }, 3))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(leadAssists["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "assistingMediatorIds" }));

        await (await mediator.PostAsJsonAsync(Url(id), good)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), good, 2)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        using (var officer = await Api.ClientForAsync("district.petition_officer"))
        {
            await (await SendWithIfMatch(officer, HttpMethod.Post, Url(id), good, 3)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var town = await Api.ClientForAsync("town.mediator"))
        {
            await (await SendWithIfMatch(town, HttpMethod.Post, Url(id), good, 3)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.That((await DisputeAsync(mediator, id))["leadMediatorName"]!.GetValue<string>(), Is.EqualTo("王阿姨"), "nothing refused changed it");
        await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), good with { roomId = other.Room, leadMediatorId = other.Lead, assistingMediatorIds = Array.Empty<Guid>() }, 3))
            .ShouldBeOkAsync<JsonObject>();
        var moved = await DisputeAsync(mediator, id);
        Assert.That((moved["roomName"]!.GetValue<string>(), AssistantNames(moved).Count), Is.EqualTo(("分派他室", 0)), "no booked session: the room may change");

        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/withdrawal", new { reason = "双方已自行和解。" }, 4)).ShouldBeOkAsync<JsonObject>();
        var ended = await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), good, 5)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(ended["code"]!.GetValue<string>(), Is.EqualTo("dispute_action_not_allowed"));
    }

    /// <summary>A petition referred to mediation and the dispute it opened in a room of 府山街道, still without a lead mediator.</summary>
    private async Task<(string PetitionId, Guid DisputeId, string DisputeNumber)> ReferredAsync(HttpClient officer, HttpClient town, string request)
    {
        var petition = await IntakeData.RegisterAsync(officer, Data.Registration(await FushanVillageAsync(), request: request));
        var item = await ReferToMediationAsync(officer, petition);
        return (petition["id"]!.GetValue<string>(), Guid.Parse(item["id"]!.GetValue<string>()), item["number"]!.GetValue<string>());
    }

    private static async Task<JsonNode> TimelineEntryAsync(HttpClient officer, string petitionId, string kind)
    {
        var timeline = (await (await officer.GetAsync($"/api/v1/petitions/{petitionId}")).ShouldBeOkAsync<JsonObject>())["timeline"]!.AsArray();
        return timeline.Single(e => e!["kind"]!.GetValue<string>() == kind)!;
    }

    [Test]
    public async Task AReferredDispute_GetsItsLeadMediator_AndEveryEndingReachesThePetitionsTimeline()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        using var town = await Api.ClientForAsync("town.mediator");

        var refused = await ReferredAsync(officer, town, "与邻居因围墙归属发生纠纷，请求调解。");
        var dispute = await DisputeAsync(town, refused.DisputeId);
        Assert.That(dispute["leadMediatorId"], Is.Null, "a referral names a room, not a mediator");
        var roomId = dispute["roomId"]!.GetValue<Guid>();
        var serving = (await RoomAsync(town, roomId))["mediators"]!.AsArray().Where(m => m!["retiredAt"] is null).Select(m => m!["id"]!.GetValue<Guid>()).ToList();
        await (await SendWithIfMatch(town, HttpMethod.Post, Url(refused.DisputeId), new { roomId, leadMediatorId = serving[0], assistingMediatorIds = (Guid[]?)null }, 1))
            .ShouldBeOkAsync<JsonObject>();
        Assert.That((await DisputeAsync(town, refused.DisputeId))["leadMediatorId"]!.GetValue<Guid>(), Is.EqualTo(serving[0]));
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/mediation/disputes/{refused.DisputeId}/consent",
            new { side = "respondent", consents = false, guidance = "可向人民法院提起诉讼。" }, 2)).ShouldBeOkAsync<JsonObject>();
        await PumpOutboxAsync();
        var refusal = await TimelineEntryAsync(officer, refused.PetitionId, "mediation_refused");
        Assert.That(refusal["text"]!.GetValue<string>(), Does.Contain(refused.DisputeNumber).And.Contain("被申请人不同意调解").And.Contain("可向人民法院提起诉讼。"));
        Assert.That(refusal["isPublic"]!.GetValue<bool>(), Is.True, "the petitioner's tracking page shows it");

        var withdrawn = await ReferredAsync(officer, town, "与邻居因排水沟堵塞发生纠纷，请求调解。");
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/mediation/disputes/{withdrawn.DisputeId}/withdrawal", new { reason = "双方已自行和解。" }, 1))
            .ShouldBeOkAsync<JsonObject>();
        await PumpOutboxAsync();
        var withdrawal = await TimelineEntryAsync(officer, withdrawn.PetitionId, "mediation_withdrawn");
        Assert.That(withdrawal["text"]!.GetValue<string>(), Does.Contain(withdrawn.DisputeNumber).And.Contain("双方已自行和解。"));
        Assert.That(withdrawal["isPublic"]!.GetValue<bool>(), Is.True);

        var failed = await ReferredAsync(officer, town, "与邻居因房屋漏水赔偿发生纠纷，请求调解。");
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/mediation/disputes/{failed.DisputeId}/consent", new { side = "applicant", consents = true }, 1)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/mediation/disputes/{failed.DisputeId}/consent", new { side = "respondent", consents = true }, 2)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/mediation/disputes/{failed.DisputeId}/failure",
            new { reason = "双方对赔偿金额分歧过大", guidance = "可依法申请仲裁或提起诉讼。" }, 3)).ShouldBeOkAsync<JsonObject>();
        await PumpOutboxAsync();
        var failure = await TimelineEntryAsync(officer, failed.PetitionId, "mediation_failed");
        Assert.That(failure["text"]!.GetValue<string>(), Does.Contain(failed.DisputeNumber).And.Contain("双方对赔偿金额分歧过大").And.Contain("可依法申请仲裁或提起诉讼。"));
        Assert.That(failure["isPublic"]!.GetValue<bool>(), Is.True);
    }
}
