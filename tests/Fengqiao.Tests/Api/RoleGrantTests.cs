using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>
/// Separation of duties for role grants (the rules seeded in <c>org_role_grant_rules</c> and <c>org_role_unit_kinds</c>):
/// nobody changes their own roles; a town administrator grants neither admin nor discipline_inspector; discipline_inspector
/// goes only to users of a discipline-inspection unit; every grant and revocation is audited with the roles.
/// </summary>
public sealed class RoleGrantTests
{
    private static readonly string[] TownGrantable =
        ["petition_officer", "handler", "supervisor", "leader", "mediator", "suggestion_reviewer", "analyst", "agent"];

    private ApiFactory _api = null!;
    private int _sequence;

    [OneTimeSetUp]
    public void Start() => _api = new ApiFactory();

    [OneTimeTearDown]
    public void Stop() => _api.Dispose();

    [Test]
    public async Task TownAdmin_GrantingItselfDisciplineInspector_Returns403()
    {
        using var townAdmin = await _api.ClientForAsync("town.admin");
        var me = await (await townAdmin.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();
        var id = me["id"]!.GetValue<string>();
        var user = await (await townAdmin.GetAsync($"/api/v1/users/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(user["grantableRoles"]!.AsArray(), Is.Empty, "nothing is grantable on one's own account");

        var problem = await (await Send(townAdmin, HttpMethod.Put, $"/api/v1/users/{id}", new { displayName = "自封", roles = new[] { "admin", "discipline_inspector" } }, Version(user)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("cannot_change_own_roles"));
        Assert.That(Roles("town.admin"), Is.EqualTo(new[] { "Admin" }));
    }

    [Test]
    public async Task Admin_ChangingOnlyItsOwnDisplayName_Succeeds()
    {
        using var districtAdmin = await _api.ClientForAsync("district.admin");
        var id = (await (await districtAdmin.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>())["id"]!.GetValue<string>();
        var user = await (await districtAdmin.GetAsync($"/api/v1/users/{id}")).ShouldBeOkAsync<JsonObject>();
        await (await Send(districtAdmin, HttpMethod.Put, $"/api/v1/users/{id}", new { displayName = "区管理员", roles = new[] { "admin" } }, Version(user)))
            .ShouldBeOkAsync<JsonObject>();
    }

    [TestCase("府山街道纪委", "discipline_inspector")]
    [TestCase("府山街道办事处", "admin")]
    public async Task TownAdmin_CreatingAUserWithARoleItsLevelMayNotGrant_Returns403(string unitName, string role)
    {
        using var townAdmin = await _api.ClientForAsync("town.admin");
        var problem = await (await townAdmin.PostAsJsonAsync("/api/v1/users", NewUser(await UserAdminTests.UnitIdAsync(townAdmin, unitName), role)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("role_not_grantable"));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(role));
    }

    [Test]
    public async Task TownAdmin_GrantingAnotherUserDisciplineInspector_Returns403()
    {
        using var townAdmin = await _api.ClientForAsync("town.admin");
        var id = await CreateAsync(townAdmin, "府山街道办事处", "handler");
        var problem = await (await Send(townAdmin, HttpMethod.Put, $"/api/v1/users/{id}", new { displayName = "张三", roles = new[] { "handler", "discipline_inspector" } }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("role_not_grantable"));
    }

    [Test]
    public async Task TownAdmin_RevokingDisciplineInspector_Returns403()
    {
        using var townAdmin = await _api.ClientForAsync("town.admin");
        var id = UserId("town.discipline_inspector");
        var user = await (await townAdmin.GetAsync($"/api/v1/users/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(Strings(user["grantableRoles"]!), Does.Not.Contain("discipline_inspector"));

        var problem = await (await Send(townAdmin, HttpMethod.Put, $"/api/v1/users/{id}", new { displayName = "纪检", roles = new[] { "analyst" } }, Version(user)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("role_not_grantable"));
    }

    [Test]
    public async Task TownAdmin_DisablingResettingOrRenamingADisciplineInspector_Returns403()
    {
        using var townAdmin = await _api.ClientForAsync("town.admin");
        var id = UserId("town.discipline_inspector");
        var user = await (await townAdmin.GetAsync($"/api/v1/users/{id}")).ShouldBeOkAsync<JsonObject>();

        var attempts = new[]
        {
            Send(townAdmin, HttpMethod.Post, $"/api/v1/users/{id}/disable", null, Version(user)),
            Send(townAdmin, HttpMethod.Post, $"/api/v1/users/{id}/reset-password", new { newPassword = "Fq-Taken#2026-over" }, Version(user)),
            Send(townAdmin, HttpMethod.Put, $"/api/v1/users/{id}", new { displayName = "改名", roles = new[] { "discipline_inspector" } }, Version(user)),
        };
        foreach (var attempt in attempts)
        {
            var problem = await (await attempt).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("user_not_manageable"));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("discipline_inspector"));
        }

        var unchanged = await (await townAdmin.GetAsync($"/api/v1/users/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(Version(unchanged), Is.EqualTo(Version(user)), "nothing of the inspector's account changed");
        Assert.That(unchanged["isDisabled"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task DistrictAdmin_ResetsADisciplineInspectorsPassword()
    {
        using var districtAdmin = await _api.ClientForAsync("district.admin");
        var id = await CreateAsync(districtAdmin, "府山街道纪委", "discipline_inspector");
        await (await Send(districtAdmin, HttpMethod.Post, $"/api/v1/users/{id}/reset-password", new { newPassword = "Fq-Reset#2026-anew" }, 1))
            .ShouldBeOkAsync<JsonObject>();
    }

    [TestCase("city.admin")]
    [TestCase("district.admin")]
    public async Task HigherAdmin_GrantsDisciplineInspector_OnlyInADisciplineInspectionUnit(string admin)
    {
        using var client = await _api.ClientForAsync(admin);
        await CreateAsync(client, "府山街道纪委", "discipline_inspector");

        var problem = await (await client.PostAsJsonAsync("/api/v1/users", NewUser(await UserAdminTests.UnitIdAsync(client, "府山街道办事处"), "discipline_inspector")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "roles" }));

        var handlerId = await CreateAsync(client, "府山街道办事处", "handler");
        await (await Send(client, HttpMethod.Put, $"/api/v1/users/{handlerId}", new { displayName = "张三", roles = new[] { "discipline_inspector" } }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task GrantableRoles_FollowTheCallersLevelAndTheUnitsKind()
    {
        using var townAdmin = await _api.ClientForAsync("town.admin");
        using var cityAdmin = await _api.ClientForAsync("city.admin");
        var townGovernment = await UserAdminTests.UnitIdAsync(cityAdmin, "府山街道办事处");
        var townDiscipline = await UserAdminTests.UnitIdAsync(cityAdmin, "府山街道纪委");

        Assert.That(await GrantableAsync(townAdmin, townGovernment), Is.EquivalentTo(TownGrantable));
        Assert.That(await GrantableAsync(townAdmin, townDiscipline), Is.EquivalentTo(TownGrantable));
        Assert.That(await GrantableAsync(cityAdmin, townGovernment), Is.EquivalentTo(TownGrantable.Append("admin")));
        Assert.That(await GrantableAsync(cityAdmin, townDiscipline), Is.EquivalentTo(TownGrantable.Append("admin").Append("discipline_inspector")));

        var cityBureau = await UserAdminTests.UnitIdAsync(cityAdmin, "绍兴市信访局");
        await (await townAdmin.GetAsync($"/api/v1/users/grantable-roles?unitId={cityBureau}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var inspector = await (await cityAdmin.GetAsync($"/api/v1/users/{UserId("town.discipline_inspector")}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(Strings(inspector["grantableRoles"]!), Does.Contain("discipline_inspector"));
    }

    [Test]
    public async Task RoleChanges_AreAuditedAsGrantsAndRevocations_WithTheRoles()
    {
        using var admin = await _api.ClientForAsync("district.admin");
        var id = await CreateAsync(admin, "府山街道办事处", "handler");
        await (await Send(admin, HttpMethod.Put, $"/api/v1/users/{id}", new { displayName = "李四", roles = new[] { "agent", "analyst" } }, 1)).ShouldBeOkAsync<JsonObject>();

        using var db = TestDatabase.Open(_api);
        var entries = TestDatabase.Strings(
            db,
            "SELECT action || ' ' || COALESCE(before_json, '') || ' ' || after_json FROM audit_entries WHERE object_id = @id AND action LIKE 'user.roles_%' ORDER BY occurred_at, action",
            ("@id", id));
        Assert.That(entries, Is.EqualTo(new[]
        {
            "user.roles_granted {\"roles\":[]} {\"roles\":[\"handler\"],\"granted\":[\"handler\"]}",
            "user.roles_granted {\"roles\":[\"handler\"]} {\"roles\":[\"analyst\",\"agent\"],\"granted\":[\"analyst\",\"agent\"]}",
            "user.roles_revoked {\"roles\":[\"handler\"]} {\"roles\":[\"analyst\",\"agent\"],\"revoked\":[\"handler\"]}",
        }));
    }

    private static long Version(JsonObject user) => user["version"]!.GetValue<long>();

    private static List<string> Strings(JsonNode array) => array.AsArray().Select(r => r!.GetValue<string>()).ToList();

    private static async Task<List<string>> GrantableAsync(HttpClient admin, Guid unitId) =>
        Strings((await (await admin.GetAsync($"/api/v1/users/grantable-roles?unitId={unitId}")).ShouldBeOkAsync<JsonObject>())["roles"]!);

    private object NewUser(Guid unitId, string role) => new
    {
        userName = $"grant.user{Interlocked.Increment(ref _sequence)}",
        displayName = "测试用户",
        password = "Grant-Password-2026",
        unitId,
        roles = new[] { role },
    };

    private async Task<string> CreateAsync(HttpClient admin, string unitName, string role) =>
        (await (await admin.PostAsJsonAsync("/api/v1/users", NewUser(await UserAdminTests.UnitIdAsync(admin, unitName), role)))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<string>();

    private string UserId(string userName)
    {
        using var db = TestDatabase.Open(_api);
        return TestDatabase.Strings(db, "SELECT id FROM org_users WHERE user_name = @name", ("@name", userName)).Single();
    }

    private List<string> Roles(string userName)
    {
        using var db = TestDatabase.Open(_api);
        return TestDatabase.Strings(db, "SELECT r.role FROM org_user_roles r JOIN org_users u ON u.id = r.user_id WHERE u.user_name = @name", ("@name", userName));
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object? body, long version)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }
}
