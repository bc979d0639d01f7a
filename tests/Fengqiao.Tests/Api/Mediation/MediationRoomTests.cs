using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Mediation;

public sealed class MediationRoomTests : MediationTestBase
{
    [Test]
    public async Task SeededRooms_AreListedByJurisdiction_KindAndRegion_WithTheirMediators()
    {
        using var city = await Api.ClientForAsync("city.mediator");
        var all = await AllRoomsAsync(city);
        Assert.That(Names(all), Is.SupersetOf(new[]
        {
            "九斤姑娘调解室", "山娘舅调解室", "翠姐姐调解室", "握手言和工作室",
            "绍兴市医疗纠纷人民调解委员会", "绍兴市道路交通事故纠纷人民调解委员会", "绍兴市物业纠纷人民调解委员会",
        }));
        var seeded = all.Where(r => r["name"]!.GetValue<string>().EndsWith("委员会", StringComparison.Ordinal) || r["name"]!.GetValue<string>() is "九斤姑娘调解室" or "山娘舅调解室" or "翠姐姐调解室" or "握手言和工作室");
        Assert.That(seeded.Select(r => r["mediators"]!.AsArray().Count), Is.All.EqualTo(3), "each seeded room has its mediators");
        var medical = all.Single(r => r["name"]!.GetValue<string>() == "绍兴市医疗纠纷人民调解委员会");
        Assert.That(medical["kind"]!.GetValue<string>(), Is.EqualTo("industry_committee"));
        Assert.That(medical["specialties"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "medical" }));
        Assert.That(medical["mediators"]!.AsArray().Select(m => m!["userId"]?.GetValue<string>()), Does.Contain((await UserIdAsync("city.mediator")).ToString()),
            "the demo city mediator's account mediates in the medical committee");

        var committees = await AllRoomsAsync(city, "&kind=industry_committee");
        Assert.That(committees.Select(r => r["kind"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { "industry_committee" }));
        Assert.That(committees, Has.Count.EqualTo(3));

        var paged = await AllRoomsAsync(city, limit: 2);
        Assert.That(paged.Select(r => r["id"]!.GetValue<string>()), Is.EqualTo(all.Select(r => r["id"]!.GetValue<string>())), "keyset pages walk the same order without gaps");

        var inDistrict = await AllRoomsAsync(city, $"&regionId={Region("越城区")}");
        Assert.That(Names(inDistrict), Does.Contain("九斤姑娘调解室").And.Contain("翠姐姐调解室").And.Not.Contain("山娘舅调解室").And.Not.Contain("绍兴市医疗纠纷人民调解委员会"));

        using var town = await Api.ClientForAsync("town.mediator");
        Assert.That(Names(await AllRoomsAsync(town)), Is.SupersetOf(new[] { "翠姐姐调解室", "府山街道人民调解委员会" })
            .And.No.Member("九斤姑娘调解室").And.No.Member("握手言和工作室").And.No.Member("绍兴市医疗纠纷人民调解委员会"), "a town sees its own rooms only");
    }

