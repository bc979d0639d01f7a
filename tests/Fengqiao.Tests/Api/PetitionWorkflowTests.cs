using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

public sealed class PetitionWorkflowTests : IntakeTestBase
{
    [Test]
    public async Task Accept_RecordsTheNotice_SuggestsTheRoutedUnit_AndPublishesPetitionAccepted()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var housing = await UserAdminTests.UnitIdAsync(officer, "越城区住房和城乡建设局");
        using (var db = TestDatabase.Open(Api))
        {
            using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO intake_routing_rules (id, category, region_path, unit_id, created_at) VALUES ($id, 'property_management', '/330600/330602/', $unit, '2026-01-01T00:00:00.0000000+00:00')";
            insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
            insert.Parameters.AddWithValue("$unit", housing.ToString());
            insert.ExecuteNonQuery();
        }

        var registered = await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"), category: "property_management"));
        var id = registered["id"]!.GetValue<string>();
        var classified = await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{id}/classification",
            new { decision = "accept", notice = "您的信访事项已受理，将转交相关部门办理。" }, 1)).ShouldBeOkAsync<JsonObject>();
        Assert.That(classified["version"]!.GetValue<long>(), Is.EqualTo(2));

        var petition = await (await officer.GetAsync($"/api/v1/petitions/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(petition["status"]!.GetValue<string>(), Is.EqualTo("accepted"));
        Assert.That(petition["decision"]!["suggestedUnitId"]!.GetValue<string>(), Is.EqualTo(housing.ToString()));
        Assert.That(petition["timeline"]!.AsArray().Last()!["text"]!.GetValue<string>(), Is.EqualTo("您的信访事项已受理，将转交相关部门办理。"));

        using var audit = TestDatabase.Open(Api);
        var events = TestDatabase.Strings(audit, "SELECT type FROM outbox_messages WHERE payload LIKE @id", ("@id", $"%{id}%"));
        Assert.That(events, Is.SupersetOf(new[] { "Intake.PetitionRegistered", "Intake.PetitionClassified", "Intake.PetitionAccepted" }));
    }

    [Test]
    public async Task Classification_NeedsIfMatch_RejectsStaleVersions_AndRefusesASecondDecision()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var id = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"))))["id"]!.GetValue<string>();
        var url = $"/api/v1/petitions/{id}/classification";
        var notAccepted = new { decision = "not_accept", reason = "不属于信访受理范围", notice = "经审查，您反映的事项不属于信访受理范围。" };

        await (await officer.PostAsJsonAsync(url, notAccepted)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(officer, HttpMethod.Post, url, notAccepted, 9)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await SendWithIfMatch(officer, HttpMethod.Post, url, new { decision = "not_accept", notice = "x" }, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await SendWithIfMatch(officer, HttpMethod.Post, url, notAccepted, 1)).ShouldBeOkAsync<JsonObject>();

        var again = await (await SendWithIfMatch(officer, HttpMethod.Post, url, notAccepted, 2)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["detail"]!.GetValue<string>(), Does.Contain("not_accepted"));
    }

    [TestCase("convert_to_suggestion", "converted_to_suggestion", "Intake.PetitionConvertedToSuggestion")]
    [TestCase("refer_to_mediation", "referred_to_mediation", "Intake.PetitionReferredToMediation")]
    [TestCase("not_accept", "not_accepted", "Intake.PetitionClassified")]
    public async Task EachRoute_RecordsItsNoticeAndPublishesItsEvent(string decision, string status, string eventType)
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var id = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"))))["id"]!.GetValue<string>();
        var notice = $"告知：{decision}";
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{id}/classification", new { decision, reason = "依据条例第二十八条", notice }, 1))
            .ShouldBeOkAsync<JsonObject>();

        var petition = await (await officer.GetAsync($"/api/v1/petitions/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(petition["status"]!.GetValue<string>(), Is.EqualTo(status));
        var last = petition["timeline"]!.AsArray().Last()!;
        Assert.That((last["text"]!.GetValue<string>(), last["isPublic"]!.GetValue<bool>()), Is.EqualTo((notice, true)));
        using var db = TestDatabase.Open(Api);
        Assert.That(TestDatabase.Strings(db, "SELECT type FROM outbox_messages WHERE payload LIKE @id", ("@id", $"%{id}%")), Does.Contain(eventType));
    }

    [Test]
    public async Task Divert_NeedsALegalChannel()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var id = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"))))["id"]!.GetValue<string>();
        var url = $"/api/v1/petitions/{id}/classification";
        var problem = await (await SendWithIfMatch(officer, HttpMethod.Post, url, new { decision = "divert", reason = "已进入诉讼程序", notice = "请通过诉讼途径解决。" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "legalChannel" }));
        await (await SendWithIfMatch(officer, HttpMethod.Post, url, new { decision = "divert", reason = "已进入诉讼程序", notice = "请通过诉讼途径解决。", legalChannel = "litigation" }, 1))
            .ShouldBeOkAsync<JsonObject>();
    }

    [Test]
    public async Task AccusationReferredToDiscipline_IsVisibleOnlyToDisciplineInspectors()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var id = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"), request: "举报某村干部侵占集体资金")))["id"]!.GetValue<string>();
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{id}/classification",
            new { decision = "refer_to_discipline", reason = "检举控告类", notice = "您的检举材料已转纪检监察机关处理。" }, 1)).ShouldBeOkAsync<JsonObject>();

        await (await officer.GetAsync($"/api/v1/petitions/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var list = await (await officer.GetAsync("/api/v1/petitions?limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Does.Not.Contain(id));

        using var inspector = await Api.ClientForAsync("district.discipline_inspector");
        var petition = await (await inspector.GetAsync($"/api/v1/petitions/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(petition["status"]!.GetValue<string>(), Is.EqualTo("referred_to_discipline"));
    }

    [Test]
    public async Task DuplicateCandidates_ComeWithScoreAndReason()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        const string text = "城南街道某小区开发商逾期三年未办理房产证，业主多次交涉无果，要求相关部门督促办理";
        var idNumber = Data.NewIdNumber();
        var earlier = await IntakeData.RegisterAsync(officer, Data.Registration(Region("城南街道"), idNumber: idNumber, request: text));

        var byText = await (await officer.PostAsJsonAsync("/api/v1/petitions/duplicate-candidates",
            new { idNumbers = Array.Empty<string>(), regionId = Region("城南街道"), category = "urban_rural_construction", text = text + "，请尽快处理" })).ShouldBeOkAsync<JsonObject>();
        var match = byText["items"]!.AsArray().Single(i => i!["petitionId"]!.GetValue<string>() == earlier["id"]!.GetValue<string>())!;
        Assert.That(match["reason"]!.GetValue<string>(), Is.EqualTo("similar_matter"));
        Assert.That(match["score"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0.5).And.LessThanOrEqualTo(1));

        var byPerson = await (await officer.PostAsJsonAsync("/api/v1/petitions/duplicate-candidates",
            new { idNumbers = new[] { idNumber }, regionId = Region("塔山街道"), category = "health", text = "完全无关的内容" })).ShouldBeOkAsync<JsonObject>();
        Assert.That(byPerson["items"]!.AsArray().Single()!["reason"]!.GetValue<string>(), Is.EqualTo("same_petitioner"));

        var unrelated = await (await officer.PostAsJsonAsync("/api/v1/petitions/duplicate-candidates",
            new { idNumbers = Array.Empty<string>(), regionId = Region("城南街道"), category = "urban_rural_construction", text = "菜市场摊位费上涨过快" })).ShouldBeOkAsync<JsonObject>();
        Assert.That(unrelated["items"]!.AsArray().Select(i => i!["petitionId"]!.GetValue<string>()), Does.Not.Contain(earlier["id"]!.GetValue<string>()));
    }

    [Test]
    public async Task LinkAndMerge_PointBothWays_KeepAttachments_AndTellThePetitioner()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var a = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("稽山街道"))))["id"]!.GetValue<string>();
        var b = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("稽山街道"))))["id"]!.GetValue<string>();
        var c = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("稽山街道"))))["id"]!.GetValue<string>();

        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{a}/links", new { otherPetitionId = b }, 1)).ShouldBeOkAsync<JsonObject>();
        var linkedB = await (await officer.GetAsync($"/api/v1/petitions/{b}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(linkedB["links"]!.AsArray().Select(l => (l!["petitionId"]!.GetValue<string>(), l["kind"]!.GetValue<string>())), Is.EqualTo(new[] { (a, "linked") }));

        var attachment = await UploadAsync(officer, c, "证明材料.pdf", FileUploads.Pdf);
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{c}/merge", new { intoPetitionId = a }, 1)).ShouldBeOkAsync<JsonObject>();

        var merged = await (await officer.GetAsync($"/api/v1/petitions/{c}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(merged["status"]!.GetValue<string>(), Is.EqualTo("merged"));
        Assert.That(merged["links"]!.AsArray().Single()!["kind"]!.GetValue<string>(), Is.EqualTo("merged_into"));
        Assert.That(merged["timeline"]!.AsArray().Any(t => t!["kind"]!.GetValue<string>() == "merged_into" && t["isPublic"]!.GetValue<bool>()), Is.True);

        var target = await (await officer.GetAsync($"/api/v1/petitions/{a}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(target["links"]!.AsArray().Select(l => l!["kind"]!.GetValue<string>()), Is.EquivalentTo(new[] { "linked", "merged_from" }));
        Assert.That(target["attachments"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()), Does.Contain(attachment["id"]!.GetValue<string>()));
        var download = await officer.GetAsync($"/api/v1/petitions/{a}/attachments/{attachment["id"]}");
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{c}/merge", new { intoPetitionId = b }, 2)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Attachments_AreTypedFromContent_HashedAndDownloadableOnlyInJurisdiction()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var id = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"))))["id"]!.GetValue<string>();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
        var added = await UploadAsync(officer, id, "现场照片.png", png);
        Assert.That(added["contentType"]!.GetValue<string>(), Is.EqualTo("image/png"));
        Assert.That(added["sha256"]!.GetValue<string>(), Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png))));

        var fake = await FileUploads.PostFileAsync(officer, $"/api/v1/petitions/{id}/attachments", "合同.pdf", FileUploads.ProgramNamedPdf);
        await fake.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var download = await officer.GetAsync($"/api/v1/petitions/{id}/attachments/{added["id"]}");
        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(png));

        using var town = await Api.ClientForAsync("town.petition_officer");
        await (await town.GetAsync($"/api/v1/petitions/{id}/attachments/{added["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Worklist_FiltersPagesAndExports()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var region = Region("陶堰街道");
        var firstPetitioners = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var registration = Data.Registration(region, i % 2 == 0 ? "letter" : "phone");
            firstPetitioners.Add(registration["petitioners"]![0]!["name"]!.GetValue<string>());
            await IntakeData.RegisterAsync(officer, registration);
        }

        var letters = await AllPagesAsync(officer, $"regionId={region}&channel=letter", 2);
        Assert.That(letters, Has.Count.EqualTo(3));
        Assert.That(letters.Select(l => l["channel"]!.GetValue<string>()), Is.All.EqualTo("letter"));
        var all = await AllPagesAsync(officer, $"regionId={region}", 2);
        Assert.That(all.Select(p => p["id"]!.GetValue<string>()), Is.Unique);
        Assert.That(all.Select(p => p["receivedAt"]!.GetValue<DateTimeOffset>()), Is.Ordered.Descending);
        Assert.That(all, Has.Count.EqualTo(5));
        Assert.That(all.Select(p => p["firstPetitioner"]!.GetValue<string>()), Is.EquivalentTo(firstPetitioners));

        await (await officer.GetAsync("/api/v1/petitions?channel=pigeon")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await officer.GetAsync("/api/v1/petitions?receivedFrom=2026-05-02&receivedTo=2026-05-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var csv = await officer.GetAsync($"/api/v1/petitions/export.csv?regionId={region}&channel=phone");
        Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(csv.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var lines = (await csv.Content.ReadAsStringAsync()).Trim('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0].Trim(), Does.StartWith("number,received_at,channel"));
        Assert.That(lines.Skip(1).Count(), Is.EqualTo(2));
        Assert.That(lines.Skip(1), Is.All.Contains(",phone,"));
    }

    [Test]
    public async Task WorklistRows_AgreeWithThePetitionsDetails()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var region = Region("东湖街道");
        var first = Data.Registration(region, "hotline12345", persons: 6, category: "transport");
        first["urgent"] = true;
        first["crossBoundary"] = true;
        var firstId = (await IntakeData.RegisterAsync(officer, first))["id"]!.GetValue<string>();
        var again = Data.Registration(region, "letter", idNumber: first["petitioners"]![0]!["idNumber"]!.GetValue<string>());
        var againId = (await IntakeData.RegisterAsync(officer, again))["id"]!.GetValue<string>();

        var rows = await AllPagesAsync(officer, $"regionId={region}", 1);
        foreach (var id in new[] { firstId, againId })
        {
            var row = rows.Single(r => r["id"]!.GetValue<string>() == id);
            var details = await (await officer.GetAsync($"/api/v1/petitions/{id}")).ShouldBeOkAsync<JsonObject>();
            foreach (var field in new[] { "id", "number", "channel", "status", "regionName", "category", "persons", "receivedAt", "acceptanceDue" })
            {
                Assert.That(row[field]!.ToJsonString(), Is.EqualTo(details[field]!.ToJsonString()), field);
            }

            Assert.That(row["requestText"]!.GetValue<string>(), Is.EqualTo(details["request"]!.GetValue<string>()));
            Assert.That(row["firstPetitioner"]!.GetValue<string>(), Is.EqualTo(details["petitioners"]![0]!["name"]!.GetValue<string>()));
            var flags = details["flags"]!.AsArray().Select(f => f!["flag"]!.GetValue<string>()).ToHashSet();
            var flagColumns = new Dictionary<string, string>
            {
                ["isFirstTime"] = "first_time",
                ["isRepeat"] = "repeat",
                ["isSkipLevel"] = "skip_level",
                ["isCollective"] = "collective",
                ["isBusiness"] = "business_environment",
                ["isCrossBoundary"] = "cross_boundary",
                ["isUrgent"] = "urgent",
                ["isFinalMatter"] = "final_matter",
            };
            Assert.That(flagColumns.Where(c => row[c.Key]!.GetValue<bool>()).Select(c => c.Value), Is.EquivalentTo(flags), id);
        }

        Assert.That(rows.Single(r => r["id"]!.GetValue<string>() == firstId)["isUrgent"]!.GetValue<bool>(), Is.True);
        Assert.That(rows.Single(r => r["id"]!.GetValue<string>() == againId)["isRepeat"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Worklist_AtEachLevel_ListsItsSubtreeAndWhatItsUnitRegistered_PageByPage()
    {
        using var district = await Api.ClientForAsync("district.petition_officer");
        using var city = await Api.ClientForAsync("city.petition_officer");
        using var town = await Api.ClientForAsync("town.petition_officer");
        var inTown = await RegisterIdAsync(district, await FushanVillageAsync());
        var atTownLevel = await RegisterIdAsync(district, Region("府山街道"));
        var inOtherTown = await RegisterIdAsync(district, Region("北海街道"));
        var atDistrictLevel = await RegisterIdAsync(district, Region("越城区"));
        var inOtherDistrict = await RegisterIdAsync(city, Region("柯桥街道"));
        // What a unit registered stays in its worklist even when the petition's region is not its own (moved here in the database).
        var registeredByTown = await RegisterIdAsync(town, Region("府山街道"));
        using (var db = TestDatabase.Open(Api))
        {
            TestDatabase.Strings(db, """
                UPDATE intake_petitions
                SET region_path = '/330600/330603/330603001/', district_path = '/330600/330603/', town_path = '/330600/330603/330603001/'
                WHERE id = $id
                """, ("$id", registeredByTown));
        }

        var townList = await AllIdsAsync(town);
        Assert.That(townList, Is.SupersetOf(new[] { inTown, atTownLevel, registeredByTown }));
        Assert.That(townList, Has.None.AnyOf(inOtherTown, atDistrictLevel, inOtherDistrict));

        var districtList = await AllIdsAsync(district);
        Assert.That(districtList, Is.SupersetOf(new[] { inTown, atTownLevel, inOtherTown, atDistrictLevel }));
        Assert.That(districtList, Has.None.AnyOf(inOtherDistrict, registeredByTown));

        Assert.That(await AllIdsAsync(city), Is.SupersetOf(new[] { inTown, inOtherTown, atDistrictLevel, inOtherDistrict, registeredByTown }));
    }

    private async Task<string> RegisterIdAsync(HttpClient client, Guid region) =>
        (await IntakeData.RegisterAsync(client, Data.Registration(region)))["id"]!.GetValue<string>();

    /// <summary>Every page of the worklist, two at a time: no petition twice, newest first across the pages.</summary>
    private static async Task<List<string>> AllIdsAsync(HttpClient client)
    {
        var items = await AllPagesAsync(client, "channel=visit", 2);
        Assert.That(items.Select(i => i["receivedAt"]!.GetValue<DateTimeOffset>()), Is.Ordered.Descending);
        var ids = items.Select(i => i["id"]!.GetValue<string>()).ToList();
        Assert.That(ids, Is.Unique);
        return ids;
    }

    private static async Task<List<JsonNode>> AllPagesAsync(HttpClient client, string filter, int limit)
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/petitions?{filter}&limit={limit}{(cursor is null ? "" : $"&cursor={cursor}")}")).ShouldBeOkAsync<JsonObject>();
            items.AddRange(page["items"]!.AsArray().Select(n => n!));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return items;
    }

    private static Task<JsonObject> UploadAsync(HttpClient client, string petitionId, string name, byte[] content) =>
        FileUploads.UploadAsync(client, $"/api/v1/petitions/{petitionId}/attachments", name, content);
}
