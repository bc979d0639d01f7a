using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>Admins edit routing rules (category × region → lead unit) of their own jurisdiction only.</summary>
public sealed class RoutingRuleAdminTests : IntakeTestBase
{
    private const string Url = "/api/v1/routing-rules";

    [Test]
    public async Task EditedRule_ChangesTheLeadUnitSuggestedWhenAPetitionIsAccepted()
    {
        using var admin = await Api.ClientForAsync("district.admin");
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var housing = await UserAdminTests.UnitIdAsync(admin, "越城区住房和城乡建设局");
        var health = await UserAdminTests.UnitIdAsync(admin, "越城区卫生健康局");

        var response = await admin.PostAsJsonAsync(Url, new { category = "health", regionId = Region("塔山街道"), unitId = housing });
        var created = await response.ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
        var ruleId = created["id"]!.GetValue<string>();
        Assert.That(await SuggestedUnitAsync(officer, "health"), Is.EqualTo(housing.ToString()));

        var changed = await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/{ruleId}",
            new { category = "health", regionId = Region("塔山街道"), unitId = health }, 1)).ShouldBeOkAsync<JsonObject>();
        Assert.That(changed["version"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(await SuggestedUnitAsync(officer, "health"), Is.EqualTo(health.ToString()));

        var listed = await (await admin.GetAsync($"{Url}?category=health&regionId={Region("越城区")}")).ShouldBeOkAsync<JsonObject>();
        var item = listed["items"]!.AsArray().Single()!;
        Assert.That((item["regionName"]!.GetValue<string>(), item["unitName"]!.GetValue<string>(), item["version"]!.GetValue<long>()),
            Is.EqualTo(("塔山街道", "越城区卫生健康局", 2L)));

        var deleted = await SendWithIfMatch(admin, HttpMethod.Delete, $"{Url}/{ruleId}", null, 2);
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await SuggestedUnitAsync(officer, "health"), Is.Null);
    }

    [Test]
    public async Task Create_WithUnknownCategoryOrMissingFields_Returns400()
    {
        using var admin = await Api.ClientForAsync("district.admin");
        var housing = await UserAdminTests.UnitIdAsync(admin, "越城区住房和城乡建设局");
        var unknown = await (await admin.PostAsJsonAsync(Url, new { category = "astrology", regionId = Region("塔山街道"), unitId = housing }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(unknown["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "category" }));

        var missing = await (await admin.PostAsJsonAsync(Url, new { category = "", regionId = Guid.Empty, unitId = housing }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(missing["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "category", "regionId" }));
    }

    [Test]
    public async Task Create_WithUnitOrRegionOutsideTheAdminsJurisdiction_Returns400()
    {
        using var district = await Api.ClientForAsync("district.admin");
        using var town = await Api.ClientForAsync("town.admin");
        var districtUnit = await UserAdminTests.UnitIdAsync(district, "越城区住房和城乡建设局");
        var townUnit = await UserAdminTests.UnitIdAsync(town, "府山街道办事处");

        var unit = await (await town.PostAsJsonAsync(Url, new { category = "other", regionId = Region("府山街道"), unitId = districtUnit }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(unit["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "unitId" }));
        var region = await (await town.PostAsJsonAsync(Url, new { category = "other", regionId = Region("塔山街道"), unitId = townUnit }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(region["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "regionId" }));
    }

    [Test]
    public async Task RetiredUnit_IsNeitherSuggestedByItsRuleNorAcceptedInANewOne()
    {
        using var admin = await Api.ClientForAsync("district.admin");
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var created = await (await admin.PostAsJsonAsync("/api/v1/units",
                new { name = $"塔山街道临时专班{Guid.NewGuid():N}", kind = "functional_department", regionId = Region("塔山街道") }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var unitId = created["id"]!.GetValue<string>();
        await (await admin.PostAsJsonAsync(Url, new { category = "transport", regionId = Region("塔山街道"), unitId })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        Assert.That(await SuggestedUnitAsync(officer, "transport"), Is.EqualTo(unitId));

        await (await SendWithIfMatch(admin, HttpMethod.Post, $"/api/v1/units/{unitId}/retire", null, 1)).ShouldBeOkAsync<JsonObject>();

        Assert.That(await SuggestedUnitAsync(officer, "transport"), Is.Not.EqualTo(unitId));
        var refused = await (await admin.PostAsJsonAsync(Url, new { category = "transport", regionId = Region("府山街道"), unitId }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(refused["errors"]!["unitId"]![0]!.GetValue<string>(), Does.Contain("retired"));
    }

    [Test]
    public async Task SecondRuleForTheSameCategoryAndRegion_Returns409()
    {
        using var admin = await Api.ClientForAsync("district.admin");
        var housing = await UserAdminTests.UnitIdAsync(admin, "越城区住房和城乡建设局");
        var rule = new { category = "education", regionId = Region("东湖街道"), unitId = housing };
        await (await admin.PostAsJsonAsync(Url, rule)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var conflict = await (await admin.PostAsJsonAsync(Url, rule)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(conflict["code"]!.GetValue<string>(), Is.EqualTo("routing_rule_exists"));
    }

    [Test]
    public async Task NonAdmins_Get403()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        Assert.That((await officer.GetAsync(Url)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await officer.PostAsJsonAsync(Url, new { category = "other", regionId = Region("塔山街道"), unitId = Guid.NewGuid() })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task RulesOutsideTheAdminsJurisdiction_AreInvisibleAndAnswer404()
    {
        using var district = await Api.ClientForAsync("district.admin");
        using var town = await Api.ClientForAsync("town.admin");
        var housing = await UserAdminTests.UnitIdAsync(district, "越城区住房和城乡建设局");
        var townUnit = await UserAdminTests.UnitIdAsync(town, "府山街道办事处");
        var id = (await (await district.PostAsJsonAsync(Url, new { category = "labour_social_security", regionId = Region("塔山街道"), unitId = housing }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<string>();

        var visible = await (await town.GetAsync($"{Url}?limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(visible["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Does.Not.Contain(id));
        await (await SendWithIfMatch(town, HttpMethod.Put, $"{Url}/{id}", new { category = "labour_social_security", regionId = Region("府山街道"), unitId = townUnit }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(town, HttpMethod.Delete, $"{Url}/{id}", null, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(district, HttpMethod.Delete, $"{Url}/{Guid.NewGuid()}", null, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ChangeAndDelete_NeedIfMatch_AndRefuseStaleVersions()
    {
        using var admin = await Api.ClientForAsync("district.admin");
        var housing = await UserAdminTests.UnitIdAsync(admin, "越城区住房和城乡建设局");
        var rule = new { category = "civil_affairs", regionId = Region("塔山街道"), unitId = housing };
        var id = (await (await admin.PostAsJsonAsync(Url, rule)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<string>();

        await (await admin.PutAsJsonAsync($"{Url}/{id}", rule)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await admin.DeleteAsync($"{Url}/{id}")).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/{id}", rule, 7)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await SendWithIfMatch(admin, HttpMethod.Delete, $"{Url}/{id}", null, 7)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/{id}", rule with { category = "" }, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>Registers and accepts a petition in 塔山街道; answers the lead unit the rules suggested.</summary>
    private async Task<string?> SuggestedUnitAsync(HttpClient officer, string category)
    {
        var id = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"), category: category)))["id"]!.GetValue<string>();
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{id}/classification",
            new { decision = "accept", notice = "您的信访事项已受理。" }, 1)).ShouldBeOkAsync<JsonObject>();
        var petition = await (await officer.GetAsync($"/api/v1/petitions/{id}")).ShouldBeOkAsync<JsonObject>();
        return petition["decision"]!["suggestedUnitId"]?.GetValue<string>();
    }
}
