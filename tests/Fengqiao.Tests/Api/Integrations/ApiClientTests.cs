using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Integrations;

/// <summary>Administrators register, rotate and revoke API clients; a key works within its scopes, jurisdiction and rate limit.</summary>
public sealed class ApiClientTests : ApiClientTestBase
{
    private const string AllScopes = "petitions:read petitions:write cases:read cases:write";

    [Test]
    public async Task Create_ShowsTheKeyOnce_AndTheListNeverCarriesIt()
    {
        var issued = await TownClientAsync(["petitions:read"], name: "网格平台");
        Assert.That(issued.Key, Does.StartWith(issued.Id.ToString("N") + "."));

        using var key = KeyClient(issued.Key);
        await (await key.GetAsync("/api/v1/petitions")).ShouldBeOkAsync<JsonObject>();

        using var admin = await Api.ClientForAsync("town.admin");
        var response = await admin.GetAsync("/api/v1/integrations/clients?limit=100");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Not.Contain(issued.Key.Split('.')[1]));
        var listed = (await response.ShouldBeOkAsync<JsonObject>())["items"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == issued.Id.ToString())!;
        Assert.Multiple(() =>
        {
            Assert.That(listed["name"]!.GetValue<string>(), Is.EqualTo("网格平台"));
            Assert.That(listed["scopes"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "petitions:read" }));
            Assert.That(listed["lastUsedAt"], Is.Not.Null, "the key was used");
            Assert.That(listed["revokedAt"], Is.Null);
        });

        using var db = TestDatabase.Open(Api);
        var lastUsed = () => TestDatabase.Strings(db, "SELECT last_used_at FROM integrations_api_clients WHERE LOWER(id) = $id", ("$id", issued.Id.ToString())).Single();
        var firstUse = lastUsed();
        await (await key.GetAsync("/api/v1/petitions")).ShouldBeOkAsync<JsonObject>();
        Assert.That(lastUsed(), Is.EqualTo(firstUse).And.Not.Empty, "the last-used time is written at most once a minute, not on every request");

        var stored = TestDatabase.Strings(db, "SELECT secret_hash FROM integrations_api_client_secrets WHERE LOWER(client_id) = $id", ("$id", issued.Id.ToString()));
        Assert.That(stored, Has.Count.EqualTo(1).And.None.Contains(issued.Key.Split('.')[1]), "only a hash is stored");
    }

    [Test]
    public async Task Create_WhenInputBad_Returns400NamingTheFields_AndWhenNotAdmin_Returns403()
    {
        using var admin = await Api.ClientForAsync("town.admin");
        var bad = await (await admin.PostAsJsonAsync("/api/v1/integrations/clients", new
        {
            name = "", unitId = Guid.Empty, scopes = new[] { "everything" }, rateLimitPerMinute = 0,
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "name", "unitId", "scopes[0]", "rateLimitPerMinute" }));

        var outside = await (await admin.PostAsJsonAsync("/api/v1/integrations/clients", new
        {
            name = "区住建局系统", unitId = await UnitAsync(DistrictHousing), scopes = new[] { "cases:read" }, rateLimitPerMinute = 60,
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(outside["errors"]!.AsObject().Select(e => e.Key), Does.Contain("unitId"), "a unit above the town is outside its jurisdiction");

        using var officer = await Api.ClientForAsync("town.petition_officer");
        await (await officer.PostAsJsonAsync("/api/v1/integrations/clients", new
        {
            name = "网格平台", unitId = await UnitAsync(TownGovernment), scopes = new[] { "cases:read" }, rateLimitPerMinute = 60,
        })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ClientOfAnotherJurisdiction_Answers404_ToTheTownsAdministrator()
    {
        using var city = await Api.ClientForAsync("city.admin");
        var created = await (await city.PostAsJsonAsync("/api/v1/integrations/clients", new
        {
            name = "区住建局系统", unitId = await UnitAsync(DistrictHousing), scopes = new[] { "cases:read" }, rateLimitPerMinute = 60,
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();

        using var town = await Api.ClientForAsync("town.admin");
        await (await town.GetAsync($"/api/v1/integrations/clients/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/integrations/clients/{id}/revocation", null, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/integrations/clients/{id}/rotation", new { overlapHours = 0 }, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await city.GetAsync($"/api/v1/integrations/clients/{id}")).ShouldBeOkAsync<JsonObject>();
    }

    [Test]
    public async Task Key_WorksWithinItsScopesAndJurisdiction_403WithoutTheScope_404Outside()
    {
        var all = await TownClientAsync(AllScopes.Split(' '));
        var casesOnly = await TownClientAsync(["cases:read"]);
        var readOnly = await TownClientAsync(["petitions:read"]);
        using var officer = await Api.ClientForAsync("town.petition_officer");
        var own = await IntakeData.RegisterAsync(officer, Data.Registration(await FushanVillageAsync()));
        var ownId = own["id"]!.GetValue<string>();
        var (foreignCase, foreignPetition) = await OpenCaseAsync(regionId: Region("塔山街道"));

        using var full = KeyClient(all.Key);
        await (await full.GetAsync($"/api/v1/petitions/{ownId}")).ShouldBeOkAsync<JsonObject>();
        await (await full.GetAsync($"/api/v1/petitions/{foreignPetition}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await full.GetAsync($"/api/v1/cases/{foreignCase}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(full, HttpMethod.Post, $"/api/v1/petitions/{foreignPetition}/classification", new { decision = "accept", notice = "您的信访事项已受理。" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var cases = KeyClient(casesOnly.Key);
        await (await cases.GetAsync($"/api/v1/petitions/{ownId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await cases.GetAsync("/api/v1/cases?tab=due_soon")).ShouldBeOkAsync<JsonObject>();

        using var reader = KeyClient(readOnly.Key);
        await (await reader.PostAsJsonAsync("/api/v1/petitions", Data.Registration(await FushanVillageAsync()))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.GetAsync("/api/v1/integrations/clients")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ClientsWrite_IsAuditedAsTheClient()
    {
        var writer = await TownClientAsync(["petitions:write", "petitions:read"]);
        using var key = KeyClient(writer.Key);
        var petition = await IntakeData.RegisterAsync(key, Data.Registration(await FushanVillageAsync()));

        using var db = TestDatabase.Open(Api);
        var kinds = TestDatabase.Strings(db, "SELECT actor_kind FROM audit_entries WHERE LOWER(object_id) = $id AND LOWER(actor_user_id) = $client",
            ("$id", petition["id"]!.GetValue<string>()), ("$client", writer.Id.ToString()));
        Assert.That(kinds, Is.Not.Empty.And.All.EqualTo("client"));

        using var city = await Api.ClientForAsync("city.admin");
        var chain = await (await city.GetAsync("/api/v1/audit/verification")).ShouldBeOkAsync<JsonObject>();
        Assert.That(chain["intact"]!.GetValue<bool>(), Is.True, chain.ToJsonString());
    }

    [Test]
    public async Task Rotation_KeepsTheOldKeyForTheOverlap_ThenOnlyTheNewOne()
    {
        var issued = await TownClientAsync(["petitions:read"]);
        using var admin = await Api.ClientForAsync("town.admin");
        var url = $"/api/v1/integrations/clients/{issued.Id}/rotation";

        await (await admin.PostAsJsonAsync(url, new { overlapHours = 24 })).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(admin, HttpMethod.Post, url, new { overlapHours = 24 }, 7)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var bad = await (await SendWithIfMatch(admin, HttpMethod.Post, url, new { overlapHours = -1 }, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Does.Contain("overlapHours"));

        var second = await (await SendWithIfMatch(admin, HttpMethod.Post, url, new { overlapHours = 24 }, 1)).ShouldBeOkAsync<JsonObject>();
        var secondKey = second["apiKey"]!.GetValue<string>();
        Assert.That(second["previousSecretsExpireAt"], Is.Not.Null);
        using (var old = KeyClient(issued.Key))
        using (var current = KeyClient(secondKey))
        {
            Assert.That((await old.GetAsync("/api/v1/petitions")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the old key works during the overlap");
            Assert.That((await current.GetAsync("/api/v1/petitions")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var third = await (await SendWithIfMatch(admin, HttpMethod.Post, url, new { overlapHours = 0 }, second["version"]!.GetValue<long>())).ShouldBeOkAsync<JsonObject>();
        using (var first = KeyClient(issued.Key))
        using (var previous = KeyClient(secondKey))
        using (var latest = KeyClient(third["apiKey"]!.GetValue<string>()))
        {
            Assert.That((await first.GetAsync("/api/v1/petitions")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "rotated out");
            Assert.That((await previous.GetAsync("/api/v1/petitions")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "rotated out without overlap");
            Assert.That((await latest.GetAsync("/api/v1/petitions")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Revocation_StopsTheKeyAtOnce()
    {
        var issued = await TownClientAsync(["petitions:read"]);
        using var key = KeyClient(issued.Key);
        Assert.That((await key.GetAsync("/api/v1/petitions")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var admin = await Api.ClientForAsync("town.admin");
        var url = $"/api/v1/integrations/clients/{issued.Id}/revocation";
        await (await admin.PostAsync(url, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var revoked = await (await SendWithIfMatch(admin, HttpMethod.Post, url, null, issued.Version)).ShouldBeOkAsync<JsonObject>();

        await (await key.GetAsync("/api/v1/petitions")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await SendWithIfMatch(admin, HttpMethod.Post, url, null, revoked["version"]!.GetValue<long>())).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var listed = await (await admin.GetAsync($"/api/v1/integrations/clients/{issued.Id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(listed["revokedAt"], Is.Not.Null);
    }

    [TestCase("")]
    [TestCase("not-a-key")]
    [TestCase("0123456789abcdef0123456789abcdef.guess")]
    public async Task UnknownOrMalformedKey_Returns401(string key)
    {
        var issued = await TownClientAsync(["petitions:read"]);
        using var client = KeyClient(key.Length == 0 ? issued.Id.ToString("N") + ".wrong-secret" : key);
        await (await client.GetAsync("/api/v1/petitions")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task BeyondItsRateLimit_TheClientGets429WithRetryAfter_OthersDoNot()
    {
        var limited = await TownClientAsync(["petitions:read"], rateLimitPerMinute: 2);
        var other = await TownClientAsync(["petitions:read"]);
        using var key = KeyClient(limited.Key);
        Assert.That((await key.GetAsync("/api/v1/petitions")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await key.GetAsync("/api/v1/petitions")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var refused = await key.GetAsync("/api/v1/petitions");
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 60));

        using var unaffected = KeyClient(other.Key);
        Assert.That((await unaffected.GetAsync("/api/v1/petitions")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
