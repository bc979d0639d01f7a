using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>Rule sets are data: a city admin views them, edits their values and switches the active one.</summary>
public sealed class RuleSetAdminTests : IntakeTestBase
{
    private const string Url = "/api/v1/settings/rule-sets";

    [Test]
    public async Task RuleSets_AreSeededFromTheShippedFiles_WithNationalActive()
    {
        using var admin = await Api.ClientForAsync("district.admin");
        var list = await (await admin.GetAsync(Url)).ShouldBeOkAsync<JsonObject>();
        var items = list["items"]!.AsArray();
        Assert.That(items.Select(r => r!["name"]!.GetValue<string>()), Is.EquivalentTo(new[] { "national", "zhejiang" }));
        Assert.That(items.Where(r => r!["isActive"]!.GetValue<bool>()).Select(r => r!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "national" }));

        var response = await admin.GetAsync($"{Url}/zhejiang");
        var zhejiang = await response.ShouldBeOkAsync<JsonObject>();
        Assert.That(response.Headers.ETag, Is.Not.Null);
        Assert.That(zhejiang["document"]!["intake"]!["acceptanceDeadline"]!["days"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(zhejiang["document"]!["dispatch"]!["replyDeadline"]!["days"]!.GetValue<int>(), Is.EqualTo(30));
        await (await admin.GetAsync($"{Url}/shanghai")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task SwitchingTheActiveRuleSet_ChangesTheAcceptanceDeadline_AndEditedValuesApply()
    {
        using var admin = await Api.ClientForAsync("city.admin");
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var receivedAt = DateTimeOffset.UtcNow.AddHours(-1);
        var national = await AcceptanceDueAsync(officer, receivedAt);
        Assert.That(national, Is.GreaterThanOrEqualTo(LocalDay(receivedAt).AddDays(15)));

        var (zhejiang, version) = await ReadAsync(admin, "zhejiang");
        var activated = await (await SendWithIfMatch(admin, HttpMethod.Post, $"{Url}/zhejiang/activation", null, version)).ShouldBeOkAsync<JsonObject>();
        var fiveWorkingDays = await AcceptanceDueAsync(officer, receivedAt);
        Assert.That(fiveWorkingDays, Is.LessThan(national), "Zhejiang decides in 5 working days, national allows 15 days");

        zhejiang["document"]!["intake"]!["acceptanceDeadline"]!["days"] = 30;
        zhejiang["document"]!["intake"]!["acceptanceDeadline"]!["workingDays"] = false;
        await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/zhejiang", new { title = "浙江省信访条例 (2016, edited)", document = zhejiang["document"] },
            activated["version"]!.GetValue<long>())).ShouldBeOkAsync<JsonObject>();
        var thirtyDays = await AcceptanceDueAsync(officer, receivedAt);
        Assert.That(thirtyDays, Is.GreaterThan(national));

        var (_, nationalVersion) = await ReadAsync(admin, "national");
        await (await SendWithIfMatch(admin, HttpMethod.Post, $"{Url}/national/activation", null, nationalVersion)).ShouldBeOkAsync<JsonObject>();
        Assert.That(await AcceptanceDueAsync(officer, receivedAt), Is.EqualTo(national));
    }

    [Test]
    public async Task Update_WithAnInvalidIntakeSection_Returns400NamingTheField()
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var (ruleSet, version) = await ReadAsync(admin, "national");
        ruleSet["document"]!["intake"]!["acceptanceDeadline"]!["days"] = 0;
        var problem = await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/national", new { title = "x", document = ruleSet["document"] }, version))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "document.intake.acceptanceDeadline.days" }));
    }

    [Test]
    public async Task Update_ThatDropsOrBreaksTheDispatchSection_Returns400()
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var (ruleSet, version) = await ReadAsync(admin, "national");
        var document = ruleSet["document"]!.AsObject();
        document["dispatch"] = 5;
        var broken = await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/national", new { title = "x", document }, version))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(broken["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "document.dispatch" }));

        document.Remove("dispatch");
        var dropped = await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/national", new { title = "x", document }, version))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(dropped["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "document.dispatch" }));
    }

    [Test]
    public async Task Update_KeepsTheDispatchSectionAsSent()
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var (ruleSet, version) = await ReadAsync(admin, "national");
        ruleSet["document"]!["dispatch"]!["yellowWorkingDays"] = 4;
        var updated = await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/national", new { title = ruleSet["title"]!.GetValue<string>(), document = ruleSet["document"] }, version))
            .ShouldBeOkAsync<JsonObject>();
        Assert.That(updated["version"]!.GetValue<long>(), Is.EqualTo(version + 1));
        var (after, _) = await ReadAsync(admin, "national");
        Assert.That(after["document"]!["dispatch"]!["yellowWorkingDays"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(after["document"]!["dispatch"]!["checklists"]!["first_time"]!.AsArray(), Has.Count.EqualTo(5));
    }

    [Test]
    public async Task UpdateAndActivation_NeedIfMatch_AndRefuseStaleVersions()
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var (ruleSet, version) = await ReadAsync(admin, "zhejiang");
        var body = new { title = "浙江", document = ruleSet["document"] };
        await (await admin.PutAsJsonAsync($"{Url}/zhejiang", body)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await admin.PostAsync($"{Url}/zhejiang/activation", null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/zhejiang", body, version + 5)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await SendWithIfMatch(admin, HttpMethod.Post, $"{Url}/zhejiang/activation", null, version + 5)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/shanghai", body, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task NonAdmins_Get403_AndAdminsBelowTheCity_CannotChangeRuleSets()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        Assert.That((await officer.GetAsync(Url)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        using var district = await Api.ClientForAsync("district.admin");
        var (ruleSet, version) = await ReadAsync(district, "zhejiang");
        await (await SendWithIfMatch(district, HttpMethod.Post, $"{Url}/zhejiang/activation", null, version)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await SendWithIfMatch(district, HttpMethod.Put, $"{Url}/zhejiang", new { title = "浙江", document = ruleSet["document"] }, version))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<(JsonObject RuleSet, long Version)> ReadAsync(HttpClient admin, string name)
    {
        var ruleSet = await (await admin.GetAsync($"{Url}/{name}")).ShouldBeOkAsync<JsonObject>();
        return (ruleSet, ruleSet["version"]!.GetValue<long>());
    }

    private static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private async Task<DateOnly> AcceptanceDueAsync(HttpClient officer, DateTimeOffset receivedAt)
    {
        var request = Data.Registration(Region("塔山街道"));
        request["receivedAt"] = receivedAt.ToString("O");
        var id = (await IntakeData.RegisterAsync(officer, request))["id"]!.GetValue<string>();
        var petition = await (await officer.GetAsync($"/api/v1/petitions/{id}")).ShouldBeOkAsync<JsonObject>();
        return DateOnly.Parse(petition["acceptanceDue"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
