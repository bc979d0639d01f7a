using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Api.Dispatch;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>
/// What each role reads of petitions (least privilege, the README's role table), and that flags, links and timelines
/// never name a petition the reader may not open: accusations referred to discipline, or petitions out of its reach.
/// </summary>
public sealed class PetitionVisibilityTests : DispatchTestBase
{
    private const string Accusation = "举报某村党支部书记挪用集体征地补偿款，要求纪检监察机关查处";
    private static readonly object ReferToDiscipline = new { decision = "refer_to_discipline", reason = "检举控告类", notice = "您的检举材料已转纪检监察机关处理。" };

    [Test]
    public async Task SamePetitionerFlag_NamingALaterReferredAccusation_IsHiddenFromOfficers_AndShownToInspectors()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        using var inspector = await Api.ClientForAsync("district.discipline_inspector");
        var idNumber = Data.NewIdNumber();
        var accusation = await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"), idNumber: idNumber, request: Accusation));
        var later = await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"), idNumber: idNumber, request: Accusation + "，并公开处理结果"));
        var laterId = later["id"]!.GetValue<string>();
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{accusation["id"]}/classification", ReferToDiscipline, 1)).ShouldBeOkAsync<JsonObject>();

        var number = accusation["number"]!.GetValue<string>();
        var id = accusation["id"]!.GetValue<string>();
        var asOfficer = await RawAsync(officer, $"/api/v1/petitions/{laterId}");
        Assert.That(asOfficer, Does.Not.Contain(number).And.Not.Contain(id));
        Assert.That(FlagCodes(asOfficer), Does.Contain("first_time:no_earlier_petition").And.None.StartsWith("repeat:"),
            "as if the accusation had never been filed: no repeat reason tells that this person filed it");

        var row = await WorklistRowAsync(officer, laterId);
        Assert.That((row["isRepeat"]!.GetValue<bool>(), row["isFirstTime"]!.GetValue<bool>()), Is.EqualTo((false, true)));
        var repeats = await RawAsync(officer, "/api/v1/petitions?flag=repeat&limit=100");
        Assert.That(repeats, Does.Not.Contain(laterId));

