using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

public sealed class JurisdictionTests
{
    private ApiFactory _api = null!;

    [OneTimeSetUp]
    public void Start() => _api = new ApiFactory();

    [OneTimeTearDown]
    public void Stop() => _api.Dispose();

    [Test]
    public async Task Regions_AsCityUser_CoverShaoxingsSixDistricts()
    {
        using var client = await _api.ClientForAsync("city.analyst");
        var regions = await RegionsAsync(client);
        Assert.That(regions.Where(r => r["level"]!.GetValue<string>() == "district").Select(r => r["name"]!.GetValue<string>()),
            Is.EquivalentTo(new[] { "越城区", "柯桥区", "上虞区", "诸暨市", "嵊州市", "新昌县" }));
        Assert.That(regions.Select(r => r["name"]!.GetValue<string>()), Does.Contain("枫桥镇").And.Contain("花明泉村"));
    }

    [Test]
    public async Task Regions_AsTownUser_AreOnlyTheTownAndItsVillages()
    {
        using var client = await _api.ClientForAsync("town.handler");
        var regions = await RegionsAsync(client);
        var town = regions.Single(r => r["level"]!.GetValue<string>() == "town");
        Assert.That(town["name"]!.GetValue<string>(), Is.EqualTo("府山街道"));
        Assert.That(regions.Where(r => r != town).Select(r => r["level"]!.GetValue<string>()), Is.All.EqualTo("village"));
        Assert.That(regions.Where(r => r != town).Select(r => r["parentId"]!.GetValue<string>()), Is.All.EqualTo(town["id"]!.GetValue<string>()));
        Assert.That(regions, Has.Count.GreaterThan(1));
    }

    [Test]
    public async Task RegionOfAnotherTown_Answers404()
    {
        using var city = await _api.ClientForAsync("city.analyst");
        var otherTown = (await RegionsAsync(city)).First(r => r["name"]!.GetValue<string>() == "塔山街道");
        var ownTown = (await RegionsAsync(city)).First(r => r["name"]!.GetValue<string>() == "府山街道");
        using var town = await _api.ClientForAsync("town.handler");

        await (await town.GetAsync($"/api/v1/regions/{otherTown["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await town.GetAsync($"/api/v1/regions/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var own = await (await town.GetAsync($"/api/v1/regions/{ownTown["id"]}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(own["name"]!.GetValue<string>(), Is.EqualTo("府山街道"));
    }

    [Test]
    public async Task Units_AsTownUser_AreOnlyTheTownsUnits_AndOthersAnswer404()
    {
        using var town = await _api.ClientForAsync("town.handler");
        var units = await AllUnitsAsync(town, "");
        Assert.That(units.Select(u => u["name"]!.GetValue<string>()), Does.Contain("府山街道办事处").And.Contain("府山街道人民调解委员会"));
        Assert.That(units.Select(u => u["name"]!.GetValue<string>()), Has.None.Contains("塔山街道").And.None.Contains("越城区信访局"));

        using var city = await _api.ClientForAsync("city.analyst");
        var otherTownUnit = await UserAdminTests.UnitIdAsync(city, "塔山街道办事处");
        await (await town.GetAsync($"/api/v1/units/{otherTownUnit}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var ownUnit = await UserAdminTests.UnitIdAsync(town, "府山街道办事处");
        Assert.That((await town.GetAsync($"/api/v1/units/{ownUnit}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Units_FilteredByRegionAndKind_PageWithoutGapsOrRepeats()
    {
        using var district = await _api.ClientForAsync("district.analyst");
        var all = await AllUnitsAsync(district, "", limit: 100);
        var paged = await AllUnitsAsync(district, "", limit: 7);
        Assert.That(paged.Select(u => u["id"]!.GetValue<string>()), Is.EqualTo(all.Select(u => u["id"]!.GetValue<string>())));
        Assert.That(all.Select(u => u["id"]!.GetValue<string>()), Is.Unique);

        var committees = await AllUnitsAsync(district, "&kind=village_committee", limit: 100);
        Assert.That(committees, Is.Not.Empty);
        Assert.That(committees.Select(u => u["kind"]!.GetValue<string>()), Is.All.EqualTo("village_committee"));

        var fushan = (await RegionsAsync(district)).First(r => r["name"]!.GetValue<string>() == "府山街道");
        var inFushan = await AllUnitsAsync(district, $"&regionId={fushan["id"]}", limit: 100);
        Assert.That(inFushan.Select(u => u["name"]!.GetValue<string>()), Is.All.StartsWith("府山街道").Or.EndsWith("居民委员会").Or.EndsWith("村民委员会"));
        Assert.That(inFushan, Has.Count.EqualTo(6), "town government, mediation committee, discipline office and three villages");
    }

    [Test]
    public async Task PublicRegions_ListCityDistrictsAndTownsWithoutSignIn()
    {
        using var anonymous = _api.CreateClient();
        var regions = await RegionsAsync(anonymous, "/api/v1/public/regions");
        Assert.That(regions.Select(r => r["level"]!.GetValue<string>()).Distinct(), Is.EquivalentTo(new[] { "city", "district", "town" }));
        Assert.That(regions.Select(r => r["name"]!.GetValue<string>()), Does.Contain("枫桥镇").And.Not.Contain("花明泉村"));
    }

    [Test]
    public async Task Units_WithUnknownKind_Returns400()
    {
        using var client = await _api.ClientForAsync("district.analyst");
        await (await client.GetAsync("/api/v1/units?kind=castle")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<List<JsonNode>> RegionsAsync(HttpClient client, string path = "/api/v1/regions") =>
        (await (await client.GetAsync(path)).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray().Select(n => n!).ToList();

    private static async Task<List<JsonNode>> AllUnitsAsync(HttpClient client, string filter, int limit = 50)
    {
        var units = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/units?limit={limit}{filter}{(cursor is null ? "" : $"&cursor={cursor}")}")).ShouldBeOkAsync<JsonObject>();
            units.AddRange(page["items"]!.AsArray().Select(n => n!));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return units;
    }
}
