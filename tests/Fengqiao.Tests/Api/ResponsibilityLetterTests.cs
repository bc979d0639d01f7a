using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>
/// Responsibility letters 责任书 are signed level by level each year (district → town → village) by leaders and admins of
/// the issuing region; the coverage counts them against the towns and villages that should hold one.
/// </summary>
public sealed class ResponsibilityLetterTests : IntakeTestBase
{
    private const string District = "越城区";
    private const string Town = "府山街道";
    private const string OtherTown = "塔山街道";

    /// <summary>The demo data signed this year's letters; the tests sign next year's, dated today (a letter may be signed the year before).</summary>
    private static readonly int NextYear = JointMeetingTests.Today.Year + 1;

    private static readonly string[] NonReaders = ["handler", "mediator", "suggestion_reviewer", "discipline_inspector", "agent"];

    [Test]
    public async Task DemoData_CoversEveryTownOfYuecheng_WithAJointMeetingSystemAndThisYearsLetter()
    {
        using var analyst = await Api.ClientForAsync("district.analyst");
        var coverage = await (await analyst.GetAsync("/api/v1/organization-coverage")).ShouldBeOkAsync<JsonObject>();
        var total = coverage["total"]!;
        Assert.Multiple(() =>
        {
            Assert.That(coverage["regionName"]!.GetValue<string>(), Is.EqualTo(District), "without a region: the caller's own");
            Assert.That(coverage["year"]!.GetValue<int>(), Is.EqualTo(JointMeetingTests.Today.Year));
            Assert.That(total["towns"]!.GetValue<int>(), Is.EqualTo(17));
            Assert.That(total["townsWithJointMeeting"]!.GetValue<int>(), Is.EqualTo(17));
            Assert.That(total["townLetters"]!.GetValue<int>(), Is.EqualTo(17));
            Assert.That(total["villageLetters"]!.GetValue<int>(), Is.EqualTo(total["villages"]!.GetValue<int>()));
        });

        using var city = await Api.ClientForAsync("city.analyst");
        var cityCoverage = await (await city.GetAsync("/api/v1/organization-coverage")).ShouldBeOkAsync<JsonObject>();
        var districts = cityCoverage["districts"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(districts, Has.Count.EqualTo(6));
            Assert.That(cityCoverage["total"]!["towns"]!.GetValue<int>(), Is.EqualTo(districts.Sum(d => d!["towns"]!.GetValue<int>())));
            Assert.That(cityCoverage["total"]!["townsWithJointMeeting"]!.GetValue<int>(), Is.LessThan(cityCoverage["total"]!["towns"]!.GetValue<int>()),
                "outside 越城区 only some towns have a system");
        });
    }

    [Test]
    public async Task SignLetters_LevelByLevel_AreListedAndCounted_AndOnlyTheIssuingSideAttachesTheFile()
    {
        using var district = await Api.ClientForAsync("district.leader");
        using var town = await Api.ClientForAsync("town.leader");
        var village = await FushanVillageAsync();
        var before = await LettersCountedAsync(district);

        var response = await district.PostAsJsonAsync("/api/v1/responsibility-letters", Letter(Region(District), Region(Town)));
        var letterId = (await response.ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<string>();
        Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
        await (await town.PostAsJsonAsync("/api/v1/responsibility-letters", Letter(Region(Town), village))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        var letter = await (await town.GetAsync($"/api/v1/responsibility-letters/{letterId}")).ShouldBeOkAsync<JsonObject>();
        Assert.Multiple(() =>
        {
            Assert.That(letter["issuingRegionName"]!.GetValue<string>(), Is.EqualTo(District));
            Assert.That(letter["receivingRegionName"]!.GetValue<string>(), Is.EqualTo(Town));
            Assert.That(letter["receivingLevel"]!.GetValue<string>(), Is.EqualTo("town"));
            Assert.That(letter["signatories"]!.AsArray().Select(s => s!["post"]!.GetValue<string>()), Is.EqualTo(new[] { "区长", "街道办事处主任" }));
            Assert.That(letter["file"], Is.Null);
        });

        var villageLetters = await (await district.GetAsync($"/api/v1/responsibility-letters?year={NextYear}&receivingLevel=village")).ShouldBeOkAsync<JsonObject>();
        Assert.That(villageLetters["items"]!.AsArray().Select(l => l!["receivingRegionId"]!.GetValue<string>()), Is.EqualTo(new[] { village.ToString() }));
        Assert.That(await LettersCountedAsync(district), Is.EqualTo((before.Towns + 1, before.Villages + 1)));

        var again = await (await district.PostAsJsonAsync("/api/v1/responsibility-letters", Letter(Region(District), Region(Town)))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("responsibility_letter_exists"));
        await (await PostFileAsync(town, $"/api/v1/responsibility-letters/{letterId}/file", 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.That(EventTypes(letterId), Is.EqualTo(new[] { "Organization.ResponsibilityLetterSigned" }));
        Assert.That(AuditActions(letterId), Is.EqualTo(new[] { "responsibility_letter.signed" }));
    }

    [Test]
    public async Task SignLetter_SkippingALevel_OrFromOutsideTheJurisdiction_Returns400NamingTheField()
    {
        using var district = await Api.ClientForAsync("district.leader");
        var skipping = await (await district.PostAsJsonAsync("/api/v1/responsibility-letters", Letter(Region(District), await FushanVillageAsync())))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(skipping["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "receivingRegionId" }), "district → village skips the town");

        using var town = await Api.ClientForAsync("town.leader");
        var above = await (await town.PostAsJsonAsync("/api/v1/responsibility-letters", Letter(Region(District), Region(OtherTown))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(above["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "issuingRegionId" }));

        using var cityAdmin = await Api.ClientForAsync("city.admin");
        var cityUnit = await UserAdminTests.UnitIdAsync(cityAdmin, "绍兴市信访局");
        var unit = await (await district.PostAsJsonAsync("/api/v1/responsibility-letters", Letter(Region(District), Region(OtherTown)) with { IssuingUnitId = cityUnit }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(unit["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "issuingUnitId" }));
    }

    [Test]
    public async Task SignLetter_WithInvalidFields_Returns400ListingEachField()
    {
        using var district = await Api.ClientForAsync("district.leader");
        var problem = await (await district.PostAsJsonAsync("/api/v1/responsibility-letters",
                new { year = 1999, issuingRegionId = Guid.Empty, receivingRegionId = Guid.Empty, signatories = new[] { new { name = "", post = "镇长" } }, signedOn = "2026-01-05" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key),
            Is.EquivalentTo(new[] { "year", "issuingRegionId", "receivingRegionId", "signatories[0].name", "signedOn" }));
    }

    [Test]
    public async Task LetterFile_NeedsIfMatch_IsAttachedOnceByTheIssuingSide_AndDownloadedByBoth()
    {
        using var district = await Api.ClientForAsync("district.leader");
        var created = await (await district.PostAsJsonAsync("/api/v1/responsibility-letters", Letter(Region(District), Region("北海街道"))))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var url = $"/api/v1/responsibility-letters/{created["id"]}/file";

        await (await PostFileAsync(district, url, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await PostFileAsync(district, url, 7)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var attached = await PostFileAsync(district, url, 1);
        Assert.That((await attached.ShouldBeOkAsync<JsonObject>())["version"]!.GetValue<long>(), Is.EqualTo(2));
        var again = await (await PostFileAsync(district, url, 2)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("responsibility_letter_has_file"));

        var letter = await (await district.GetAsync($"/api/v1/responsibility-letters/{created["id"]}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(letter["file"]!["fileName"]!.GetValue<string>(), Is.EqualTo("责任书.pdf"));
        Assert.That(await (await district.GetAsync(url)).Content.ReadAsByteArrayAsync(), Is.EqualTo(FileUploads.Pdf));
    }

    [Test]
    public async Task LettersOutsideTheJurisdiction_Answer404_AsDoesCoverageOfADistrictAboveTheCaller()
    {
        using var district = await Api.ClientForAsync("district.leader");
        var toOtherTown = await (await district.PostAsJsonAsync("/api/v1/responsibility-letters", Letter(Region(District), Region(OtherTown))))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        using var town = await Api.ClientForAsync("town.leader");

        foreach (var id in new[] { toOtherTown["id"]!.GetValue<string>(), Guid.NewGuid().ToString() })
        {
            await (await town.GetAsync($"/api/v1/responsibility-letters/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await town.GetAsync($"/api/v1/responsibility-letters/{id}/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await PostFileAsync(town, $"/api/v1/responsibility-letters/{id}/file", 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        var listed = await (await town.GetAsync($"/api/v1/responsibility-letters?year={NextYear}&limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(listed["items"]!.AsArray().Select(l => l!["receivingRegionName"]!.GetValue<string>()), Has.None.EqualTo(OtherTown));

        var districtCoverage = await (await town.GetAsync($"/api/v1/organization-coverage?regionId={Region(District)}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.That(districtCoverage["status"]!.GetValue<int>(), Is.EqualTo(404));
        var ownCoverage = await (await town.GetAsync("/api/v1/organization-coverage")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(ownCoverage["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "regionId" }), "a town has no coverage of its own");
    }

    [TestCaseSource(nameof(NonReaders))]
    public async Task Letters_ForRolesThatNeitherKeepNorReadThem_Return403(string role)
    {
        using var client = await Api.ClientForAsync($"district.{role}");
        await (await client.GetAsync("/api/v1/responsibility-letters")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync("/api/v1/responsibility-letters", Letter(Region(District), Region(Town)))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task CorrectAndWithdraw_AreAudited_AndAWithdrawnLetterNoLongerCounts_SoThePairMaySignAgain()
    {
        using var district = await Api.ClientForAsync("district.leader");
        var before = await LettersCountedAsync(district);
        var id = await SignAsync(district, "东湖街道");
        Assert.That(await LettersCountedAsync(district), Is.EqualTo((before.Towns + 1, before.Villages)));

        var corrected = await SendWithIfMatch(district, HttpMethod.Put, $"/api/v1/responsibility-letters/{id}",
            Correction([new SignatoryBody("王强", "区委书记"), new SignatoryBody("陈静", "街道党工委书记")]), 1);
        Assert.That((await corrected.ShouldBeOkAsync<JsonObject>())["version"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(corrected.Headers.ETag!.Tag, Is.EqualTo("\"2\""));
        var letter = await (await district.GetAsync($"/api/v1/responsibility-letters/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(letter["signatories"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "王强", "陈静" }));
        Assert.That(letter["withdrawal"], Is.Null);

        await (await SendWithIfMatch(district, HttpMethod.Post, $"/api/v1/responsibility-letters/{id}/withdrawal", new { reason = "误录：该街道责任书尚未签订。" }, 2))
            .ShouldBeOkAsync<JsonObject>();
        letter = await (await district.GetAsync($"/api/v1/responsibility-letters/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(letter["withdrawal"]!["reason"]!.GetValue<string>(), Is.EqualTo("误录：该街道责任书尚未签订。"));
        Assert.That(letter["version"]!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(await LettersCountedAsync(district), Is.EqualTo(before), "a withdrawn letter does not count");
        var listed = await (await district.GetAsync($"/api/v1/responsibility-letters?year={NextYear}&limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(listed["items"]!.AsArray().Select(l => l!["id"]!.GetValue<string>()), Does.Contain(id), "kept and listed as withdrawn");

        var again = await SignAsync(district, "东湖街道");
        Assert.That(await LettersCountedAsync(district), Is.EqualTo((before.Towns + 1, before.Villages)));
        Assert.That(again, Is.Not.EqualTo(id));
        Assert.That(EventTypes(id), Is.EqualTo(new[]
        {
            "Organization.ResponsibilityLetterSigned", "Organization.ResponsibilityLetterCorrected", "Organization.ResponsibilityLetterWithdrawn",
        }));
        Assert.That(AuditActions(id), Is.EqualTo(new[] { "responsibility_letter.signed", "responsibility_letter.corrected", "responsibility_letter.withdrawn" }));
        using var db = TestDatabase.Open(Api);
        var trail = TestDatabase.Strings(db, "SELECT before_json || ' -> ' || after_json FROM audit_entries WHERE object_id = $id AND action = 'responsibility_letter.corrected'", ("$id", id)).Single();
        Assert.That(trail, Does.Contain("张伟").And.Contain("王强").And.Contain("签字人记录有误"), "the trail keeps the letter before and after, and why");
    }

    [Test]
    public async Task CorrectAndWithdraw_NeedIfMatch_AnswerStaleVersionsWith412_AndChangeNoWithdrawnLetter()
    {
        using var district = await Api.ClientForAsync("district.leader");
        var id = await SignAsync(district, "迪荡街道");
        var url = $"/api/v1/responsibility-letters/{id}";
        var correction = Correction([new SignatoryBody("王强", "区委书记")]);

        await (await district.PutAsJsonAsync(url, correction)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await district.PostAsJsonAsync($"{url}/withdrawal", new { reason = "误录" })).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(district, HttpMethod.Put, url, correction, 1)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(district, HttpMethod.Put, url, correction, 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await SendWithIfMatch(district, HttpMethod.Post, $"{url}/withdrawal", new { reason = "误录" }, 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        await (await SendWithIfMatch(district, HttpMethod.Post, $"{url}/withdrawal", new { reason = "误录" }, 2)).ShouldBeOkAsync<JsonObject>();
        foreach (var change in new[]
                 {
                     await SendWithIfMatch(district, HttpMethod.Put, url, correction, 3),
                     await SendWithIfMatch(district, HttpMethod.Post, $"{url}/withdrawal", new { reason = "误录" }, 3),
                     await PostFileAsync(district, $"{url}/file", 3),
                 })
        {
            var problem = await change.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("responsibility_letter_withdrawn"));
        }
    }

    [Test]
    public async Task CorrectAndWithdraw_WithInvalidFields_Return400NamingEachField()
    {
        using var district = await Api.ClientForAsync("district.leader");
        var id = await SignAsync(district, "皋埠街道");
        var url = $"/api/v1/responsibility-letters/{id}";

        var fields = await (await SendWithIfMatch(district, HttpMethod.Put, url,
                new { issuingUnitId = Guid.Empty, signatories = new[] { new { name = "", post = "区长" } }, signedOn = "2026-01-05", reason = "" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(fields["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "issuingUnitId", "signatories[0].name", "reason" }));

        var twoYearsBefore = Correction([new SignatoryBody("王强", "区委书记")]) with { SignedOn = new DateOnly(NextYear - 2, 12, 1) };
        var day = await (await SendWithIfMatch(district, HttpMethod.Put, url, twoYearsBefore, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(day["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "signedOn" }));

        using var cityAdmin = await Api.ClientForAsync("city.admin");
        var cityUnit = await UserAdminTests.UnitIdAsync(cityAdmin, "绍兴市信访局");
        var unit = await (await SendWithIfMatch(district, HttpMethod.Put, url, Correction([new SignatoryBody("王强", "区委书记")]) with { ReceivingUnitId = cityUnit }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(unit["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "receivingUnitId" }));

        var reason = await (await SendWithIfMatch(district, HttpMethod.Post, $"{url}/withdrawal", new { reason = " " }, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(reason["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "reason" }));
        Assert.That(AuditActions(id), Is.EqualTo(new[] { "responsibility_letter.signed" }), "nothing changed");
    }

    /// <summary>
    /// The receiving side (府山街道, of this year's demo letter from the district) reads the letter but changes nothing on it, and a
    /// neighbouring town's letter is out of reach: 404, as for a missing one.
    /// </summary>
    [Test]
    public async Task CorrectAndWithdraw_ByTheReceivingSide_OrOutsideTheJurisdiction_Return404()
    {
        using var district = await Api.ClientForAsync("district.leader");
        var thisYear = await (await district.GetAsync($"/api/v1/responsibility-letters?year={NextYear - 1}&receivingLevel=town&regionId={Region(Town)}"))
            .ShouldBeOkAsync<JsonObject>();
        var toFushan = thisYear["items"]!.AsArray().Single()!["id"]!.GetValue<string>();
        var toOtherTown = await SignAsync(district, "鉴湖街道");
        using var town = await Api.ClientForAsync("town.leader");
        await (await town.GetAsync($"/api/v1/responsibility-letters/{toFushan}")).ShouldBeOkAsync<JsonObject>();

        foreach (var id in new[] { toFushan, toOtherTown, Guid.NewGuid().ToString() })
        {
            await (await SendWithIfMatch(town, HttpMethod.Put, $"/api/v1/responsibility-letters/{id}", Correction([new SignatoryBody("王强", "镇长")]), 1))
                .ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/responsibility-letters/{id}/withdrawal", new { reason = "误录" }, 1))
                .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.That(AuditActions(toFushan), Has.None.Contains("corrected").And.None.Contains("withdrawn"));
    }

    /// <summary>Readers who keep no letters (petition officers, supervisors, analysts) and those who read none are refused before any lookup.</summary>
    [TestCase("petition_officer")]
    [TestCase("analyst")]
    [TestCase("supervisor")]
    [TestCase("handler")]
    public async Task CorrectAndWithdraw_ForRolesThatDoNotKeepLetters_Return403(string role)
    {
        using var client = await Api.ClientForAsync($"district.{role}");
        var id = Guid.NewGuid();
        await (await SendWithIfMatch(client, HttpMethod.Put, $"/api/v1/responsibility-letters/{id}", Correction([new SignatoryBody("王强", "区长")]), 1))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await SendWithIfMatch(client, HttpMethod.Post, $"/api/v1/responsibility-letters/{id}/withdrawal", new { reason = "误录" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static CorrectionBody Correction(SignatoryBody[] signatories) => new(null, null, signatories, JointMeetingTests.Today, "签字人记录有误，按原件更正。");

    /// <summary>Next year's letter of 越城区 with the town, whose id it answers; each test takes its own town, since a pair signs once a year.</summary>
    private async Task<string> SignAsync(HttpClient district, string town)
    {
        var created = await (await district.PostAsJsonAsync("/api/v1/responsibility-letters", Letter(Region(District), Region(town)))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        return created["id"]!.GetValue<string>();
    }

    private static LetterBody Letter(Guid issuing, Guid receiving) =>
        new(NextYear, issuing, null, receiving, null, [new SignatoryBody("张伟", "区长"), new SignatoryBody("李娜", "街道办事处主任")], JointMeetingTests.Today);

    /// <summary>Next year's letters the district's coverage counts: district → town, town → village.</summary>
    private async Task<(int Towns, int Villages)> LettersCountedAsync(HttpClient client)
    {
        var coverage = await (await client.GetAsync($"/api/v1/organization-coverage?regionId={Region(District)}&year={NextYear}")).ShouldBeOkAsync<JsonObject>();
        return (coverage["total"]!["townLetters"]!.GetValue<int>(), coverage["total"]!["villageLetters"]!.GetValue<int>());
    }

    private static Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, long? version)
    {
        var file = new ByteArrayContent(FileUploads.Pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new MultipartFormDataContent { { file, "file", "责任书.pdf" } } };
        if (version is { } v)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        }

        return client.SendAsync(request);
    }

    private List<string> EventTypes(string id)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT type FROM outbox_messages WHERE payload LIKE $id ORDER BY stored_at", ("$id", $"%{id}%"));
    }

    private List<string> AuditActions(string objectId)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT action FROM audit_entries WHERE object_id = $id ORDER BY sequence", ("$id", objectId));
    }

    private sealed record SignatoryBody(string Name, string Post);

    private sealed record CorrectionBody(Guid? IssuingUnitId, Guid? ReceivingUnitId, SignatoryBody[] Signatories, DateOnly SignedOn, string Reason);

    private sealed record LetterBody(int Year, Guid IssuingRegionId, Guid? IssuingUnitId, Guid ReceivingRegionId, Guid? ReceivingUnitId, SignatoryBody[] Signatories, DateOnly SignedOn);
}