    [Test]
    public async Task Room_CreatedChangedAndStaffed_KeepsItsVersionsAndRetiredMediators()
    {
        using var district = await Api.ClientForAsync("district.mediator");
        var id = await CreateRoomAsync(district, Room(Region("府山街道"), "老娘舅调解室"));
        var created = await (await district.GetAsync($"/api/v1/mediation/rooms/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(created["version"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(created["kind"]!.GetValue<string>(), Is.EqualTo("brand_room"));
        Assert.That(created["regionName"]!.GetValue<string>(), Is.EqualTo("府山街道"));

        var changed = await (await SendWithIfMatch(district, HttpMethod.Put, $"/api/v1/mediation/rooms/{id}", new
        {
            name = "老娘舅工作室",
            kind = "brand_room",
            regionId = Region("府山街道"),
            address = "府山街道解放北路 90 号",
            openingHours = "每天 9:00-17:00",
            intro = (string?)null,
            specialties = new[] { "property_management", "neighbourhood" },
        }, 1)).ShouldBeOkAsync<JsonObject>();
        Assert.That(changed["version"]!.GetValue<long>(), Is.EqualTo(2));

        var townMediator = await UserIdAsync("town.mediator");
        var withAccount = await AddMediatorAsync(district, id, new { name = "王阿姨", specialty = "neighbourhood", regionId = Region("府山街道"), userId = townMediator });
        var elder = await AddMediatorAsync(district, id, new { name = "李大伯", specialty = "property_management", regionId = Region("府山街道"), userId = (Guid?)null });
        var renamed = await (await SendWithIfMatch(district, HttpMethod.Put, $"/api/v1/mediation/rooms/{id}/mediators/{elder}",
            new { name = "李德明", specialty = "neighbourhood", regionId = Region("府山街道"), userId = (Guid?)null }, 1)).ShouldBeOkAsync<JsonObject>();
        Assert.That(renamed["version"]!.GetValue<long>(), Is.EqualTo(2));
        await (await SendWithIfMatch(district, HttpMethod.Post, $"/api/v1/mediation/rooms/{id}/mediators/{withAccount}/retirement", null, 1)).ShouldBeOkAsync<JsonObject>();

        var room = await RoomAsync(district, id);
        Assert.That(room["name"]!.GetValue<string>(), Is.EqualTo("老娘舅工作室"));
        Assert.That(room["intro"], Is.Null);
        Assert.That(room["specialties"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EquivalentTo(new[] { "property_management", "neighbourhood" }));
        var mediators = room["mediators"]!.AsArray();
        Assert.That(mediators.Select(m => (m!["name"]!.GetValue<string>(), m["isRetired"]!.GetValue<bool>())),
            Is.EqualTo(new[] { ("李德明", false), ("王阿姨", true) }), "serving mediators first");
        Assert.That(mediators[1]!["userDisplayName"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);

        var listed = (await AllRoomsAsync(district, $"&regionId={Region("府山街道")}")).Single(r => r["id"]!.GetValue<string>() == id.ToString());
        Assert.That(listed["mediators"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "李德明" }), "the list shows serving mediators");

        var again = await (await SendWithIfMatch(district, HttpMethod.Post, $"/api/v1/mediation/rooms/{id}/mediators/{withAccount}/retirement", null, 2))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]?.GetValue<string>(), Is.EqualTo("mediator_retired"));
        Assert.That(AuditActions(id), Is.EqualTo(new[] { "mediation.room_created", "mediation.room_changed" }));
    }

    [Test]
    public async Task CreateRoom_WithBadInput_Returns400NamingTheFields()
    {
        using var district = await Api.ClientForAsync("district.mediator");
        var problem = await (await district.PostAsJsonAsync("/api/v1/mediation/rooms", new
        {
            name = "",
            kind = "brand_room",
            regionId = Guid.Empty,
            address = "",
            openingHours = new string('时', 201),
            specialties = Array.Empty<string>(),
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "name", "regionId", "address", "openingHours", "specialties" }));

        var unknownType = await (await district.PostAsJsonAsync("/api/v1/mediation/rooms", Room(Region("府山街道"), specialties: ["astrology"])))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(unknownType["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "specialties" }));

        var outside = await (await district.PostAsJsonAsync("/api/v1/mediation/rooms", Room(Region("柯桥街道"))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(outside["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "regionId" }), "a region outside the caller's jurisdiction");

        var badKind = await (await district.GetAsync("/api/v1/mediation/rooms?kind=tea_house")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(badKind["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "kind" }));
    }

    [Test]
    public async Task AddMediator_WithAnAccountThatIsNoMediator_OrARegionOutsideTheRoom_Returns400()
    {
        using var district = await Api.ClientForAsync("district.mediator");
        var id = await CreateRoomAsync(district, Room(Region("府山街道"), "和事佬调解室"));
        var handler = await UserIdAsync("town.handler");
        var notMediator = await (await district.PostAsJsonAsync($"/api/v1/mediation/rooms/{id}/mediators",
            new { name = "张三", specialty = "neighbourhood", regionId = Region("府山街道"), userId = handler })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(notMediator["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "userId" }));

        var outsideRoom = await (await district.PostAsJsonAsync($"/api/v1/mediation/rooms/{id}/mediators",
            new { name = "张三", specialty = "neighbourhood", regionId = Region("塔山街道"), userId = (Guid?)null })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(outsideRoom["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "regionId" }));

        var missing = await (await district.PostAsJsonAsync($"/api/v1/mediation/rooms/{id}/mediators",
            new { name = "", specialty = "tarot", regionId = Guid.Empty })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(missing["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "name", "regionId" }));

        var townMediator = await UserIdAsync("town.mediator");
        await AddMediatorAsync(district, id, new { name = "王阿姨", specialty = "neighbourhood", regionId = Region("府山街道"), userId = townMediator });
        var twice = await (await district.PostAsJsonAsync($"/api/v1/mediation/rooms/{id}/mediators",
            new { name = "王阿姨", specialty = "neighbourhood", regionId = Region("府山街道"), userId = townMediator })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(twice["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "userId" }), "one account serves a room once");
    }

    [Test]
    public async Task RolesWithoutTheCapability_Get403()
    {
        using var handler = await Api.ClientForAsync("district.handler");
        await (await handler.GetAsync("/api/v1/mediation/rooms")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var officer = await Api.ClientForAsync("district.petition_officer");
        Assert.That((await officer.GetAsync("/api/v1/mediation/rooms")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the petition bureau reads the rooms it refers to");
        await (await officer.PostAsJsonAsync("/api/v1/mediation/rooms", Room(Region("府山街道")))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task RoomsOfAnotherTown_Answer404_ToReadAndChange()
    {
        using var district = await Api.ClientForAsync("district.mediator");
        var id = await CreateRoomAsync(district, Room(Region("塔山街道"), "塔山和事佬调解室"));
        var mediator = await AddMediatorAsync(district, id, new { name = "赵大姐", specialty = "neighbourhood", regionId = Region("塔山街道"), userId = (Guid?)null });

        using var town = await Api.ClientForAsync("town.mediator");
        await (await town.GetAsync($"/api/v1/mediation/rooms/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(town, HttpMethod.Put, $"/api/v1/mediation/rooms/{id}", Room(Region("府山街道")), 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await town.PostAsJsonAsync($"/api/v1/mediation/rooms/{id}/mediators",
            new { name = "钱大伯", specialty = "neighbourhood", regionId = Region("府山街道"), userId = (Guid?)null })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/mediation/rooms/{id}/mediators/{mediator}/retirement", null, 1))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.That(Names(await AllRoomsAsync(town)), Does.Not.Contain("塔山和事佬调解室"));
    }

    [Test]
    public async Task Changes_WithAStaleETag_Get412_AndWithoutIfMatch_428()
    {
        using var district = await Api.ClientForAsync("district.mediator");
        var id = await CreateRoomAsync(district, Room(Region("府山街道"), "版本调解室"));
        var mediator = await AddMediatorAsync(district, id, new { name = "孙阿婆", specialty = "neighbourhood", regionId = Region("府山街道"), userId = (Guid?)null });
        await (await SendWithIfMatch(district, HttpMethod.Put, $"/api/v1/mediation/rooms/{id}", Room(Region("府山街道"), "版本调解室"), 1)).ShouldBeOkAsync<JsonObject>();

        await (await SendWithIfMatch(district, HttpMethod.Put, $"/api/v1/mediation/rooms/{id}", Room(Region("府山街道"), "旧版本"), 1))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await district.PutAsJsonAsync($"/api/v1/mediation/rooms/{id}", Room(Region("府山街道"))))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(district, HttpMethod.Put, $"/api/v1/mediation/rooms/{id}/mediators/{mediator}",
            new { name = "孙阿婆", specialty = "neighbourhood", regionId = Region("府山街道"), userId = (Guid?)null }, 7)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await district.PostAsync($"/api/v1/mediation/rooms/{id}/mediators/{mediator}/retirement", null))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.That((await RoomAsync(district, id))["name"]!.GetValue<string>(), Is.EqualTo("版本调解室"), "a refused change leaves the room as it was");
    }

    [Test]
    public async Task DisputeTypes_AreData_ListedInTheirOrder()
    {
        using var officer = await Api.ClientForAsync("town.petition_officer");
        var types = await (await officer.GetAsync("/api/v1/mediation/dispute-types")).ShouldBeOkAsync<JsonArray>();
        Assert.That(types.Select(t => t!["code"]!.GetValue<string>()).Take(3), Is.EqualTo(new[] { "medical", "road_traffic", "property_management" }));
        Assert.That(types[0]!["nameZh"]!.GetValue<string>(), Is.EqualTo("医疗纠纷"));
    }

    private List<string> AuditActions(Guid objectId)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT action FROM audit_entries WHERE object_id = $id ORDER BY sequence", ("$id", objectId.ToString()));
    }
}
