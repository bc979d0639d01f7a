using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

public sealed class PetitionRegistrationTests : IntakeTestBase
{
    private static readonly string[] Channels =
    [
        "letter", "phone", "visit", "online", "hotline12345", "business_hotline", "grassroots", "leader_reception",
        "door_to_door_visit", "social_group", "referral", "third_party",
    ];

    [TestCaseSource(nameof(Channels))]
    public async Task EveryChannel_Registers(string channel)
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var registered = await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"), channel));
        Assert.That(registered["number"]!.GetValue<string>(), Does.Match(@"^越城-\d{4}-\d{6}$"));

        var petition = await (await officer.GetAsync($"/api/v1/petitions/{registered["id"]}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(petition["channel"]!.GetValue<string>(), Is.EqualTo(channel));
        Assert.That(petition["status"]!.GetValue<string>(), Is.EqualTo("registered"));
        Assert.That(petition["timeline"]!.AsArray().Select(t => t!["kind"]!.GetValue<string>()), Does.Contain("registered"));
    }

    [Test]
    public async Task IdNumberWithWrongCheckDigit_Returns400NamingTheField()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var valid = Data.NewIdNumber();
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var problem = await (await officer.PostAsJsonAsync("/api/v1/petitions", Data.Registration(Region("塔山街道"), idNumber: wrong)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "petitioners[0].idNumber" }));
    }

    [Test]
    public async Task InvalidPhoneAndMissingFields_Return400ListingThem()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var request = Data.Registration(Region("塔山街道"), "hotline12345");
        request["petitioners"]![0]!["phone"] = "12345";
        request["request"] = "";
        request["channelReference"] = null;
        var problem = await (await officer.PostAsJsonAsync("/api/v1/petitions", request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "petitioners[0].phone", "request", "channelReference" }));
    }

    [TestCase("{}")]
    [TestCase("null")]
    [TestCase("[]")]
    [TestCase("{\"channel\":\"visit\",\"petitioners\":[null],\"persons\":1}")]
    [TestCase("{\"channel\":\"visit\",\"petitioners\":null,\"persons\":\"many\"}")]
    [TestCase("{\"channel\":\"fax\"}")]
    [TestCase("{\"channel\":\"visit\",\"receivedAt\":\"yesterday\"}")]
    public async Task MalformedBodies_Return400NeverA500(string body)
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        await (await officer.PostAsync("/api/v1/petitions", content)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task NullPetitionerInAnOtherwiseValidCollectiveRegistration_Returns400()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var request = Data.Registration(Region("塔山街道"), persons: 8);
        request["petitioners"]!.AsArray().Add(null);
        var problem = await (await officer.PostAsJsonAsync("/api/v1/petitions", request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "petitioners[1]" }));
    }

    [Test]
    public async Task RegionOutsideJurisdiction_Returns400AndOtherTownsPetitionsAnswer404()
    {
        using var town = await Api.ClientForAsync("town.petition_officer");
        var problem = await (await town.PostAsJsonAsync("/api/v1/petitions", Data.Registration(Region("塔山街道")))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "regionId" }));

        using var district = await Api.ClientForAsync("district.petition_officer");
        var elsewhere = await IntakeData.RegisterAsync(district, Data.Registration(Region("塔山街道")));
        await (await town.GetAsync($"/api/v1/petitions/{elsewhere["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await town.GetAsync($"/api/v1/petitions/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Registration_ByRoleWithoutIntakeRights_Returns403()
    {
        using var analyst = await Api.ClientForAsync("district.analyst");
        await (await analyst.PostAsJsonAsync("/api/v1/petitions", Data.Registration(Region("塔山街道")))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Flags_FirstTimeThenRepeatForTheSamePetitioner()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var idNumber = Data.NewIdNumber();
        var first = await IntakeData.RegisterAsync(officer, Data.Registration(Region("迪荡街道"), idNumber: idNumber, request: "小区门口道路破损严重，多次报修无人处理"));
        Assert.That(FlagsOf(first), Does.Contain("first_time").And.Not.Contain("repeat"));

        var second = await IntakeData.RegisterAsync(officer, Data.Registration(Region("东湖街道"), idNumber: idNumber, request: "学校周边交通拥堵，请求增设红绿灯", category: "transport"));
        var repeat = second["flags"]!.AsArray().Single(f => f!["flag"]!.GetValue<string>() == "repeat")!;
        Assert.That(repeat["code"]!.GetValue<string>(), Is.EqualTo("same_petitioner"));
        Assert.That(repeat["related"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { first["number"]!.GetValue<string>() }));
        Assert.That(FlagsOf(second), Does.Not.Contain("first_time"));
    }

    [Test]
    public async Task Flags_SimilarTextInTheSameRegionAndCategoryIsARepeat()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        const string text = "皋埠街道某化工厂夜间排放刺鼻气体，周边村民头晕恶心，要求环保部门立即查处并公开检测结果";
        var first = await IntakeData.RegisterAsync(officer, Data.Registration(Region("皋埠街道"), request: text, category: "ecology_environment"));
        var second = await IntakeData.RegisterAsync(officer, Data.Registration(Region("皋埠街道"), request: text + "。", category: "ecology_environment"));
        var repeat = second["flags"]!.AsArray().Single(f => f!["flag"]!.GetValue<string>() == "repeat")!;
        Assert.That(repeat["code"]!.GetValue<string>(), Is.EqualTo("similar_matter"));
        Assert.That(repeat["related"]!.AsArray().Select(n => n!.GetValue<string>()), Does.Contain(first["number"]!.GetValue<string>()));

        var otherCategory = await IntakeData.RegisterAsync(officer, Data.Registration(Region("皋埠街道"), request: text, category: "health"));
        Assert.That(FlagsOf(otherCategory), Does.Not.Contain("repeat"));
    }

    [Test]
    public async Task Flags_CollectiveSkipLevelAndBusiness()
    {
        using var city = await Api.ClientForAsync("city.petition_officer");
        var request = Data.Registration(Region("鉴湖街道"), "visit", persons: 6, category: "business_environment");
        var registered = await IntakeData.RegisterAsync(city, request);
        Assert.That(FlagsOf(registered), Does.Contain("collective").And.Contain("skip_level").And.Contain("business_environment"));

        using var town = await Api.ClientForAsync("town.petition_officer");
        var local = await IntakeData.RegisterAsync(town, Data.Registration(await FushanVillageAsync()));
        Assert.That(FlagsOf(local), Does.Not.Contain("skip_level"));
    }

    [Test]
    public async Task SkipLevel_FollowsArt20_AndItsReasonNamesTheRegions()
    {
        using var district = await Api.ClientForAsync("district.petition_officer");
        var call = await IntakeData.RegisterAsync(district, Data.Registration(await FushanVillageAsync(), "phone"));
        var visitOneLevelUp = await IntakeData.RegisterAsync(district, Data.Registration(await FushanVillageAsync(), "visit"));
        Assert.That(FlagsOf(call), Does.Not.Contain("skip_level"), "a district bureau registering a call about a town matter");
        Assert.That(FlagsOf(visitOneLevelUp), Does.Not.Contain("skip_level"), "a visit one level above the town that owns the matter");

        using var city = await Api.ClientForAsync("city.petition_officer");
        // Another matter: an earlier petition on the same one registered at the district would have brought it up a level.
        var visitTwoLevelsUp = await IntakeData.RegisterAsync(city, Data.Registration(await FushanVillageAsync(), "visit", request: "村道两侧路灯损坏半年无人维修，夜间出行不便，请求修复照明设施"));
        var reason = visitTwoLevelsUp["flags"]!.AsArray().Single(f => f!["flag"]!.GetValue<string>() == "skip_level")!;
        Assert.That(reason["code"]!.GetValue<string>(), Is.EqualTo("registered_above_owning_level"));
        Assert.That(reason["related"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "府山街道", "绍兴市" }));
        var letterToTheCity = await IntakeData.RegisterAsync(city, Data.Registration(await FushanVillageAsync(), "letter"));
        Assert.That(FlagsOf(letterToTheCity), Does.Not.Contain("skip_level"), "letters to a higher body are forwarded down");
    }

    [Test]
    public async Task UrgentAndCrossBoundary_AreSetByStaff()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var request = Data.Registration(Region("塔山街道"));
        request["urgent"] = true;
        request["crossBoundary"] = true;
        Assert.That(FlagsOf(await IntakeData.RegisterAsync(officer, request)), Does.Contain("urgent").And.Contain("cross_boundary"));
    }

    [Test]
    public async Task TooManyRepresentatives_Returns400()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var request = Data.Registration(Region("塔山街道"), persons: 30);
        var petitioners = new JsonArray();
        for (var i = 0; i < 6; i++)
        {
            petitioners.Add(new JsonObject { ["name"] = Data.Name(), ["idNumber"] = Data.NewIdNumber(), ["phone"] = Data.MobilePhone(), ["isRepresentative"] = true });
        }

        request["petitioners"] = petitioners;
        var problem = await (await officer.PostAsJsonAsync("/api/v1/petitions", request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "petitioners" }));
    }

    [Test]
    public async Task AcceptanceDeadline_IsFifteenCalendarDaysUnderTheNationalRules()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var request = Data.Registration(Region("塔山街道"));
        request["receivedAt"] = "2025-12-17T02:00:00+00:00";
        var registered = await IntakeData.RegisterAsync(officer, request);
        Assert.That(registered["acceptanceDue"]!.GetValue<string>(), Is.EqualTo("2026-01-04"), "2026-01-01 is a holiday; Sunday 01-04 a make-up working day");
        Assert.That(registered["number"]!.GetValue<string>(), Does.StartWith("越城-2025-"));

        var petition = await (await officer.GetAsync($"/api/v1/petitions/{registered["id"]}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(petition["acceptanceOverdue"]!.GetValue<bool>(), Is.True);
        var overdue = await (await officer.GetAsync("/api/v1/petitions?flag=acceptance_overdue&limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(overdue["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Does.Contain(registered["id"]!.GetValue<string>()));
    }

    [Test]
    public async Task PersonalData_IsMaskedInDetails_EncryptedAtRest_AndRevealedWithAnAuditRow()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var idNumber = Data.NewIdNumber();
        var request = Data.Registration(Region("塔山街道"), idNumber: idNumber);
        var phone = request["petitioners"]![0]!["phone"]!.GetValue<string>();
        var registered = await IntakeData.RegisterAsync(officer, request);

        var detail = await (await officer.GetAsync($"/api/v1/petitions/{registered["id"]}")).ShouldBeOkAsync<JsonObject>();
        var petitioner = detail["petitioners"]![0]!;
        Assert.That(petitioner["idNumberMasked"]!.GetValue<string>(), Is.EqualTo(idNumber[..6] + "********" + idNumber[^4..]));
        Assert.That(petitioner["phoneMasked"]!.GetValue<string>(), Is.EqualTo(phone[..3] + "****" + phone[^4..]));
        Assert.That(detail.ToJsonString(), Does.Not.Contain(idNumber).And.Not.Contain(phone));

        using (var db = TestDatabase.Open(Api))
        {
            var stored = TestDatabase.Strings(db, "SELECT id_number_cipher || phone_cipher || id_number_hash FROM intake_petitioners WHERE petition_id = @id", ("@id", registered["id"]!.GetValue<string>()));
            Assert.That(stored.Single(), Does.Not.Contain(idNumber).And.Not.Contain(phone));
        }

        var url = $"/api/v1/petitions/{registered["id"]}/petitioners/{petitioner["id"]}/reveal";
        using var handler = await Api.ClientForAsync("district.handler");
        await (await handler.PostAsync(url, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var revealed = await (await officer.PostAsync(url, null)).ShouldBeOkAsync<JsonObject>();
        Assert.That(revealed["idNumber"]!.GetValue<string>(), Is.EqualTo(idNumber));
        Assert.That(revealed["phone"]!.GetValue<string>(), Is.EqualTo(phone));

        using var audit = TestDatabase.Open(Api);
        Assert.That(TestDatabase.Strings(audit, "SELECT action FROM audit_entries WHERE object_id = @id", ("@id", petitioner["id"]!.GetValue<string>())),
            Is.EqualTo(new[] { "personal_data.revealed" }));
    }

    [Test]
    public async Task IdempotencyKey_ReplaysTheFirstResponseAndCreatesNothingMore()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var request = Data.Registration(Region("塔山街道"));
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Post(JsonObject body)
        {
            var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/petitions") { Content = JsonContent.Create(body) };
            message.Headers.Add("Idempotency-Key", key);
            return await officer.SendAsync(message);
        }

        var first = await (await Post(request)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var replay = await Post(request);
        var replayed = await replay.ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        Assert.That(replayed["id"]!.GetValue<string>(), Is.EqualTo(first["id"]!.GetValue<string>()));
        Assert.That(replay.Headers.Location!.ToString(), Does.EndWith(first["id"]!.GetValue<string>()));

        using (var db = TestDatabase.Open(Api))
        {
            Assert.That(TestDatabase.Strings(db, "SELECT id FROM intake_petitions WHERE request_text = @text", ("@text", request["request"]!.GetValue<string>())), Has.Count.EqualTo(1));
        }

        var changed = Data.Registration(Region("塔山街道"));
        await (await Post(changed)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    private static List<string> FlagsOf(JsonObject registered) =>
        registered["flags"]!.AsArray().Select(f => f!["flag"]!.GetValue<string>()).ToList();
}
