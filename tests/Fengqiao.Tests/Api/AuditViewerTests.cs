using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>The audit viewer: who may read which entries, the action names of sensitive changes, filters and paging.</summary>
public sealed class AuditViewerTests : IntakeTestBase
{
    private int _sequence;

    [Test]
    public async Task SensitiveChanges_AreListedWithClearActions_AndTheActorsNameAndUnit()
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var userId = await CreateUserAsync(admin, "handler");
        await (await SendWithIfMatch(admin, HttpMethod.Put, $"/api/v1/users/{userId}", new { displayName = "审计测试", roles = new[] { "handler", "analyst" } }, 1))
            .ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(admin, HttpMethod.Post, $"/api/v1/users/{userId}/reset-password", new { newPassword = "Audit-Password-2027" }, 2))
            .ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(admin, HttpMethod.Post, $"/api/v1/users/{userId}/disable", null, 3)).ShouldBeOkAsync<JsonObject>();

        var entries = await ListAsync(admin, $"objectType=user&objectId={userId}");
        Assert.That(entries.Select(e => e["action"]!.GetValue<string>()),
            Is.EquivalentTo(new[] { "user.disabled", "user.password_reset", "user.updated", "user.roles_granted", "user.created", "user.roles_granted" }));
        Assert.That(entries.Select(e => e["occurredAt"]!.GetValue<DateTimeOffset>()), Is.Ordered.Descending, "newest first");
        Assert.That(entries.Take(3).Select(e => e["action"]!.GetValue<string>()), Is.EqualTo(new[] { "user.disabled", "user.password_reset", "user.updated" }).Or.EqualTo(new[] { "user.disabled", "user.password_reset", "user.roles_granted" }));
        var me = await (await admin.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();
        Assert.That(entries.Select(e => e["actorName"]!.GetValue<string>()), Is.All.EqualTo(me["displayName"]!.GetValue<string>()));
        Assert.That(entries.Select(e => e["actorUnitName"]!.GetValue<string>()), Is.All.EqualTo(me["unit"]!["name"]!.GetValue<string>()));
        var roleChange = entries.First(e => e["action"]!.GetValue<string>() == "user.updated");
        Assert.That(JsonNode.Parse(roleChange["before"]!.GetValue<string>())!["roles"]!.ToJsonString(), Is.EqualTo("""["handler"]"""));
        Assert.That(JsonNode.Parse(roleChange["after"]!.GetValue<string>())!["roles"]!.ToJsonString(), Is.EqualTo("""["handler","analyst"]"""));
        Assert.That(string.Concat(entries.Select(e => e.ToJsonString())), Does.Not.Contain("Audit-Password-2027").And.Not.Contain("passwordHash"));
    }

    [Test]
    public async Task Reveal_IsListedForAdminsAndInspectors_WithoutThePersonalData()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var idNumber = Data.NewIdNumber();
        var petition = await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"), idNumber: idNumber));
        var petitionerId = await PetitionerIdAsync(officer, petition["id"]!.GetValue<string>());
        await (await officer.PostAsync($"/api/v1/petitions/{petition["id"]}/petitioners/{petitionerId}/reveal", null)).ShouldBeOkAsync<JsonObject>();

        foreach (var reader in new[] { "city.admin", "district.admin", "district.discipline_inspector" })
        {
            using var client = await Api.ClientForAsync(reader);
            var entries = await ListAsync(client, $"action=personal_data.revealed&objectId={petitionerId}");
            Assert.That(entries, Has.Count.EqualTo(1), reader);
            Assert.That(entries[0]["objectType"]!.GetValue<string>(), Is.EqualTo("petitioner"));
            var after = JsonNode.Parse(entries[0]["after"]!.GetValue<string>())!;
            Assert.That(after["number"]!.GetValue<string>(), Is.EqualTo(petition["number"]!.GetValue<string>()));
            Assert.That(entries[0].ToJsonString(), Does.Not.Contain(idNumber));
        }
    }

    [Test]
    public async Task RevealOfAnAccuser_AndTheReferral_AreListedForDisciplineInspectorsOnly()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var id = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"), request: "举报某村干部侵占集体资金")))["id"]!.GetValue<string>();
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{id}/classification",
            new { decision = "refer_to_discipline", reason = "检举控告类", notice = "您的检举材料已转纪检监察机关处理。" }, 1)).ShouldBeOkAsync<JsonObject>();
        using var inspector = await Api.ClientForAsync("district.discipline_inspector");
        var petitionerId = await PetitionerIdAsync(inspector, id);
        await (await inspector.PostAsync($"/api/v1/petitions/{id}/petitioners/{petitionerId}/reveal", null)).ShouldBeOkAsync<JsonObject>();

        using var cityInspector = await Api.ClientForAsync("city.discipline_inspector");
        Assert.That((await ListAsync(cityInspector, $"objectId={petitionerId}")).Select(e => e["action"]!.GetValue<string>()), Is.EqualTo(new[] { "personal_data.revealed" }));
        Assert.That((await ListAsync(cityInspector, $"objectId={id}")).Select(e => e["action"]!.GetValue<string>()), Does.Contain("petition.classified"));

        using var admin = await Api.ClientForAsync("city.admin");
        Assert.That(await ListAsync(admin, $"objectId={petitionerId}"), Is.Empty);
        Assert.That((await ListAsync(admin, $"objectId={id}")).Select(e => e["action"]!.GetValue<string>()), Is.EqualTo(new[] { "petition.registered" }));
    }

    [Test]
    public async Task Entries_OfActorsOutsideTheJurisdiction_AreNotListed()
    {
        using var cityAdmin = await Api.ClientForAsync("city.admin");
        var cityUser = await CreateUserAsync(cityAdmin, "analyst");
        // A sign-in is recorded for the account signing in, who is not yet the caller: their unit's region is looked up.
        await Api.TokenForAsync("town.handler");
        var townHandler = await UserIdAsync("town.handler");

        using var townAdmin = await Api.ClientForAsync("town.admin");
        Assert.That(await ListAsync(townAdmin, $"objectId={cityUser}"), Is.Empty);
        Assert.That((await ListAsync(townAdmin, $"actorUserId={townHandler}&action=sign_in.succeeded")), Is.Not.Empty);
        using var district = await Api.ClientForAsync("district.admin");
        Assert.That(await ListAsync(district, $"objectId={cityUser}"), Is.Empty);
        Assert.That((await ListAsync(district, $"actorUserId={townHandler}")).Select(e => e["actorUnitName"]!.GetValue<string>()), Is.All.EqualTo("府山街道办事处"));
        Assert.That(await ListAsync(cityAdmin, $"objectId={cityUser}"), Has.Count.EqualTo(2), "created and its roles granted");
    }

    [Test]
    public async Task Entries_FilteredByActionAndPeriod_PageWithoutRepeatsOrGaps()
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await CreateUserAsync(admin, "analyst"));
        }

        var query = $"action=user.created&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}";
        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"/api/v1/audit-entries?{query}&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).ShouldBeOkAsync<JsonObject>();
            Assert.That(page["items"]!.AsArray(), Has.Count.LessThanOrEqualTo(2));
            paged.AddRange(page["items"]!.AsArray().Select(e => e!["objectId"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.That(paged, Is.SupersetOf(created).And.Unique);
        Assert.That(paged.Take(5).Reverse(), Is.EqualTo(created), "newest first");
        var before = await ListAsync(admin, $"action=user.created&to={Uri.EscapeDataString(from.ToString("O"))}");
        Assert.That(before.Select(e => e["objectId"]!.GetValue<string>()), Has.None.AnyOf(created.ToArray()));
    }

    [Test]
    public async Task AuditEntries_WithAPeriodEndingBeforeItStarts_Returns400NamingTo()
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var problem = await (await admin.GetAsync("/api/v1/audit-entries?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "to" }));
        await (await admin.GetAsync("/api/v1/audit-entries?cursor=not-ours")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [TestCase("district.petition_officer")]
    [TestCase("city.supervisor")]
    [TestCase("city.analyst")]
    [TestCase("town.handler")]
    public async Task AuditTrail_ForOtherRoles_Returns403(string userName)
    {
        using var client = await Api.ClientForAsync(userName);
        await (await client.GetAsync("/api/v1/audit-entries")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/v1/audit/verification")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task AuditTrail_WithoutSignIn_Returns401()
    {
        using var client = Api.CreateClient();
        await (await client.GetAsync("/api/v1/audit-entries")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/v1/audit/verification")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [TestCase("district.admin")]
    [TestCase("district.discipline_inspector")]
    [TestCase("town.admin")]
    public async Task Verification_BelowTheCity_Returns403(string userName)
    {
        using var client = await Api.ClientForAsync(userName);
        await (await client.GetAsync("/api/v1/audit/verification")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [TestCase("city.admin")]
    [TestCase("city.discipline_inspector")]
    public async Task Verification_ForTheCity_IsIntact(string userName)
    {
        using var client = await Api.ClientForAsync(userName);
        var report = await (await client.GetAsync("/api/v1/audit/verification")).ShouldBeOkAsync<JsonObject>();
        Assert.That(report["intact"]!.GetValue<bool>(), Is.True, report.ToJsonString());
        Assert.That(report["entries"]!.GetValue<long>(), Is.GreaterThan(0));
    }

    private static async Task<List<JsonObject>> ListAsync(HttpClient client, string query)
    {
        var page = await (await client.GetAsync($"/api/v1/audit-entries?limit=100&{query}")).ShouldBeOkAsync<JsonObject>();
        return page["items"]!.AsArray().Select(e => e!.AsObject()).ToList();
    }

    private async Task<string> CreateUserAsync(HttpClient admin, string role)
    {
        var unitId = await UserAdminTests.UnitIdAsync(admin, "府山街道办事处");
        var request = new { userName = $"audit.user{Interlocked.Increment(ref _sequence)}", displayName = "审计对象", password = "Audit-Password-2026", unitId, roles = new[] { role } };
        var created = await (await admin.PostAsJsonAsync("/api/v1/users", request)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        return created["id"]!.GetValue<string>();
    }

    private async Task<string> UserIdAsync(string userName)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT id FROM org_users WHERE user_name = $name", ("$name", userName)).Single();
    }

    private static async Task<string> PetitionerIdAsync(HttpClient client, string petitionId)
    {
        var detail = await (await client.GetAsync($"/api/v1/petitions/{petitionId}")).ShouldBeOkAsync<JsonObject>();
        return detail["petitioners"]![0]!["id"]!.GetValue<string>();
    }
}
