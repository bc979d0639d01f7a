using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Api.Dispatch;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>
/// Joint-meeting systems 联席会议 of districts and towns: leaders and admins keep them within their jurisdiction, meetings
/// link petitions and cases that each reader sees only as far as intake and dispatch let them, and coverage counts towns.
/// </summary>
public sealed class JointMeetingTests : DispatchTestBase
{
    private const string Town = "府山街道";
    private const string OtherTown = "塔山街道";

    private static readonly string[] NonReaders = ["handler", "mediator", "suggestion_reviewer", "discipline_inspector", "agent"];

    private static readonly string[] ReadersOnly = ["petition_officer", "supervisor", "analyst"];

    internal static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Test]
    public async Task SystemLifecycle_RetireAndSetUpAgain_MovesCoverage_AndMeetingLinksShowOnlyWhatTheReaderMayOpen()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var district = Region("越城区");
        var before = await TownsCoveredAsync(leader, district);
        Assert.That(before.Towns, Is.EqualTo(17), "越城区 has 17 towns and streets");
        var seeded = await ActiveSystemOfAsync(leader, Region(Town));

        await (await SendWithIfMatch(leader, HttpMethod.Post, $"/api/v1/joint-meeting-systems/{seeded["id"]}/retire", new { retiredOn = Today }, VersionOf(seeded)))
            .ShouldBeOkAsync<JsonObject>();
        Assert.That((await TownsCoveredAsync(leader, district)).Covered, Is.EqualTo(before.Covered - 1));

        using var townLeader = await Api.ClientForAsync("town.leader");
        var convener = await (await townLeader.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();
        var members = new[] { await UnitAsync(TownGovernment), await UnitAsync("府山街道人民调解委员会") };
        var response = await leader.PostAsJsonAsync("/api/v1/joint-meeting-systems", new
        {
            name = "府山街道矛盾纠纷化解联席会议",
            regionId = Region(Town),
            convenerUserId = convener["id"]!.GetValue<string>(),
            convenerPost = "街道党工委书记",
            memberUnitIds = members,
            establishedOn = Today,
        });
        var systemId = (await response.ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<string>();
        Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
        var system = await (await leader.GetAsync($"/api/v1/joint-meeting-systems/{systemId}")).ShouldBeOkAsync<JsonObject>();
        Assert.Multiple(() =>
        {
            Assert.That(system["convenerName"]!.GetValue<string>(), Is.EqualTo(convener["displayName"]!.GetValue<string>()));
            Assert.That(system["regionName"]!.GetValue<string>(), Is.EqualTo(Town));
            Assert.That(system["members"]!.AsArray().Select(m => Guid.Parse(m!["unitId"]!.GetValue<string>())), Is.EquivalentTo(members));
        });
        Assert.That((await TownsCoveredAsync(leader, district)).Covered, Is.EqualTo(before.Covered));

        var (ownCase, ownPetition) = await OpenCaseAsync();
        var (otherCase, otherPetition) = await OpenCaseAsync(regionId: Region(OtherTown));
        var ownNumber = await PetitionNumberAsync(ownPetition);
        var otherNumber = await PetitionNumberAsync(otherPetition);
        var meeting = await (await leader.PostAsJsonAsync($"/api/v1/joint-meeting-systems/{systemId}/meetings", new
        {
            heldOn = Today,
            matters = "研究府山、塔山两街道交界小区的物业纠纷",
            decisions = "由两街道联合约谈物业企业，十五日内报送整改方案",
            petitionNumbers = new[] { ownNumber, otherNumber },
            caseIds = new[] { ownCase, otherCase },
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var meetingId = meeting["id"]!.GetValue<string>();

        var asDistrict = await LatestMeetingAsync(leader, systemId);
        var asTown = await LatestMeetingAsync(townLeader, systemId);
        Assert.Multiple(() =>
        {
            Assert.That(asDistrict["id"]!.GetValue<string>(), Is.EqualTo(meetingId));
            Assert.That(Numbers(asDistrict, "petitions"), Is.EquivalentTo(new[] { ownNumber, otherNumber }));
            Assert.That(Ids(asDistrict, "cases"), Is.EquivalentTo(new[] { ownCase, otherCase }));
            Assert.That(Numbers(asTown, "petitions"), Is.EqualTo(new[] { ownNumber }), "the other town's petition is left out for the town");
            Assert.That(Ids(asTown, "cases"), Is.EqualTo(new[] { ownCase }), "the other town's case is left out for the town");
        });
        Assert.That(EventsOf(Guid.Parse(meetingId)), Is.EqualTo(new[] { "Organization.JointMeetingHeld" }));
        Assert.That(AuditActions(systemId), Is.EqualTo(new[] { "joint_meeting_system.created" }));
        Assert.That(AuditActions(meetingId), Is.EqualTo(new[] { "joint_meeting.held" }));
    }

    [Test]
    public async Task AddJointMeeting_LinkingWhatTheCallerMayNotOpen_Returns400NamingTheField()
    {
        var (otherCase, otherPetition) = await OpenCaseAsync(regionId: Region(OtherTown));
        var otherNumber = await PetitionNumberAsync(otherPetition);
        using var townLeader = await Api.ClientForAsync("town.leader");
        var system = await ActiveSystemOfAsync(townLeader, Region(Town));
        var url = $"/api/v1/joint-meeting-systems/{system["id"]}/meetings";

        var petition = await (await townLeader.PostAsJsonAsync(url, Meeting(petitionNumbers: [otherNumber]))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var caseLink = await (await townLeader.PostAsJsonAsync(url, Meeting(caseIds: [otherCase]))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var ahead = await (await townLeader.PostAsJsonAsync(url, Meeting() with { HeldOn = Today.AddDays(1) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(petition["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "petitionNumbers" }));
            Assert.That(caseLink["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "caseIds" }));
            Assert.That(ahead["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "heldOn" }));
        });
    }

    [Test]
    public async Task UpdateJointMeetingSystem_NeedsIfMatch_RefusesStaleVersions_AndIsAudited()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var system = await ActiveSystemOfAsync(leader, Region("北海街道"));
        var id = system["id"]!.GetValue<string>();
        var body = new
        {
            name = "北海街道矛盾纠纷多元化解联席会议",
            convenerName = "陈建国",
            convenerPost = "街道党工委书记",
            memberUnitIds = new[] { await UnitAsync("北海街道办事处") },
            establishedOn = system["establishedOn"]!.GetValue<string>(),
        };

        await (await leader.PutAsJsonAsync($"/api/v1/joint-meeting-systems/{id}", body)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(leader, HttpMethod.Put, $"/api/v1/joint-meeting-systems/{id}", body, VersionOf(system) + 5))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var updated = await SendWithIfMatch(leader, HttpMethod.Put, $"/api/v1/joint-meeting-systems/{id}", body, VersionOf(system));
        Assert.That((await updated.ShouldBeOkAsync<JsonObject>())["version"]!.GetValue<long>(), Is.EqualTo(VersionOf(system) + 1));

        var read = await (await leader.GetAsync($"/api/v1/joint-meeting-systems/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.Multiple(() =>
        {
            Assert.That(read["name"]!.GetValue<string>(), Is.EqualTo(body.name));
            Assert.That(read["convenerName"]!.GetValue<string>(), Is.EqualTo("陈建国"));
            Assert.That(read["convenerUserId"], Is.Null);
            Assert.That(read["members"]!.AsArray(), Has.Count.EqualTo(1));
        });
        Assert.That(AuditActions(id), Is.EqualTo(new[] { "joint_meeting_system.updated" }));
    }

    [Test]
    public async Task CreateJointMeetingSystem_WithInvalidFields_Returns400ListingEachField()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var problem = await (await leader.PostAsJsonAsync("/api/v1/joint-meeting-systems",
                new { name = "", regionId = Guid.Empty, convenerPost = "", memberUnitIds = Array.Empty<Guid>(), establishedOn = "1990-01-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key),
            Is.EquivalentTo(new[] { "name", "regionId", "convenerName", "convenerPost", "memberUnitIds", "establishedOn" }));
    }

    [Test]
    public async Task CreateJointMeetingSystem_ForAVillage_Returns400_ForACoveredTown409_AndMembersOfAnotherRegion400()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var members = new[] { await UnitAsync(TownGovernment) };
        var village = await (await leader.PostAsJsonAsync("/api/v1/joint-meeting-systems", NewSystem(await FushanVillageAsync(), members)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(village["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "regionId" }));

        var covered = await (await leader.PostAsJsonAsync("/api/v1/joint-meeting-systems", NewSystem(Region(OtherTown), members)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(covered["code"]!.GetValue<string>(), Is.EqualTo("joint_meeting_system_exists"));

        var tashan = await ActiveSystemOfAsync(leader, Region(OtherTown));
        var foreignMembers = await (await SendWithIfMatch(leader, HttpMethod.Put, $"/api/v1/joint-meeting-systems/{tashan["id"]}",
                new { name = "塔山街道联席会议", convenerName = "李华", convenerPost = "书记", memberUnitIds = members, establishedOn = "2020-01-01" }, VersionOf(tashan)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(foreignMembers["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "memberUnitIds" }));
    }

    [Test]
    public async Task SystemsOfAnotherTown_Answer404LikeMissingOnes_AndAreNotListed()
    {
        using var district = await Api.ClientForAsync("district.leader");
        var other = (await ActiveSystemOfAsync(district, Region(OtherTown)))["id"]!.GetValue<string>();
        using var townLeader = await Api.ClientForAsync("town.leader");

        foreach (var id in new[] { other, Guid.NewGuid().ToString() })
        {
            await (await townLeader.GetAsync($"/api/v1/joint-meeting-systems/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await townLeader.GetAsync($"/api/v1/joint-meeting-systems/{id}/meetings")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await townLeader.PostAsJsonAsync($"/api/v1/joint-meeting-systems/{id}/meetings", Meeting())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await SendWithIfMatch(townLeader, HttpMethod.Post, $"/api/v1/joint-meeting-systems/{id}/retire", new { retiredOn = Today }, 1))
                .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        var listed = await (await townLeader.GetAsync("/api/v1/joint-meeting-systems?includeRetired=true&limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(listed["items"]!.AsArray().Select(s => s!["regionName"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { Town }));
    }

    [TestCaseSource(nameof(NonReaders))]
    public async Task JointMeetings_ForRolesThatNeitherKeepNorReadThem_Return403(string role)
    {
        using var client = await Api.ClientForAsync($"district.{role}");
        await (await client.GetAsync("/api/v1/joint-meeting-systems")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"/api/v1/joint-meeting-systems/{Guid.NewGuid()}/meetings")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/v1/organization-coverage")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [TestCaseSource(nameof(ReadersOnly))]
    public async Task JointMeetings_ReadersWhoDoNotKeepThem_Read_ButGet403ForChanges(string role)
    {
        using var client = await Api.ClientForAsync($"district.{role}");
        var system = await ActiveSystemOfAsync(client, Region(Town));
        await (await client.PostAsJsonAsync("/api/v1/joint-meeting-systems", NewSystem(Region(Town), [Guid.NewGuid()]))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync($"/api/v1/joint-meeting-systems/{system["id"]}/meetings", Meeting())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static MeetingBody Meeting(string[]? petitionNumbers = null, Guid[]? caseIds = null) =>
        new(Today, "研究征迁补偿信访矛盾化解", "明确牵头单位，限期化解", petitionNumbers ?? [], caseIds ?? []);

    private static object NewSystem(Guid regionId, Guid[] members) =>
        new { name = "联席会议", regionId, convenerName = "王强", convenerPost = "书记", memberUnitIds = members, establishedOn = "2020-03-01" };

    internal static async Task<JsonObject> ActiveSystemOfAsync(HttpClient client, Guid regionId)
    {
        var page = await (await client.GetAsync($"/api/v1/joint-meeting-systems?regionId={regionId}&limit=100")).ShouldBeOkAsync<JsonObject>();
        return page["items"]!.AsArray().Single(s => s!["regionId"]!.GetValue<string>() == regionId.ToString())!.AsObject();
    }

    internal static async Task<(int Towns, int Covered)> TownsCoveredAsync(HttpClient client, Guid regionId)
    {
        var coverage = await (await client.GetAsync($"/api/v1/organization-coverage?regionId={regionId}")).ShouldBeOkAsync<JsonObject>();
        return (coverage["total"]!["towns"]!.GetValue<int>(), coverage["total"]!["townsWithJointMeeting"]!.GetValue<int>());
    }

    private static async Task<JsonObject> LatestMeetingAsync(HttpClient client, string systemId)
    {
        var page = await (await client.GetAsync($"/api/v1/joint-meeting-systems/{systemId}/meetings?limit=1")).ShouldBeOkAsync<JsonObject>();
        return page["items"]![0]!.AsObject();
    }

    private async Task<string> PetitionNumberAsync(Guid petitionId)
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        return (await (await officer.GetAsync($"/api/v1/petitions/{petitionId}")).ShouldBeOkAsync<JsonObject>())["number"]!.GetValue<string>();
    }

    private static List<string> Numbers(JsonObject meeting, string links) =>
        meeting[links]!.AsArray().Select(l => l!["number"]!.GetValue<string>()).ToList();

    private static List<Guid> Ids(JsonObject meeting, string links) =>
        meeting[links]!.AsArray().Select(l => Guid.Parse(l!["id"]!.GetValue<string>())).ToList();

    private List<string> AuditActions(string objectId)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT action FROM audit_entries WHERE object_id = $id ORDER BY sequence", ("$id", objectId));
    }

    private sealed record MeetingBody(DateOnly HeldOn, string Matters, string Decisions, string[] PetitionNumbers, Guid[] CaseIds);
}
