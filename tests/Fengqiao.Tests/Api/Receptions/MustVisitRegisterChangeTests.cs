using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Receptions;

/// <summary>The bureau corrects and deletes entries of its registers of major policies and emergencies, versioned and audited.</summary>
public sealed class MustVisitRegisterChangeTests : ReceptionTestBase
{
    private static string Yesterday => DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1).ToString("yyyy-MM-dd");

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response) =>
        Guid.Parse((await response.ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<string>());

    private static async Task<JsonObject> EntryAsync(HttpClient client, string register, Guid id) =>
        (await (await client.GetAsync($"/api/v1/receptions/{register}?limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray()
        .SingleOrDefault(i => i!["id"]!.GetValue<string>() == id.ToString())?.AsObject() ?? throw new AssertionException($"{id} is not in the {register} register");

    private static async Task<bool> ListedAsync(HttpClient client, string register, Guid id) =>
        (await (await client.GetAsync($"/api/v1/receptions/{register}?limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray()
        .Any(i => i!["id"]!.GetValue<string>() == id.ToString());

    [Test]
    public async Task APolicy_IsCorrected_ThenDeleted_WithIfMatch_AndEachChangeIsAudited()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var id = await CreatedAsync(await officer.PostAsJsonAsync("/api/v1/receptions/policies",
            new { title = "征收方案", regionId = Region("皋埠街道"), effectiveFrom = Today }));
        var url = $"/api/v1/receptions/policies/{id}";
        var corrected = new { title = "皋埠街道老旧小区征收补偿方案", regionId = Region("迪荡街道"), effectiveFrom = Today, effectiveTo = "2099-12-31", note = "区政府常务会议通过。" };

        await (await officer.PutAsJsonAsync(url, corrected)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var changed = await SendWithIfMatch(officer, HttpMethod.Put, url, corrected, 1);
        Assert.That((await changed.ShouldBeOkAsync<JsonObject>())["version"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(changed.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        var entry = await EntryAsync(officer, "policies", id);
        Assert.That((entry["title"]!.GetValue<string>(), entry["regionName"]!.GetValue<string>(), entry["effectiveTo"]!.GetValue<string>(), entry["note"]!.GetValue<string>()),
            Is.EqualTo(("皋埠街道老旧小区征收补偿方案", "迪荡街道", "2099-12-31", "区政府常务会议通过。")));
        await (await SendWithIfMatch(officer, HttpMethod.Put, url, corrected, 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        await (await officer.DeleteAsync(url)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(officer, HttpMethod.Delete, url, null, 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.That((await SendWithIfMatch(officer, HttpMethod.Delete, url, null, 2)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await ListedAsync(officer, "policies", id), Is.False);
        await (await SendWithIfMatch(officer, HttpMethod.Delete, url, null, 2)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.That(AuditActions(id), Is.EqualTo(new[] { "reception.policy_registered", "reception.policy_changed", "reception.policy_deleted" }));
    }

    [Test]
    public async Task AnIncident_IsCorrected_ThenDeleted_WithIfMatch_AndEachChangeIsAudited()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var id = await CreatedAsync(await officer.PostAsJsonAsync("/api/v1/receptions/incidents",
            new { regionId = Region("皋埠街道"), day = Today, description = "暴雨。" }));
        var url = $"/api/v1/receptions/incidents/{id}";
        var corrected = new { regionId = Region("府山街道"), day = Yesterday, description = "暴雨致老旧小区进水，居民临时安置。" };

        await (await officer.PutAsJsonAsync(url, corrected)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var changed = await SendWithIfMatch(officer, HttpMethod.Put, url, corrected, 1);
        Assert.That((await changed.ShouldBeOkAsync<JsonObject>())["version"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(changed.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        var entry = await EntryAsync(officer, "incidents", id);
        Assert.That((entry["regionName"]!.GetValue<string>(), entry["day"]!.GetValue<string>(), entry["description"]!.GetValue<string>()),
            Is.EqualTo(("府山街道", Yesterday, "暴雨致老旧小区进水，居民临时安置。")));
        await (await SendWithIfMatch(officer, HttpMethod.Put, url, corrected, 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        await (await officer.DeleteAsync(url)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(officer, HttpMethod.Delete, url, null, 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.That((await SendWithIfMatch(officer, HttpMethod.Delete, url, null, 2)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await ListedAsync(officer, "incidents", id), Is.False);
        Assert.That(AuditActions(id), Is.EqualTo(new[] { "reception.incident_registered", "reception.incident_changed", "reception.incident_deleted" }));
    }

    [Test]
    public async Task BadInput_Is400WithTheFields_AndTheEntryStaysAsItWas()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var policy = await CreatedAsync(await officer.PostAsJsonAsync("/api/v1/receptions/policies", new { title = "学区调整方案", regionId = Region("皋埠街道"), effectiveFrom = Today }));
        var incident = await CreatedAsync(await officer.PostAsJsonAsync("/api/v1/receptions/incidents", new { regionId = Region("皋埠街道"), day = Today, description = "山体滑坡。" }));

        var badPolicy = await (await SendWithIfMatch(officer, HttpMethod.Put, $"/api/v1/receptions/policies/{policy}",
            new { title = "", regionId = Region("皋埠街道"), effectiveFrom = Today, effectiveTo = "2020-01-01", note = new string('长', 2001) }, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(badPolicy["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "title", "effectiveTo", "note" }));
        var district = await (await SendWithIfMatch(officer, HttpMethod.Put, $"/api/v1/receptions/policies/{policy}",
            new { title = "学区调整方案", regionId = Region("越城区"), effectiveFrom = Today }, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(district["errors"]!.AsObject().Select(e => e.Key), Does.Contain("regionId"), "a must-visit goes to a town or village");
        var badIncident = await (await SendWithIfMatch(officer, HttpMethod.Put, $"/api/v1/receptions/incidents/{incident}",
            new { regionId = Region("皋埠街道"), day = "2099-01-01", description = "" }, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(badIncident["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "day", "description" }));

        Assert.That((await EntryAsync(officer, "policies", policy))["version"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That((await EntryAsync(officer, "incidents", incident))["version"]!.GetValue<long>(), Is.EqualTo(1));
    }

    [Test]
    public async Task OnlyTheBureau_ChangesTheRegisters_AndOnlyWithinItsJurisdiction()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var policy = await CreatedAsync(await officer.PostAsJsonAsync("/api/v1/receptions/policies", new { title = "征地方案", regionId = Region("皋埠街道"), effectiveFrom = Today }));
        var incident = await CreatedAsync(await officer.PostAsJsonAsync("/api/v1/receptions/incidents", new { regionId = Region("皋埠街道"), day = Today, description = "火灾。" }));
        var policyBody = new { title = "征地方案", regionId = Region("府山街道"), effectiveFrom = Today };
        var incidentBody = new { regionId = Region("府山街道"), day = Today, description = "火灾。" };

        using var leader = await Api.ClientForAsync("district.leader");
        await (await SendWithIfMatch(leader, HttpMethod.Put, $"/api/v1/receptions/policies/{policy}", policyBody, 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await SendWithIfMatch(leader, HttpMethod.Delete, $"/api/v1/receptions/incidents/{incident}", null, 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // 府山街道's officer knows nothing of 皋埠街道's entries: 404 as for missing ones.
        using var townOfficer = await Api.ClientForAsync("town.petition_officer");
        await (await SendWithIfMatch(townOfficer, HttpMethod.Put, $"/api/v1/receptions/policies/{policy}", policyBody, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(townOfficer, HttpMethod.Delete, $"/api/v1/receptions/policies/{policy}", null, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(townOfficer, HttpMethod.Put, $"/api/v1/receptions/incidents/{incident}", incidentBody, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(townOfficer, HttpMethod.Delete, $"/api/v1/receptions/incidents/{incident}", null, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // Nor may the district's officer move an entry out of its own jurisdiction.
        var outside = await (await SendWithIfMatch(officer, HttpMethod.Put, $"/api/v1/receptions/incidents/{incident}",
            new { regionId = Region("新昌县"), day = Today, description = "火灾。" }, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(outside["errors"]!.AsObject().Select(e => e.Key), Does.Contain("regionId"));

        Assert.That(AuditActions(policy), Is.EqualTo(new[] { "reception.policy_registered" }));
        Assert.That(AuditActions(incident), Is.EqualTo(new[] { "reception.incident_registered" }));
    }
}
