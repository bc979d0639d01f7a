using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Dispatch;

/// <summary>The supervision board drills down the region tree: one region's units, its child regions and its own cases.</summary>
public sealed class SupervisionBoardTests : DispatchTestBase
{
    private const string Url = "/api/v1/supervision-board";
    private const string DistrictLabour = "越城区人力资源和社会保障局";

    [Test]
    public async Task DistrictSupervisor_DrillsIntoATownOfTheDistrict_AndSeesThatTownsUnitsAndVillages()
    {
        var (inVillage, _) = await OpenCaseAsync();
        await AssignAsync(inVillage, TownGovernment);
        var (ofTheTown, _) = await OpenCaseAsync(regionId: Region("府山街道"));
        await AssignAsync(ofTheTown, DistrictHousing);
        await OpenCaseAsync(regionId: Region("塔山街道"));
        using var supervisor = await Api.ClientForAsync("district.supervisor");

        var district = await (await supervisor.GetAsync(Url)).ShouldBeOkAsync<JsonObject>();
        Assert.That(BoardRows(RegionRows(district), "regionId"), Is.EqualTo(BoardByRegionFromCaseRows(PathOf("越城区"))));
        Assert.That(Flags(district), Is.EquivalentTo(new[] { ("府山街道", false, true), ("塔山街道", false, true) }), "towns with cases, each with its villages");

        var town = await (await supervisor.GetAsync($"{Url}?regionId={Region("府山街道")}")).ShouldBeOkAsync<JsonObject>();
        Assert.That((town["region"]!["name"]!.GetValue<string>(), town["region"]!["level"]!.GetValue<string>()), Is.EqualTo(("府山街道", "town")));
        Assert.That(town["trail"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "越城区", "府山街道" }));
        Assert.That(BoardRows(UnitRows(town), "unitId"), Is.EqualTo(BoardByUnitFromCaseRows(PathOf("府山街道"))));
        Assert.That(BoardRows(RegionRows(town), "regionId"), Is.EqualTo(BoardByRegionFromCaseRows(PathOf("府山街道"))));
        var village = await FushanVillageAsync();
        Assert.That(
            RegionRows(town).Select(r => (r!["regionId"]!.GetValue<Guid>(), r["ownCasesOnly"]!.GetValue<bool>(), r["hasSubregions"]!.GetValue<bool>())),
            Is.EquivalentTo(new[] { (Region("府山街道"), true, false), (village, false, false) }),
            "the town's own case apart, the village with no level below");
    }

    [Test]
    public async Task DrillingIntoATownOfAnotherDistrict_AboveTheCaller_OrIntoAnUnknownRegion_Answers404()
    {
        using var supervisor = await Api.ClientForAsync("district.supervisor");
        await (await supervisor.GetAsync($"{Url}?regionId={Region("柯桥街道")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await supervisor.GetAsync($"{Url}?regionId={Region("绍兴市")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await supervisor.GetAsync($"{Url}?regionId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await supervisor.GetAsync($"{Url}?regionId={Region("越城区")}")).ShouldBeOkAsync<JsonObject>();
    }

    [Test]
    public async Task MalformedRegionId_Answers400()
    {
        using var supervisor = await Api.ClientForAsync("district.supervisor");
        await (await supervisor.GetAsync($"{Url}?regionId=fushan")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task LeadUnits_ComeAPageAtATime_WorstFirst_EachOnce()
    {
        // A town no other test of the class opens cases in, so that its board holds these cases only.
        var town = Region("稽山街道");
        await OpenCaseAsync(regionId: town);
        var (ofTheTown, _) = await OpenCaseAsync(regionId: town);
        await AssignAsync(ofTheTown, TownGovernment);
        var (ofLabour, _) = await OpenCaseAsync(regionId: town);
        await AssignAsync(ofLabour, DistrictLabour);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var (ofHousing, _) = await OpenCaseAsync(regionId: town);
            await AssignAsync(ofHousing, DistrictHousing);
        }

        using var supervisor = await Api.ClientForAsync("district.supervisor");
        var whole = UnitRows(await (await supervisor.GetAsync($"{Url}?regionId={town}&limit=100")).ShouldBeOkAsync<JsonObject>()).Select(UnitName).ToList();
        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var board = await (await supervisor.GetAsync($"{Url}?regionId={town}&limit=1{(cursor is null ? string.Empty : $"&cursor={cursor}")}")).ShouldBeOkAsync<JsonObject>();
            paged.AddRange(UnitRows(board).Select(UnitName));
            cursor = board["byUnit"]!["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null && paged.Count < 10);

        // A signature falls due soon, so assigned cases are yellow; equal rows follow their unit ids.
        var tiedByUnitId = string.CompareOrdinal((await UnitAsync(TownGovernment)).ToString(), (await UnitAsync(DistrictLabour)).ToString()) < 0
            ? new[] { TownGovernment, DistrictLabour }
            : new[] { DistrictLabour, TownGovernment };
        Assert.That(whole, Is.EqualTo(new[] { DistrictHousing }.Concat(tiedByUnitId).Append("none")));
        Assert.That(paged, Is.EqualTo(whole));
    }

    private static string UnitName(JsonNode? row) => row!["unitName"]?.GetValue<string>() ?? "none";

    [TestCase("limit=0")]
    [TestCase("limit=101")]
    [TestCase("cursor=not-a-cursor")]
    public async Task BadPageOfLeadUnits_Answers400(string query)
    {
        using var supervisor = await Api.ClientForAsync("district.supervisor");
        await (await supervisor.GetAsync($"{Url}?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task CitySupervisorsBoard_HasOneRegionRowPerDistrictWithCases_AndOneForTheCitysOwn()
    {
        await OpenCaseAsync();
        await OpenCaseAsync(regionId: Region("柯桥街道"), officerUser: "city.petition_officer");
        await OpenCaseAsync(regionId: Region("绍兴市"), officerUser: "city.petition_officer");
        using var city = await Api.ClientForAsync("city.supervisor");

        var board = await (await city.GetAsync(Url)).ShouldBeOkAsync<JsonObject>();

        Assert.That(board["trail"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "绍兴市" }));
        Assert.That(BoardRows(UnitRows(board), "unitId"), Is.EqualTo(BoardByUnitFromCaseRows(PathOf("绍兴市"))));
        Assert.That(BoardRows(RegionRows(board), "regionId"), Is.EqualTo(BoardByRegionFromCaseRows(PathOf("绍兴市"))));
        Assert.That(Flags(board), Is.EquivalentTo(new[] { ("绍兴市", true, false), ("越城区", false, true), ("柯桥区", false, true) }));
    }

    /// <summary>Each byRegion row as (name, own cases only, has subregions).</summary>
    private static IEnumerable<(string, bool, bool)> Flags(JsonObject board) =>
        RegionRows(board).Select(r => (r!["regionName"]!.GetValue<string>(), r["ownCasesOnly"]!.GetValue<bool>(), r["hasSubregions"]!.GetValue<bool>()));

    private string PathOf(string regionName)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT path FROM org_regions WHERE name = $name", ("$name", regionName)).Single();
    }
}
