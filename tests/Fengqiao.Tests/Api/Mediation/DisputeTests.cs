using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Mediation;

public sealed class DisputeTests : MediationTestBase
{
    private (Guid Room, Guid Lead, Guid Assistant)? _fushan;
    private (Guid Room, Guid Lead, Guid Assistant)? _tashan;

    /// <summary>A room of the named town with two mediators, set up once by the district mediator.</summary>
    private async Task<(Guid Room, Guid Lead, Guid Assistant)> RoomOfAsync(string town)
    {
        using var district = await Api.ClientForAsync("district.mediator");
        var room = await CreateRoomAsync(district, Room(Region(town), $"{town}老娘舅调解室"));
        var lead = await AddMediatorAsync(district, room, new { name = "王阿姨", specialty = "neighbourhood", regionId = Region(town) });
        var assistant = await AddMediatorAsync(district, room, new { name = "李大伯", specialty = "neighbourhood", regionId = Region(town) });
        return (room, lead, assistant);
    }

    private async Task<(Guid Room, Guid Lead, Guid Assistant)> FushanAsync() => _fushan ??= await RoomOfAsync("府山街道");

    private async Task<(Guid Room, Guid Lead, Guid Assistant)> TashanAsync() => _tashan ??= await RoomOfAsync("塔山街道");

    private object Registration((Guid Room, Guid Lead, Guid Assistant) room, Guid regionId, string source = "walk_in", object? court = null) => new
    {
        disputeType = "neighbourhood",
        summary = "楼上住户装修噪音扰民，双方多次争吵。",
        claims = "请求对方限定施工时间并赔偿损失。",
        amountClaimed = 3000.50m,
        regionId,
        source,
        courtName = source == "court_pre_litigation" ? "越城区人民法院" : null,
        courtCaseNumber = source == "court_pre_litigation" ? "(2026)浙0602民诉前调1234号" : null,
        roomId = room.Room,
        leadMediatorId = room.Lead,
        assistingMediatorIds = new[] { room.Assistant },
        parties = new object[]
        {
            new { side = "applicant", kind = "person", name = "张三", idNumber = Data.NewIdNumber(), phone = Data.MobilePhone() },
            new { side = "respondent", kind = "person", name = "李四", idNumber = (string?)null, phone = Data.MobilePhone() },
            new { side = "respondent", kind = "organisation", name = "绍兴某物业服务有限公司", organisationCode = "91330602MA2BCDEF1X" },
        },
    };

    private static async Task<Guid> RegisterAsync(HttpClient client, object body)
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/mediation/disputes", body)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        Assert.That(created["version"]!.GetValue<long>(), Is.EqualTo(1));
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    private static async Task<JsonObject> DisputeAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/mediation/disputes/{id}")).ShouldBeOkAsync<JsonObject>();

    private static Task<HttpResponseMessage> ConsentAsync(HttpClient client, Guid id, string side, bool consents, long version, string? guidance = null) =>
        SendWithIfMatch(client, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/consent", new { side, consents, guidance }, version);

    private List<string> OutboxTypesAbout(Guid id)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT type FROM outbox_messages WHERE payload LIKE $id ORDER BY stored_at", ("$id", $"%{id}%"));
    }

