using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>Administrators create, change and retire units and villages within their jurisdiction; retired rows stay.</summary>
public sealed class OrganizationAdminTests
{
    private const string Town = "府山街道";
    private const string OtherTown = "塔山街道";
    private const string TownGovernment = "府山街道办事处";

    private static readonly string[] NonAdminRoles =
        ["petition_officer", "handler", "supervisor", "leader", "mediator", "suggestion_reviewer", "analyst", "discipline_inspector", "agent"];

    private ApiFactory _api = null!;
    private int _sequence;

    [OneTimeSetUp]
    public void Start() => _api = new ApiFactory();

    [OneTimeTearDown]
    public void Stop() => _api.Dispose();

    [Test]
    public async Task CreateUnit_AsTownAdmin_Returns201_AndTheUnitIsListedWithItsDetails()
    {
        using var admin = await _api.ClientForAsync("town.admin");
        var town = await RegionAsync(admin, Town);
        var parent = await UserAdminTests.UnitIdAsync(admin, TownGovernment);
        var name = NextName("人民调解委员会");

        var response = await admin.PostAsJsonAsync("/api/v1/units",
            new { name, kind = "mediation_committee", regionId = town.Id, parentUnitId = parent, contactPhone = "0575-8512 3456", contactAddress = "府山街道胜利西路1号" });
        var created = await response.ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        Assert.That(response.Headers.Location!.ToString(), Does.EndWith(id));
        Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"1\""));

        var read = await admin.GetAsync($"/api/v1/units/{id}");
        var unit = await read.ShouldBeOkAsync<JsonObject>();
        Assert.Multiple(() =>
        {
            Assert.That(read.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
            Assert.That(unit["name"]!.GetValue<string>(), Is.EqualTo(name));
            Assert.That(unit["kind"]!.GetValue<string>(), Is.EqualTo("mediation_committee"));
            Assert.That(unit["regionName"]!.GetValue<string>(), Is.EqualTo(Town));
            Assert.That(unit["parentUnitName"]!.GetValue<string>(), Is.EqualTo(TownGovernment));
            Assert.That(unit["contactPhone"]!.GetValue<string>(), Is.EqualTo("0575-8512 3456"));
            Assert.That(unit["retiredAt"], Is.Null);
        });
        Assert.That(await UserAdminTests.UnitIdAsync(admin, name), Is.EqualTo(Guid.Parse(id)));
        Assert.That(AuditActions(id), Is.EqualTo(new[] { "unit.created" }));
    }

    [Test]
    public async Task CreateUnit_WithInvalidFields_Returns400ListingEachField()
    {
        using var admin = await _api.ClientForAsync("town.admin");
        var problem = await (await admin.PostAsJsonAsync("/api/v1/units",
                new { name = "", kind = "town_government", regionId = Guid.Empty, parentUnitId = Guid.Empty, contactPhone = "call me", contactAddress = new string('路', 201) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "name", "regionId", "parentUnitId", "contactPhone", "contactAddress" }));
    }

    [Test]
    public async Task CreateUnit_InARegionOrUnderAUnitOutsideJurisdiction_Returns400NamingTheField()
    {
        using var cityAdmin = await _api.ClientForAsync("city.admin");
        var cityUnit = await UserAdminTests.UnitIdAsync(cityAdmin, "绍兴市信访局");
        using var admin = await _api.ClientForAsync("town.admin");
        var otherTown = (await RegionAsync(cityAdmin, OtherTown)).Id;
        var town = (await RegionAsync(admin, Town)).Id;

        var region = await (await admin.PostAsJsonAsync("/api/v1/units", new { name = NextName("科"), kind = "functional_department", regionId = otherTown }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(region["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "regionId" }));
        var parent = await (await admin.PostAsJsonAsync("/api/v1/units", new { name = NextName("科"), kind = "functional_department", regionId = town, parentUnitId = cityUnit }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(parent["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "parentUnitId" }));
    }

    [Test]
    public async Task CreateUnit_WithTheNameOfAnActiveUnitOfTheRegion_Returns409()
    {
        using var admin = await _api.ClientForAsync("town.admin");
        var problem = await (await admin.PostAsJsonAsync("/api/v1/units", new { name = TownGovernment, kind = "town_government", regionId = (await RegionAsync(admin, Town)).Id }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("unit_name_taken"));
    }

    [Test]
    public async Task UpdateUnit_NeedsIfMatch_RenamesAndMoves_AndKeepsEachStepInTheAuditTrail()
    {
        using var admin = await _api.ClientForAsync("district.admin");
        var town = (await RegionAsync(admin, Town)).Id;
        var otherTown = (await RegionAsync(admin, OtherTown)).Id;
        var id = await CreateUnitAsync(admin, town);
        var renamed = NextName("综治中心");
        var update = new { name = renamed, kind = "functional_department", regionId = town };

        await (await admin.PutAsJsonAsync($"/api/v1/units/{id}", update)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await UserAdminTests.Send(admin, HttpMethod.Put, $"/api/v1/units/{id}", update, "\"5\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var ok = await UserAdminTests.Send(admin, HttpMethod.Put, $"/api/v1/units/{id}", update, "\"1\"");
        Assert.That((await ok.ShouldBeOkAsync<JsonObject>())["version"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(ok.Headers.ETag!.Tag, Is.EqualTo("\"2\""));
        Assert.That((await (await admin.GetAsync($"/api/v1/units/{id}")).ShouldBeOkAsync<JsonObject>())["name"]!.GetValue<string>(), Is.EqualTo(renamed));

        await (await UserAdminTests.Send(admin, HttpMethod.Put, $"/api/v1/units/{id}", update with { regionId = otherTown }, "\"2\"")).ShouldBeOkAsync<JsonObject>();
        var inOtherTown = await (await admin.GetAsync($"/api/v1/units?regionId={otherTown}&limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(inOtherTown["items"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()), Does.Contain(id.ToString()));
        Assert.That(AuditActions(id), Is.EqualTo(new[] { "unit.created", "unit.updated", "unit.moved" }));
    }

    [Test]
    public async Task UpdateUnit_MovingAUnit_EndsTheAccessTokensOfItsUsers()
    {
        using var admin = await _api.ClientForAsync("district.admin");
        var town = (await RegionAsync(admin, Town)).Id;
        var id = await CreateUnitAsync(admin, town);
        var userName = $"unit.mover{Interlocked.Increment(ref _sequence)}";
        await (await admin.PostAsJsonAsync("/api/v1/users", new { userName, displayName = "李明", password = "Test-Password-2026", unitId = id, roles = new[] { "handler" } }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        using var member = _api.CreateClient();
        member.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _api.TokenForAsync(userName, "Test-Password-2026"));
        await (await member.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();

        var unit = await (await admin.GetAsync($"/api/v1/units/{id}")).ShouldBeOkAsync<JsonObject>();
        await (await UserAdminTests.Send(admin, HttpMethod.Put, $"/api/v1/units/{id}", new { name = unit["name"]!.GetValue<string>(), kind = "functional_department", regionId = (await RegionAsync(admin, OtherTown)).Id }, "\"1\""))
            .ShouldBeOkAsync<JsonObject>();

        Assert.That((await member.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the token carried the old region");
    }

    [Test]
    public async Task UpdateUnit_ReportingToAUnitBelowIt_Returns400()
    {
        using var admin = await _api.ClientForAsync("town.admin");
        var town = (await RegionAsync(admin, Town)).Id;
        var upper = await CreateUnitAsync(admin, town);
        var lower = await CreateUnitAsync(admin, town, parentUnitId: upper);
        var upperUnit = await (await admin.GetAsync($"/api/v1/units/{upper}")).ShouldBeOkAsync<JsonObject>();

        var problem = await (await UserAdminTests.Send(admin, HttpMethod.Put, $"/api/v1/units/{upper}",
                new { name = upperUnit["name"]!.GetValue<string>(), kind = "functional_department", regionId = town, parentUnitId = lower }, "\"1\""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "parentUnitId" }));
    }

    [Test]
    public async Task RetireUnit_IsRefusedWhileItHasEnabledUsersOrSubUnits_ThenKeepsTheRowButHidesItFromPickers()
    {
        using var admin = await _api.ClientForAsync("town.admin");
        var town = (await RegionAsync(admin, Town)).Id;
        var id = await CreateUnitAsync(admin, town);
        var sub = await CreateUnitAsync(admin, town, parentUnitId: id);
        var user = await (await admin.PostAsJsonAsync("/api/v1/users",
                new { userName = $"unit.member{Interlocked.Increment(ref _sequence)}", displayName = "王芳", password = "Test-Password-2026", unitId = id, roles = new[] { "handler" } }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        var withUsers = await (await UserAdminTests.Send(admin, HttpMethod.Post, $"/api/v1/units/{id}/retire", null, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(withUsers["code"]!.GetValue<string>(), Is.EqualTo("unit_has_active_users"));
        await (await UserAdminTests.Send(admin, HttpMethod.Post, $"/api/v1/users/{user["id"]!.GetValue<string>()}/disable", null, "\"1\"")).ShouldBeOkAsync<JsonObject>();
        var withSubUnits = await (await UserAdminTests.Send(admin, HttpMethod.Post, $"/api/v1/units/{id}/retire", null, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(withSubUnits["code"]!.GetValue<string>(), Is.EqualTo("unit_has_sub_units"));
        await (await UserAdminTests.Send(admin, HttpMethod.Post, $"/api/v1/units/{sub}/retire", null, "\"1\"")).ShouldBeOkAsync<JsonObject>();

        var retired = await UserAdminTests.Send(admin, HttpMethod.Post, $"/api/v1/units/{id}/retire", null, "\"1\"");
        Assert.That((await retired.ShouldBeOkAsync<JsonObject>())["version"]!.GetValue<long>(), Is.EqualTo(2));
        var unit = await (await admin.GetAsync($"/api/v1/units/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(unit["retiredAt"], Is.Not.Null);

        var listed = await UnitIdsAsync(admin, $"regionId={town}");
        var listedWithRetired = await UnitIdsAsync(admin, $"regionId={town}&includeRetired=true");
        Assert.That(listed, Does.Not.Contain(id));
        Assert.That(listedWithRetired, Does.Contain(id));

        var newUser = await (await admin.PostAsJsonAsync("/api/v1/users",
                new { userName = $"unit.late{Interlocked.Increment(ref _sequence)}", displayName = "赵强", password = "Test-Password-2026", unitId = id, roles = new[] { "handler" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(newUser["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "unitId" }));
        var again = await (await UserAdminTests.Send(admin, HttpMethod.Post, $"/api/v1/units/{id}/retire", null, "\"2\"")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("unit_retired"));
        Assert.That(AuditActions(id), Is.EqualTo(new[] { "unit.created", "unit.retired" }));
    }

    [Test]
    public async Task UnitOutsideJurisdiction_Answers404LikeAMissingOne()
    {
        using var cityAdmin = await _api.ClientForAsync("city.admin");
        var districtUnit = await UserAdminTests.UnitIdAsync(cityAdmin, "越城区信访局");
        using var admin = await _api.ClientForAsync("town.admin");
        var town = (await RegionAsync(admin, Town)).Id;

        foreach (var id in new[] { districtUnit, Guid.NewGuid() })
        {
            await (await UserAdminTests.Send(admin, HttpMethod.Put, $"/api/v1/units/{id}", new { name = "某单位", kind = "functional_department", regionId = town }, "\"1\""))
                .ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await UserAdminTests.Send(admin, HttpMethod.Post, $"/api/v1/units/{id}/retire", null, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [TestCaseSource(nameof(NonAdminRoles))]
    public async Task OrganisationAdministration_ByNonAdmin_Returns403(string role)
    {
        using var client = await _api.ClientForAsync($"city.{role}");
        var town = Guid.NewGuid();
        await (await client.PostAsJsonAsync("/api/v1/units", new { name = "某单位", kind = "functional_department", regionId = town })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await UserAdminTests.Send(client, HttpMethod.Put, $"/api/v1/units/{Guid.NewGuid()}", new { name = "某单位", kind = "functional_department", regionId = town }, "\"1\""))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await UserAdminTests.Send(client, HttpMethod.Post, $"/api/v1/units/{Guid.NewGuid()}/retire", null, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync($"/api/v1/regions/{town}/villages", new { code = "330602001999", name = "新村" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await UserAdminTests.Send(client, HttpMethod.Put, $"/api/v1/regions/{town}", new { name = "新村" }, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await UserAdminTests.Send(client, HttpMethod.Post, $"/api/v1/regions/{town}/retire", null, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task CreateVillage_UnderATown_IsListed_AndRenameIsSeenEverywhere()
    {
        using var admin = await _api.ClientForAsync("town.admin");
        var town = await RegionAsync(admin, Town);
        var code = NextVillageCode(town.Code);

        var response = await admin.PostAsJsonAsync($"/api/v1/regions/{town.Id}/villages", new { code, name = NextName("新风社区") });
        var id = (await response.ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<string>();
        Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
        var village = await (await admin.GetAsync($"/api/v1/regions/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(village["level"]!.GetValue<string>(), Is.EqualTo("village"));
        Assert.That(village["parentId"]!.GetValue<string>(), Is.EqualTo(town.Id.ToString()));
        Assert.That(village["path"]!.GetValue<string>(), Does.EndWith($"/{town.Code}/{code}/"));

        var renamed = NextName("新风村");
        await (await UserAdminTests.Send(admin, HttpMethod.Put, $"/api/v1/regions/{id}", new { name = renamed }, "\"1\"")).ShouldBeOkAsync<JsonObject>();
        Assert.That((await RegionAsync(admin, renamed)).Id, Is.EqualTo(Guid.Parse(id)));
        var unitId = await CreateUnitAsync(admin, Guid.Parse(id));
        Assert.That((await (await admin.GetAsync($"/api/v1/units/{unitId}")).ShouldBeOkAsync<JsonObject>())["regionName"]!.GetValue<string>(), Is.EqualTo(renamed));
        Assert.That(AuditActions(id), Is.EqualTo(new[] { "region.created", "region.renamed" }));
    }

    [Test]
    public async Task CreateVillage_WithBadInput_Returns400_AndTakenCodesOrNames409()
    {
        using var admin = await _api.ClientForAsync("town.admin");
        var town = await RegionAsync(admin, Town);
        var empty = await (await admin.PostAsJsonAsync($"/api/v1/regions/{town.Id}/villages", new { code = "abc", name = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(empty["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "code", "name" }));
        var foreignCode = await (await admin.PostAsJsonAsync($"/api/v1/regions/{town.Id}/villages", new { code = "110101001001", name = NextName("村") }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(foreignCode["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "code" }));

        var name = NextName("和平村");
        var code = NextVillageCode(town.Code);
        await (await admin.PostAsJsonAsync($"/api/v1/regions/{town.Id}/villages", new { code, name })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var codeTaken = await (await admin.PostAsJsonAsync($"/api/v1/regions/{town.Id}/villages", new { code, name = NextName("村") })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(codeTaken["code"]!.GetValue<string>(), Is.EqualTo("region_code_taken"));
        var nameTaken = await (await admin.PostAsJsonAsync($"/api/v1/regions/{town.Id}/villages", new { code = NextVillageCode(town.Code), name })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(nameTaken["code"]!.GetValue<string>(), Is.EqualTo("region_name_taken"));
    }

    [Test]
    public async Task VillageAdministration_OutsideJurisdiction_Answers404_AndAboveVillageLevel409()
    {
        using var admin = await _api.ClientForAsync("town.admin");
        using var cityAdmin = await _api.ClientForAsync("city.admin");
        var otherTown = await RegionAsync(cityAdmin, OtherTown);
        var town = await RegionAsync(admin, Town);

        await (await admin.PostAsJsonAsync($"/api/v1/regions/{otherTown.Id}/villages", new { code = NextVillageCode(otherTown.Code), name = NextName("村") }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await UserAdminTests.Send(admin, HttpMethod.Put, $"/api/v1/regions/{otherTown.Id}", new { name = "改名" }, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await UserAdminTests.Send(admin, HttpMethod.Post, $"/api/v1/regions/{otherTown.Id}/retire", null, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var renameTown = await (await UserAdminTests.Send(admin, HttpMethod.Put, $"/api/v1/regions/{town.Id}", new { name = "改名" }, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(renameTown["code"]!.GetValue<string>(), Is.EqualTo("not_a_village"));
        var district = await RegionAsync(cityAdmin, "越城区");
        var underDistrict = await (await cityAdmin.PostAsJsonAsync($"/api/v1/regions/{district.Id}/villages", new { code = district.Code + "001", name = NextName("村") }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(underDistrict["code"]!.GetValue<string>(), Is.EqualTo("not_a_town"));
    }

    [Test]
    public async Task RetireVillage_IsRefusedWhileItHasActiveUnits_ThenHidesItFromPickers()
    {
        using var admin = await _api.ClientForAsync("town.admin");
        var town = await RegionAsync(admin, Town);
        var created = await (await admin.PostAsJsonAsync($"/api/v1/regions/{town.Id}/villages", new { code = NextVillageCode(town.Code), name = NextName("光明村") }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        var unitId = await CreateUnitAsync(admin, Guid.Parse(id));

        var withUnits = await (await UserAdminTests.Send(admin, HttpMethod.Post, $"/api/v1/regions/{id}/retire", null, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(withUnits["code"]!.GetValue<string>(), Is.EqualTo("region_has_units"));
        await (await UserAdminTests.Send(admin, HttpMethod.Post, $"/api/v1/units/{unitId}/retire", null, "\"1\"")).ShouldBeOkAsync<JsonObject>();
        await (await UserAdminTests.Send(admin, HttpMethod.Post, $"/api/v1/regions/{id}/retire", null, "\"1\"")).ShouldBeOkAsync<JsonObject>();

        var listed = await (await admin.GetAsync("/api/v1/regions")).ShouldBeOkAsync<JsonObject>();
        var listedWithRetired = await (await admin.GetAsync("/api/v1/regions?includeRetired=true")).ShouldBeOkAsync<JsonObject>();
        Assert.That(listed["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()), Does.Not.Contain(id));
        Assert.That(listedWithRetired["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()), Does.Contain(id));

        var newUnit = await (await admin.PostAsJsonAsync("/api/v1/units", new { name = NextName("村委会"), kind = "village_committee", regionId = id }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(newUnit["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "regionId" }));
        Assert.That(AuditActions(id), Is.EqualTo(new[] { "region.created", "region.retired" }));
    }

    private sealed record RegionRef(Guid Id, string Code);

    private string NextName(string stem) => $"{stem}{Interlocked.Increment(ref _sequence)}";

    /// <summary>Codes from 900 up, clear of the seeded villages (numbered from 001).</summary>
    private string NextVillageCode(string townCode) => $"{townCode}{900 + Interlocked.Increment(ref _sequence):000}";

    private async Task<Guid> CreateUnitAsync(HttpClient admin, Guid regionId, Guid? parentUnitId = null)
    {
        var created = await (await admin.PostAsJsonAsync("/api/v1/units", new { name = NextName("工作站"), kind = "functional_department", regionId, parentUnitId }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    private static async Task<RegionRef> RegionAsync(HttpClient client, string name)
    {
        var regions = await (await client.GetAsync("/api/v1/regions")).ShouldBeOkAsync<JsonObject>();
        var region = regions["items"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == name)!;
        return new RegionRef(Guid.Parse(region["id"]!.GetValue<string>()), region["code"]!.GetValue<string>());
    }

    private static async Task<List<Guid>> UnitIdsAsync(HttpClient client, string query)
    {
        var page = await (await client.GetAsync($"/api/v1/units?{query}&limit=100")).ShouldBeOkAsync<JsonObject>();
        return page["items"]!.AsArray().Select(u => Guid.Parse(u!["id"]!.GetValue<string>())).ToList();
    }

    private List<string> AuditActions(object objectId)
    {
        using var db = TestDatabase.Open(_api);
        return TestDatabase.Strings(db, "SELECT action FROM audit_entries WHERE object_id = $id ORDER BY sequence", ("$id", objectId.ToString()!));
    }
}