        var asInspector = await RawAsync(inspector, $"/api/v1/petitions/{laterId}");
        Assert.That(FlagCodes(asInspector), Does.Contain("repeat:same_petitioner").And.Not.Contain("first_time:no_earlier_petition"));
        Assert.That(asInspector, Does.Contain(number));
    }

    [Test]
    public async Task RegistrationAfterAnAccusation_DoesNotNameIt_InTheAnswerTheDetailsOrTheWorklist()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var idNumber = Data.NewIdNumber();
        var accusation = await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"), idNumber: idNumber, request: Accusation));
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{accusation["id"]}/classification", ReferToDiscipline, 1)).ShouldBeOkAsync<JsonObject>();

        using var response = await officer.PostAsJsonAsync("/api/v1/petitions", Data.Registration(Region("塔山街道"), idNumber: idNumber, request: "小区路灯损坏半年无人维修"));
        var answer = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), answer);
        var number = accusation["number"]!.GetValue<string>();
        Assert.That(answer, Does.Not.Contain(number));
        Assert.That(FlagCodes(answer), Does.Contain("first_time:no_earlier_petition").And.None.StartsWith("repeat:"));

        var laterId = JsonNode.Parse(answer)!["id"]!.GetValue<string>();
        Assert.That(await RawAsync(officer, $"/api/v1/petitions/{laterId}"), Does.Not.Contain(number));
        Assert.That((await WorklistRowAsync(officer, laterId))["isRepeat"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task PetitionOfAnotherDistrict_LinkedAndRelated_IsNotNamedToADistrictOfficer_ButToTheCity()
    {
        using var city = await Api.ClientForAsync("city.petition_officer");
        using var district = await Api.ClientForAsync("district.petition_officer");
        var idNumber = Data.NewIdNumber();
        var elsewhere = await IntakeData.RegisterAsync(city, Data.Registration(Region("柯桥区"), idNumber: idNumber));
        var here = await IntakeData.RegisterAsync(city, Data.Registration(Region("塔山街道"), idNumber: idNumber));
        var hereId = here["id"]!.GetValue<string>();
        await (await SendWithIfMatch(city, HttpMethod.Post, $"/api/v1/petitions/{hereId}/links", new { otherPetitionId = elsewhere["id"] }, 1)).ShouldBeOkAsync<JsonObject>();

        var number = elsewhere["number"]!.GetValue<string>();
        var id = elsewhere["id"]!.GetValue<string>();
        var asDistrict = await RawAsync(district, $"/api/v1/petitions/{hereId}");
        Assert.That(asDistrict, Does.Not.Contain(number).And.Not.Contain(id));
        var detail = JsonNode.Parse(asDistrict)!;
        Assert.That(detail["links"]!.AsArray(), Is.Empty);
        Assert.That(detail["timeline"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()), Does.Not.Contain("linked"));
        Assert.That(FlagCodes(asDistrict), Does.Contain("repeat:same_petitioner"),
            "a repeat is a repeat wherever the earlier petition was registered; only its number is left out");

        var asCity = await RawAsync(city, $"/api/v1/petitions/{hereId}");
        Assert.That(asCity, Does.Contain(number));
        Assert.That(JsonNode.Parse(asCity)!["links"]!.AsArray().Select(l => l!["petitionId"]!.GetValue<string>()), Is.EqualTo(new[] { id }));
    }

    [Test]
    public async Task CaseAssignment_LetsTheLeadAndCoHandlingUnitsReadThePetition_UntilTheCaseIsReturned()
    {
        var (caseId, petitionId) = await OpenCaseAsync();
        using var town = await Api.ClientForAsync("town.handler");
        using var housing = await Api.ClientForAsync("district.handler");
        await ShouldNotReadAsync(town, petitionId);
        await ShouldNotReadAsync(housing, petitionId);

        await AssignAsync(caseId, TownGovernment, "assign", DistrictHousing);
        await PumpOutboxAsync();
        await ShouldReadAsync(town, petitionId);
        await ShouldReadAsync(housing, petitionId);

        await (await ChangeAsync(town, caseId, "return", new { reason = "不属于本单位职责范围。" })).ShouldBeOkAsync<JsonObject>();
        await PumpOutboxAsync();
        await ShouldNotReadAsync(town, petitionId);
        await ShouldNotReadAsync(housing, petitionId);
    }

    [TestCase("town.petition_officer")]
    [TestCase("district.supervisor")]
    [TestCase("district.leader")]
    [TestCase("district.analyst")]
    [TestCase("district.discipline_inspector")]
    public async Task StaffWhoRegisterOverseeOrAnalyse_ReadThePetitionsOfTheirJurisdiction(string user)
    {
        var (_, petitionId) = await OpenCaseAsync();
        using var client = await Api.ClientForAsync(user);
        await ShouldReadAsync(client, petitionId);
    }

    [TestCase("district.admin")]
    [TestCase("town.admin")]
    [TestCase("district.mediator")]
    [TestCase("district.suggestion_reviewer")]
    [TestCase("town.agent")]
    [TestCase("town.handler")]
    public async Task RolesWithoutAPartInThePetition_ReadNothingOfIt(string user)
    {
        var (_, petitionId) = await OpenCaseAsync();
        using var client = await Api.ClientForAsync(user);
        await ShouldNotReadAsync(client, petitionId);
    }

    [TestCase("district.admin")]
    [TestCase("district.mediator")]
    [TestCase("district.suggestion_reviewer")]
    public async Task RolesWithoutPetitionWork_ListNone(string user)
    {
        await OpenCaseAsync();
        using var client = await Api.ClientForAsync(user);
        var page = await (await client.GetAsync("/api/v1/petitions?limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(page["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Agent_ReadsWhatItRegistered_AndFindsOnlyThoseAsDuplicateCandidates()
    {
        using var agent = await Api.ClientForAsync("town.agent");
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var village = await FushanVillageAsync();
        var idNumber = Data.NewIdNumber();
        var byOfficer = await IntakeData.RegisterAsync(officer, Data.Registration(village, idNumber: idNumber));
        var byAgent = await IntakeData.RegisterAsync(agent, Data.Registration(village, idNumber: idNumber));
        var agentsId = Guid.Parse(byAgent["id"]!.GetValue<string>());
        Assert.That(byAgent["flags"]!.AsArray().SelectMany(f => f!["related"]!.AsArray()).Select(n => n!.GetValue<string>()),
            Does.Not.Contain(byOfficer["number"]!.GetValue<string>()), "the registration's answer names no petition the agent may not open");

        await ShouldReadAsync(agent, agentsId);
        await ShouldNotReadAsync(agent, Guid.Parse(byOfficer["id"]!.GetValue<string>()));
        var candidates = await (await agent.PostAsJsonAsync("/api/v1/petitions/duplicate-candidates",
            new { idNumbers = new[] { idNumber }, regionId = village, category = "health", text = "完全无关的内容" })).ShouldBeOkAsync<JsonObject>();
        Assert.That(candidates["items"]!.AsArray().Select(c => c!["petitionId"]!.GetValue<string>()).ToList(), Is.EqualTo(new[] { agentsId.ToString() }), candidates.ToJsonString());
    }

    [Test]
    public async Task AgentOfACase_ReadsItsPetitionAndFiles_ReadOnlyAndAudited_ButNoOtherPetition()
    {
        var (caseId, petitionId) = await OpenCaseAsync();
        var (_, otherPetitionId) = await OpenCaseAsync();
        using var officer = await Api.ClientForAsync("district.petition_officer");
        using var agent = await Api.ClientForAsync("town.agent");
        var file = await FileUploads.UploadAsync(officer, $"/api/v1/petitions/{petitionId}/attachments", "材料.pdf", FileUploads.Pdf);
        var download = $"/api/v1/petitions/{petitionId}/attachments/{file["id"]}";
        await ShouldNotReadAsync(agent, petitionId);
        await (await agent.GetAsync(download)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        await (await ChangeAsync(officer, caseId, "agent", new { agentUserId = TownAgentId() })).ShouldBeOkAsync<JsonObject>();

        var detail = await (await agent.GetAsync($"/api/v1/petitions/{petitionId}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(detail["allowedActions"]!.AsArray(), Is.Empty, "read-only: no classification, links, files or reveals");
        Assert.That(detail["petitioners"]!.AsArray(), Is.Not.Empty);
        Assert.That((await agent.GetAsync(download)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        // Commands look the petition up as before: for them the agent of its case has no part in it.
        await (await FileUploads.PostFileAsync(agent, $"/api/v1/petitions/{petitionId}/attachments", "补充.pdf", FileUploads.Pdf))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.That(await ListedIdsAsync(agent), Does.Not.Contain(petitionId.ToString()), "one at a time, from the case: its worklist stays what it registered");
        await ShouldNotReadAsync(agent, otherPetitionId);

        using var db = TestDatabase.Open(Api);
        var reads = TestDatabase.Strings(db,
            "SELECT a.action FROM audit_entries a JOIN org_users u ON u.id = a.actor_user_id WHERE a.object_id = $id AND u.user_name = 'town.agent' ORDER BY a.sequence",
            ("$id", petitionId.ToString()));
        Assert.That(reads, Is.EqualTo(new[] { "petition.read_as_case_agent", "petition.attachment_read_as_case_agent" }));
    }

    [TestCase("town.handler")]
    [TestCase("town.agent")]
    [TestCase("district.admin")]
    public async Task Export_IsRefusedToRolesThatDoNotReadAJurisdiction(string user)
    {
        using var client = await Api.ClientForAsync(user);
        await (await client.GetAsync("/api/v1/petitions/export.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task ShouldReadAsync(HttpClient client, Guid petitionId)
    {
        await (await client.GetAsync($"/api/v1/petitions/{petitionId}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(await ListedIdsAsync(client), Does.Contain(petitionId.ToString()));
    }

    private static async Task ShouldNotReadAsync(HttpClient client, Guid petitionId)
    {
        await (await client.GetAsync($"/api/v1/petitions/{petitionId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.That(await ListedIdsAsync(client), Does.Not.Contain(petitionId.ToString()));
    }

    private static async Task<List<string>> ListedIdsAsync(HttpClient client)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/petitions?limit=100{(cursor is null ? "" : $"&cursor={cursor}")}")).ShouldBeOkAsync<JsonObject>();
            ids.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return ids;
    }

    private string TownAgentId()
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT id FROM org_users WHERE user_name = 'town.agent'").Single();
    }

    private static async Task<JsonObject> WorklistRowAsync(HttpClient client, string id)
    {
        var page = await (await client.GetAsync("/api/v1/petitions?limit=100")).ShouldBeOkAsync<JsonObject>();
        return page["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == id)!.AsObject();
    }

    private static async Task<string> RawAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return body;
    }

    /// <summary>"flag:code" of each reason, in order.</summary>
    private static List<string> FlagCodes(string body) =>
        JsonNode.Parse(body)!["flags"]!.AsArray().Select(f => $"{f!["flag"]!.GetValue<string>()}:{f["code"]!.GetValue<string>()}").ToList();
}