    [Test]
    public async Task Register_OpensANumberedDispute_WithMaskedParties_AndPublishesDisputeOpened()
    {
        using var mediator = await Api.ClientForAsync("district.mediator");
        var id = await RegisterAsync(mediator, Registration(await FushanAsync(), await FushanVillageAsync(), "court_pre_litigation"));

        var response = await mediator.GetAsync($"/api/v1/mediation/disputes/{id}");
        Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
        var dispute = await response.ShouldBeOkAsync<JsonObject>();
        Assert.That(dispute["number"]!.GetValue<string>(), Does.Match(@"^越城调-\d{4}-\d{6}$"));
        Assert.That(dispute["status"]!.GetValue<string>(), Is.EqualTo("registered"));
        Assert.That(dispute["source"]!.GetValue<string>(), Is.EqualTo("court_pre_litigation"));
        Assert.That(dispute["courtCaseNumber"]!.GetValue<string>(), Is.EqualTo("(2026)浙0602民诉前调1234号"));
        Assert.That(dispute["amountClaimed"]!.GetValue<decimal>(), Is.EqualTo(3000.50m));
        Assert.That(dispute["leadMediatorName"]!.GetValue<string>(), Is.EqualTo("王阿姨"));
        Assert.That(dispute["assistingMediators"]!.AsArray().Select(m => m!["mediatorName"]!.GetValue<string>()), Is.EqualTo(new[] { "李大伯" }));
        var parties = dispute["parties"]!.AsArray();
        Assert.That(parties.Select(p => (p!["side"]!.GetValue<string>(), p["kind"]!.GetValue<string>())),
            Is.EqualTo(new[] { ("applicant", "person"), ("respondent", "person"), ("respondent", "organisation") }));
        Assert.That(parties[0]!["idNumberMasked"]!.GetValue<string>(), Does.Match(@"^\d{6}\*+[0-9X]{4}$"), "ID numbers are masked");
        Assert.That(parties[0]!["phoneMasked"]!.GetValue<string>(), Does.Contain("****"));
        Assert.That(parties[2]!["organisationCode"]!.GetValue<string>(), Is.EqualTo("91330602MA2BCDEF1X"));
        Assert.That(dispute["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()),
            Is.EquivalentTo(new[] { "applicant_consents", "applicant_refuses", "respondent_consents", "respondent_refuses", "withdraw", "assign" }));

        using (var db = TestDatabase.Open(Api))
        {
            var stored = TestDatabase.Strings(db, "SELECT id_number_cipher FROM mediation_dispute_parties WHERE dispute_id = $id AND ordinal = 1", ("$id", id.ToString()));
            Assert.That(stored.Single(), Does.StartWith("v1:"), "stored encrypted");
        }

        Assert.That(OutboxTypesAbout(id), Is.EqualTo(new[] { "Mediation.DisputeOpened" }));
        var second = await RegisterAsync(mediator, Registration(await FushanAsync(), Region("府山街道")));
        var secondNumber = (await DisputeAsync(mediator, second))["number"]!.GetValue<string>();
        Assert.That(int.Parse(secondNumber[^6..]), Is.EqualTo(int.Parse(dispute["number"]!.GetValue<string>()[^6..]) + 1), "numbered in sequence per district and year");

        using var officer = await Api.ClientForAsync("district.petition_officer");
        var readByOfficer = await DisputeAsync(officer, id);
        Assert.That(readByOfficer["allowedActions"]!.AsArray(), Is.Empty, "the petition bureau reads disputes but does not mediate");
    }

    [Test]
    public async Task ConsentOfBothSides_AcceptsTheDispute_AndPublishesDisputeAccepted()
    {
        using var mediator = await Api.ClientForAsync("district.mediator");
        var id = await RegisterAsync(mediator, Registration(await FushanAsync(), Region("府山街道")));
        var first = await (await ConsentAsync(mediator, id, "respondent", true, 1)).ShouldBeOkAsync<JsonObject>();
        Assert.That(first["version"]!.GetValue<long>(), Is.EqualTo(2));
        var halfway = await DisputeAsync(mediator, id);
        Assert.That((halfway["status"]!.GetValue<string>(), halfway["respondentConsent"]!.GetValue<string>()), Is.EqualTo(("registered", "given")));

        await (await ConsentAsync(mediator, id, "applicant", true, 2)).ShouldBeOkAsync<JsonObject>();
        var accepted = await DisputeAsync(mediator, id);
        Assert.That(accepted["status"]!.GetValue<string>(), Is.EqualTo("accepted"));
        Assert.That(accepted["acceptedAt"]?.GetValue<DateTimeOffset>(), Is.Not.Null);
        Assert.That(accepted["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "withdraw", "record_agreement", "record_failure", "assign" }));
        Assert.That(OutboxTypesAbout(id), Is.EqualTo(new[] { "Mediation.DisputeOpened", "Mediation.DisputeAccepted" }));

        var again = await (await ConsentAsync(mediator, id, "applicant", true, 3)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("dispute_action_not_allowed"));
    }

    [Test]
    public async Task ARefusal_EndsTheDisputeAsNotMediated_WithGuidance_AndAWithdrawalEndsAnother()
    {
        using var mediator = await Api.ClientForAsync("district.mediator");
        var refused = await RegisterAsync(mediator, Registration(await FushanAsync(), Region("府山街道")));
        var noGuidance = await (await ConsentAsync(mediator, refused, "respondent", false, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(noGuidance["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "guidance" }));
        await (await ConsentAsync(mediator, refused, "respondent", false, 1, "可向越城区人民法院提起诉讼。")).ShouldBeOkAsync<JsonObject>();
        var notMediated = await DisputeAsync(mediator, refused);
        Assert.That(notMediated["status"]!.GetValue<string>(), Is.EqualTo("not_mediated"));
        Assert.That(notMediated["guidance"]!.GetValue<string>(), Is.EqualTo("可向越城区人民法院提起诉讼。"));
        Assert.That(notMediated["allowedActions"]!.AsArray(), Is.Empty);
        Assert.That(notMediated["closedAt"]?.GetValue<DateTimeOffset>(), Is.Not.Null);
        Assert.That(OutboxTypesAbout(refused), Does.Not.Contain("Mediation.DisputeAccepted"));

        var withdrawn = await RegisterAsync(mediator, Registration(await FushanAsync(), Region("府山街道")));
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{withdrawn}/withdrawal", new { reason = "双方已自行和解。" }, 1))
            .ShouldBeOkAsync<JsonObject>();
        var after = await DisputeAsync(mediator, withdrawn);
        Assert.That((after["status"]!.GetValue<string>(), after["withdrawalReason"]!.GetValue<string>()), Is.EqualTo(("withdrawn", "双方已自行和解。")));
        await (await ConsentAsync(mediator, withdrawn, "applicant", true, 2)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Register_WithBadInput_Returns400NamingTheFields()
    {
        using var mediator = await Api.ClientForAsync("district.mediator");
        var room = await FushanAsync();
        var problem = await (await mediator.PostAsJsonAsync("/api/v1/mediation/disputes", new
        {
            disputeType = "",
            summary = "",
            claims = "请求赔偿。",
            amountClaimed = -1m,
            regionId = Region("府山街道"),
            source = "court_pre_litigation",
            roomId = room.Room,
            leadMediatorId = room.Lead,
            parties = new object[] { new { side = "applicant", kind = "person", name = "张三", idNumber = "12345" } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key),
            Is.SupersetOf(new[] { "disputeType", "summary", "amountClaimed", "courtName", "courtCaseNumber", "parties", "parties[0].idNumber" }));

        var referral = await (await mediator.PostAsJsonAsync("/api/v1/mediation/disputes", Registration(room, Region("府山街道"), "referred_petition")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(referral["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "source" }), "a referral opens its dispute itself");

        var otherRoomsMediator = await (await mediator.PostAsJsonAsync("/api/v1/mediation/disputes",
            Registration((room.Room, (await TashanAsync()).Lead, room.Assistant), Region("府山街道")))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(otherRoomsMediator["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "leadMediatorId" }));

        using var town = await Api.ClientForAsync("town.mediator");
        var outside = await (await town.PostAsJsonAsync("/api/v1/mediation/disputes", Registration(room, Region("塔山街道")))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(outside["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "regionId" }));
    }

    [Test]
    public async Task RolesWithoutTheCapability_Get403()
    {
        using var mediator = await Api.ClientForAsync("district.mediator");
        var id = await RegisterAsync(mediator, Registration(await FushanAsync(), Region("府山街道")));
        using var handler = await Api.ClientForAsync("district.handler");
        await (await handler.GetAsync("/api/v1/mediation/disputes")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var admin = await Api.ClientForAsync("district.admin");
        await (await admin.GetAsync($"/api/v1/mediation/disputes/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var officer = await Api.ClientForAsync("district.petition_officer");
        await (await officer.PostAsJsonAsync("/api/v1/mediation/disputes", Registration(await FushanAsync(), Region("府山街道")))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await ConsentAsync(officer, id, "applicant", true, 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task DisputesOfAnotherTown_Answer404_AndStayOffItsWorklist()
    {
        using var district = await Api.ClientForAsync("district.mediator");
        var id = await RegisterAsync(district, Registration(await TashanAsync(), Region("塔山街道")));
        using var town = await Api.ClientForAsync("town.mediator");
        await (await town.GetAsync($"/api/v1/mediation/disputes/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await ConsentAsync(town, id, "applicant", true, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/withdrawal", new { reason = "撤回。" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var list = await (await town.GetAsync("/api/v1/mediation/disputes?limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(list["items"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()), Does.Not.Contain(id.ToString()));
    }

    [Test]
    public async Task Consent_WithAStaleETag_Gets412_AndWithoutIfMatch_428()
    {
        using var mediator = await Api.ClientForAsync("district.mediator");
        var id = await RegisterAsync(mediator, Registration(await FushanAsync(), Region("府山街道")));
        await (await ConsentAsync(mediator, id, "applicant", true, 1)).ShouldBeOkAsync<JsonObject>();
        await (await ConsentAsync(mediator, id, "respondent", true, 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await mediator.PostAsJsonAsync($"/api/v1/mediation/disputes/{id}/consent", new { side = "respondent", consents = true }))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await mediator.PostAsJsonAsync($"/api/v1/mediation/disputes/{id}/withdrawal", new { reason = "撤回。" }))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.That((await DisputeAsync(mediator, id))["status"]!.GetValue<string>(), Is.EqualTo("registered"), "refused changes leave the dispute as it was");
    }

    [Test]
    public async Task Worklist_FiltersByStatusTypeAndRoom_AndPagesLatestFirst()
    {
        using var mediator = await Api.ClientForAsync("district.mediator");
        var room = await RoomOfAsync("府山街道");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await RegisterAsync(mediator, Registration(room, Region("府山街道"))));
        }

        await (await ConsentAsync(mediator, ids[0], "applicant", false, 1, "可申请劳动仲裁。")).ShouldBeOkAsync<JsonObject>();
        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await mediator.GetAsync($"/api/v1/mediation/disputes?roomId={room.Room}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"))).ShouldBeOkAsync<JsonObject>();
            walked.AddRange(page["items"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.That(walked, Is.EqualTo(ids.AsEnumerable().Reverse().Select(id => id.ToString())), "latest first, every page once");

        var registered = await (await mediator.GetAsync($"/api/v1/mediation/disputes?roomId={room.Room}&status=registered&disputeType=neighbourhood&limit=100"))
            .ShouldBeOkAsync<JsonObject>();
        Assert.That(registered["items"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()), Is.EquivalentTo(ids.Skip(1).Select(id => id.ToString())));
        var item = registered["items"]![0]!;
        Assert.That(item["applicantNames"]!.GetValue<string>(), Is.EqualTo("张三"));
        Assert.That(item["respondentNames"]!.GetValue<string>(), Is.EqualTo("李四、绍兴某物业服务有限公司"));
        var badStatus = await (await mediator.GetAsync("/api/v1/mediation/disputes?status=pending")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(badStatus["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "status" }));
    }

    [Test]
    public async Task APetitionReferredToMediation_OpensADisputeLinkedToIt_InTheNearestCommittee_Once()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var petition = await IntakeData.RegisterAsync(officer, Data.Registration(await FushanVillageAsync(), request: "与邻居因宅基地边界发生纠纷，请求调解。"));
        var petitionId = petition["id"]!.GetValue<string>();
        await ReferToMediationAsync(officer, petition);
        await PumpOutboxAsync();

        using var town = await Api.ClientForAsync("town.mediator");
        var referred = await ReferredDisputesAsync(town, petition);
        Assert.That(referred, Has.Count.EqualTo(1), "one dispute per referred petition");
        var dispute = await DisputeAsync(town, Guid.Parse(referred[0]!["id"]!.GetValue<string>()));
        Assert.That(dispute["petitionId"]!.GetValue<string>(), Is.EqualTo(petitionId));
        Assert.That(dispute["roomName"]!.GetValue<string>(), Is.EqualTo("府山街道人民调解委员会"), "the town's people's mediation committee is nearest");
        Assert.That(dispute["summary"]!.GetValue<string>(), Does.Contain("宅基地边界"));
        Assert.That(dispute["status"]!.GetValue<string>(), Is.EqualTo("registered"));
        Assert.That(dispute["number"]!.GetValue<string>(), Does.StartWith("越城调-"));
        Assert.That(OutboxTypesAbout(Guid.Parse(referred[0]!["id"]!.GetValue<string>())), Is.EqualTo(new[] { "Mediation.DisputeOpened" }));
    }
}
