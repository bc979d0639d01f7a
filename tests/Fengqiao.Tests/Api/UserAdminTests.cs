using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bogus;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

public sealed class UserAdminTests
{
    private static readonly string[] NonAdminRoles =
        ["petition_officer", "handler", "supervisor", "leader", "mediator", "suggestion_reviewer", "analyst", "discipline_inspector", "agent"];

    private readonly Faker _faker = new("zh_CN") { Random = new Randomizer(7) };
    private ApiFactory _api = null!;
    private int _sequence;

    [OneTimeSetUp]
    public void Start() => _api = new ApiFactory();

    [OneTimeTearDown]
    public void Stop() => _api.Dispose();

    [Test]
    public async Task CreateUser_AsAdmin_Returns201AndTheUserCanSignIn()
    {
        using var admin = await _api.ClientForAsync("city.admin");
        var unitId = await UnitIdAsync(admin, "府山街道办事处");
        var request = NewUser(unitId, "handler");

        var response = await admin.PostAsJsonAsync("/api/v1/users", request);
        var created = await response.ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        Assert.That(response.Headers.Location!.ToString(), Does.EndWith(created["id"]!.GetValue<string>()));
        Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"1\""));

        using var client = _api.CreateClient();
        var signIn = await client.PostAsJsonAsync("/api/v1/auth/token", new { request.userName, request.password });
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var db = TestDatabase.Open(_api);
        var audit = TestDatabase.Strings(db, "SELECT action FROM audit_entries WHERE object_id = @id", ("@id", created["id"]!.GetValue<string>()));
        Assert.That(audit, Does.Contain("user.created"));
        var outbox = TestDatabase.Strings(db, "SELECT type FROM outbox_messages WHERE payload LIKE @name", ("@name", $"%{request.userName}%"));
        Assert.That(outbox, Is.EqualTo(new[] { "Organization.UserCreated" }));
    }

    [TestCaseSource(nameof(NonAdminRoles))]
    public async Task UserAdministration_ByNonAdmin_Returns403(string role)
    {
        using var client = await _api.ClientForAsync($"district.{role}");
        await (await client.GetAsync("/api/v1/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync("/api/v1/users", NewUser(Guid.NewGuid(), "handler"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task CreateUser_WithInvalidFields_Returns400ListingEachField()
    {
        using var admin = await _api.ClientForAsync("city.admin");
        var problem = await (await admin.PostAsJsonAsync("/api/v1/users", new { userName = "No Spaces", displayName = "", password = "short", unitId = Guid.Empty, roles = Array.Empty<string>() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "userName", "displayName", "password", "unitId", "roles" }));
    }

    [Test]
    public async Task CreateUser_WithUnknownRole_Returns400NamingTheField()
    {
        using var admin = await _api.ClientForAsync("city.admin");
        var problem = await (await admin.PostAsJsonAsync("/api/v1/users", new { userName = "role.typo", displayName = "张三", password = "Password-12345", unitId = Guid.NewGuid(), roles = new[] { "superuser" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "roles[0]" }));
    }

    [Test]
    public async Task CreateUser_WithTakenUserName_Returns409()
    {
        using var admin = await _api.ClientForAsync("city.admin");
        var unitId = await UnitIdAsync(admin, "绍兴市信访局");
        var problem = await (await admin.PostAsJsonAsync("/api/v1/users", NewUser(unitId, "analyst") with { userName = "city.leader" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("user_name_taken"));
    }

    [Test]
    public async Task CreateUser_InAUnitOutsideJurisdiction_Returns400()
    {
        using var cityAdmin = await _api.ClientForAsync("city.admin");
        var cityUnit = await UnitIdAsync(cityAdmin, "绍兴市信访局");
        using var townAdmin = await _api.ClientForAsync("town.admin");
        var problem = await (await townAdmin.PostAsJsonAsync("/api/v1/users", NewUser(cityUnit, "handler"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "unitId" }));
    }

    [Test]
    public async Task UpdateUser_NeedsIfMatch_RejectsStaleVersions_AndAppliesCurrentOnes()
    {
        using var admin = await _api.ClientForAsync("city.admin");
        var id = await CreateAsync(admin, "town", "handler");
        var update = new { displayName = "王建国", roles = new[] { "handler", "agent" } };

        await (await admin.PutAsJsonAsync($"/api/v1/users/{id}", update)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await Send(admin, HttpMethod.Put, $"/api/v1/users/{id}", update, "\"7\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var ok = await Send(admin, HttpMethod.Put, $"/api/v1/users/{id}", update, "\"1\"");
        var changed = await ok.ShouldBeOkAsync<JsonObject>();
        Assert.That(changed["version"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(ok.Headers.ETag!.Tag, Is.EqualTo("\"2\""));

        var user = await (await admin.GetAsync($"/api/v1/users/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(user["displayName"]!.GetValue<string>(), Is.EqualTo("王建国"));
        Assert.That(user["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "handler", "agent" }));

        await (await Send(admin, HttpMethod.Put, $"/api/v1/users/{id}", update, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task DisableUser_StopsSignIn_AndEnableRestoresIt()
    {
        using var admin = await _api.ClientForAsync("city.admin");
        var (id, userName, password) = await CreateWithCredentialsAsync(admin, "handler");
        using var anonymous = _api.CreateClient();

        await (await Send(admin, HttpMethod.Post, $"/api/v1/users/{id}/disable", null, "\"1\"")).ShouldBeOkAsync<JsonObject>();
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        await (await Send(admin, HttpMethod.Post, $"/api/v1/users/{id}/enable", null, "\"2\"")).ShouldBeOkAsync<JsonObject>();
        Assert.That((await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task DisableYourself_Returns409()
    {
        using var admin = await _api.ClientForAsync("district.admin");
        var me = await (await admin.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();
        var id = me["id"]!.GetValue<string>();
        var problem = await (await Send(admin, HttpMethod.Post, $"/api/v1/users/{id}/disable", null, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("cannot_disable_self"));
    }

    [Test]
    public async Task ResetPassword_ReplacesThePassword()
    {
        using var admin = await _api.ClientForAsync("city.admin");
        var (id, userName, oldPassword) = await CreateWithCredentialsAsync(admin, "leader");
        await (await Send(admin, HttpMethod.Post, $"/api/v1/users/{id}/reset-password", new { newPassword = "short" }, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await Send(admin, HttpMethod.Post, $"/api/v1/users/{id}/reset-password", new { newPassword = "New-Password-2027" }, "\"1\"")).ShouldBeOkAsync<JsonObject>();

        using var anonymous = _api.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = oldPassword })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That((await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = "New-Password-2027" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task UserOutsideJurisdiction_Answers404LikeAMissingOne()
    {
        using var cityAdmin = await _api.ClientForAsync("city.admin");
        var cityUserId = (await (await cityAdmin.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>())["id"]!.GetValue<string>();
        using var townAdmin = await _api.ClientForAsync("town.admin");

        await (await townAdmin.GetAsync($"/api/v1/users/{cityUserId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await townAdmin.GetAsync($"/api/v1/users/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Send(townAdmin, HttpMethod.Put, $"/api/v1/users/{cityUserId}", new { displayName = "x", roles = new[] { "admin" } }, "\"1\""))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Send(townAdmin, HttpMethod.Post, $"/api/v1/users/{cityUserId}/disable", null, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ListUsers_AsTownAdmin_ShowsOnlyTownUsers_PageByPage()
    {
        using var townAdmin = await _api.ClientForAsync("town.admin");
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await townAdmin.GetAsync($"/api/v1/users?limit=4{(cursor is null ? "" : $"&cursor={cursor}")}")).ShouldBeOkAsync<JsonObject>();
            var items = page["items"]!.AsArray();
            Assert.That(items, Has.Count.LessThanOrEqualTo(4));
            seen.AddRange(items.Select(i => i!["userName"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.That(seen, Is.Unique.And.Ordered);
        Assert.That(seen.Where(n => n.StartsWith("city.", StringComparison.Ordinal) || n.StartsWith("district.", StringComparison.Ordinal)), Is.Empty);
        Assert.That(seen, Is.SupersetOf(new[] { "town.admin", "town.handler", "town.agent" }));
    }

    [Test]
    public async Task ListUsers_SearchesNames()
    {
        using var admin = await _api.ClientForAsync("city.admin");
        var page = await (await admin.GetAsync("/api/v1/users?q=town.petition")).ShouldBeOkAsync<JsonObject>();
        Assert.That(page["items"]!.AsArray().Select(i => i!["userName"]!.GetValue<string>()), Is.EqualTo(new[] { "town.petition_officer" }));
    }

    [Test]
    public async Task ListUsers_WithBadLimitOrCursor_Returns400()
    {
        using var admin = await _api.ClientForAsync("city.admin");
        await (await admin.GetAsync("/api/v1/users?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/v1/users?limit=1000")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/v1/users?cursor=garbage!")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task ListAgents_ForAPetitionOfficer_ReturnsTheActiveAgentsOfTheJurisdiction_MatchingTheName()
    {
        using var admin = await _api.ClientForAsync("city.admin");
        var (disabledId, _, _) = await CreateWithCredentialsAsync(admin, "agent");
        await (await Send(admin, HttpMethod.Post, $"/api/v1/users/{disabledId}/disable", null, "\"1\"")).ShouldBeOkAsync<JsonObject>();
        var (activeId, activeUserName, _) = await CreateWithCredentialsAsync(admin, "agent");
        var (handlerId, _, _) = await CreateWithCredentialsAsync(admin, "handler");
        var townAgent = await UserIdAsync("town.agent");

        using var town = await _api.ClientForAsync("town.petition_officer");
        var agents = await (await town.GetAsync("/api/v1/users/agents")).ShouldBeOkAsync<JsonObject>();
        var ids = agents["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
        Assert.That(ids, Does.Contain(townAgent).And.Contain(activeId));
        Assert.That(ids, Does.Not.Contain(disabledId).And.Not.Contain(handlerId), "disabled users and other roles are left out");
        Assert.That(ids, Does.Not.Contain(await UserIdAsync("district.agent")).And.Not.Contain(await UserIdAsync("city.agent")), "agents of higher levels are outside a town's jurisdiction");
        Assert.That(agents["items"]![0]!["unitName"]!.GetValue<string>(), Is.Not.Empty);

        using var district = await _api.ClientForAsync("district.petition_officer");
        var districtIds = (await (await district.GetAsync("/api/v1/users/agents")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray()
            .Select(a => a!["id"]!.GetValue<string>()).ToList();
        Assert.That(districtIds, Does.Contain(townAgent).And.Contain(await UserIdAsync("district.agent")).And.Not.Contain(await UserIdAsync("city.agent")));

        var searched = await (await town.GetAsync($"/api/v1/users/agents?q={activeUserName}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(searched["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()), Is.EqualTo(new[] { activeId }));
        var one = await (await district.GetAsync("/api/v1/users/agents?limit=1")).ShouldBeOkAsync<JsonObject>();
        Assert.That(one["items"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ListAgents_WithBadLimitOrSearch_Returns400()
    {
        using var officer = await _api.ClientForAsync("district.petition_officer");
        await (await officer.GetAsync("/api/v1/users/agents?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await officer.GetAsync("/api/v1/users/agents?limit=51")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await officer.GetAsync($"/api/v1/users/agents?q={new string('张', 101)}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [TestCase("handler")]
    [TestCase("analyst")]
    [TestCase("agent")]
    [TestCase("supervisor")]
    public async Task ListAgents_ForARoleThatDoesNotAssignAgents_Returns403(string role)
    {
        using var client = await _api.ClientForAsync($"district.{role}");
        await (await client.GetAsync("/api/v1/users/agents")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private sealed record NewUserRequest(string userName, string displayName, string password, Guid unitId, string[] roles);

    private NewUserRequest NewUser(Guid unitId, string role) =>
        new($"test.user{Interlocked.Increment(ref _sequence)}", _faker.Name.LastName() + _faker.Name.FirstName(), "Test-Password-" + _faker.Random.Number(1000, 9999), unitId, [role]);

    private async Task<string> CreateAsync(HttpClient admin, string level, string role) =>
        (await CreateWithCredentialsAsync(admin, role, level == "town" ? "府山街道办事处" : "绍兴市信访局")).Id;

    private async Task<(string Id, string UserName, string Password)> CreateWithCredentialsAsync(HttpClient admin, string role, string unitName = "府山街道办事处")
    {
        var request = NewUser(await UnitIdAsync(admin, unitName), role);
        var created = await (await admin.PostAsJsonAsync("/api/v1/users", request)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        return (created["id"]!.GetValue<string>(), request.userName, request.password);
    }

    private async Task<string> UserIdAsync(string userName)
    {
        using var db = TestDatabase.Open(_api);
        return TestDatabase.Strings(db, "SELECT id FROM org_users WHERE user_name = $name", ("$name", userName)).Single();
    }

    internal static async Task<Guid> UnitIdAsync(HttpClient client, string name)
    {
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/units?limit=100{(cursor is null ? "" : $"&cursor={cursor}")}")).ShouldBeOkAsync<JsonObject>();
            var match = page["items"]!.AsArray().FirstOrDefault(u => u!["name"]!.GetValue<string>() == name);
            if (match is not null)
            {
                return Guid.Parse(match["id"]!.GetValue<string>());
            }

            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        throw new AssertionException($"unit {name} not visible");
    }

    internal static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object? body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
