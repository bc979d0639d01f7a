using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Dispatch;

public sealed class CaseAttachmentTests : DispatchTestBase
{
    [Test]
    public async Task ReplyWithAttachment_StaffAndThePetitionerDownloadIt_AFileNotSentStaysInternal()
    {
        var (caseId, code, secret) = await OpenPublicCaseAsync();
        using var town = await SignedByTheTownAsync(caseId);
        var added = await FileUploads.UploadAsync(town, AttachmentsOf(caseId), "信访处理意见书.pdf", FileUploads.Pdf);
        Assert.That(added["contentType"]!.GetValue<string>(), Is.EqualTo("application/pdf"));
        Assert.That(added["sha256"]!.GetValue<string>(), Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(FileUploads.Pdf))));
        var sentId = added["id"]!.GetValue<string>();
        var draftId = (await FileUploads.UploadAsync(town, AttachmentsOf(caseId), "内部草稿.pdf", FileUploads.Pdf))["id"]!.GetValue<string>();

        await (await ChangeAsync(town, caseId, "reply", new { opinion = "support", text = "经核查，已责成物业清理，详见意见书。", attachmentIds = new[] { sentId } }))
            .ShouldBeOkAsync<JsonObject>();

        var detail = await CaseAsync(town, caseId);
        var files = detail["attachments"]!.AsArray().ToDictionary(a => a!["id"]!.GetValue<string>(), a => a!);
        Assert.That(files.Keys, Is.EquivalentTo(new[] { sentId, draftId }));
        Assert.That(files[sentId]["fileName"]!.GetValue<string>(), Is.EqualTo("信访处理意见书.pdf"));
        Assert.That(files[sentId]["repliedAt"], Is.Not.Null);
        Assert.That(files[draftId]["repliedAt"], Is.Null);
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var download = await officer.GetAsync($"{AttachmentsOf(caseId)}/{sentId}");
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(FileUploads.Pdf));
        Assert.That(download.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));

        using var citizen = CitizenWith(secret);
        var tracked = await (await citizen.GetAsync($"/api/v1/public/petitions/{code}/case")).ShouldBeOkAsync<JsonObject>();
        var sent = tracked["replyAttachments"]!.AsArray();
        Assert.That(sent.Select(a => a!["id"]!.GetValue<string>()), Is.EqualTo(new[] { sentId }));
        Assert.That(sent[0]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "id", "fileName", "contentType", "sizeBytes" }), "nothing internal");
        var publicDownload = await citizen.GetAsync($"/api/v1/public/petitions/{code}/case/attachments/{sentId}");
        Assert.That(publicDownload.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await publicDownload.Content.ReadAsByteArrayAsync(), Is.EqualTo(FileUploads.Pdf));
        await (await citizen.GetAsync($"/api/v1/public/petitions/{code}/case/attachments/{draftId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var guesser = CitizenWith("not-the-secret");
        await (await guesser.GetAsync($"/api/v1/public/petitions/{code}/case/attachments/{sentId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var db = TestDatabase.Open(Api);
        Assert.That(TestDatabase.Strings(db, "SELECT action FROM audit_entries WHERE object_id = $id", ("$id", caseId.ToString())), Does.Contain("case.attachment_added"));
    }

    [Test]
    public async Task Upload_OfAFileWhoseContentIsNotAnAcceptedType_Returns400()
    {
        var (caseId, _) = await OpenCaseAsync();
        using var town = await SignedByTheTownAsync(caseId);
        var problem = await (await FileUploads.PostFileAsync(town, AttachmentsOf(caseId), "意见书.pdf", FileUploads.ProgramNamedPdf))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "file" }));
        Assert.That((await CaseAsync(town, caseId))["attachments"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Reply_WithAnAttachmentOfAnotherCase_Returns400_AndTheCaseStaysUnreplied()
    {
        var (first, _) = await OpenCaseAsync();
        var (second, _) = await OpenCaseAsync();
        using var town = await SignedByTheTownAsync(first);
        (await SignedByTheTownAsync(second)).Dispose();
        var ofFirst = (await FileUploads.UploadAsync(town, AttachmentsOf(first), "意见书.pdf", FileUploads.Pdf))["id"]!.GetValue<string>();

        var problem = await (await ChangeAsync(town, second, "reply", new { opinion = "explain", text = "已解释说明。", attachmentIds = new[] { ofFirst } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "attachmentIds" }));
        Assert.That((await CaseAsync(town, second))["status"]!.GetValue<string>(), Is.EqualTo("in_progress"));
        Assert.That((await CaseAsync(town, first))["attachments"]![0]!["repliedAt"], Is.Null, "the failed reply sent nothing");
    }

    [Test]
    public async Task Attachments_OutsideTheJurisdictionAnswer404_AndOnlyTheLeadUnitUploads()
    {
        var (caseId, _) = await OpenCaseAsync();
        using var town = await SignedByTheTownAsync(caseId);
        var id = (await FileUploads.UploadAsync(town, AttachmentsOf(caseId), "意见书.pdf", FileUploads.Pdf))["id"]!.GetValue<string>();

        using var housing = await Api.ClientForAsync("district.handler");
        await (await housing.GetAsync($"{AttachmentsOf(caseId)}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var city = await Api.ClientForAsync("city.handler");
        await (await city.GetAsync($"{AttachmentsOf(caseId)}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var (otherCase, _) = await OpenCaseAsync();
        using var officer = await Api.ClientForAsync("district.petition_officer");
        await (await officer.GetAsync($"{AttachmentsOf(otherCase)}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        await (await FileUploads.PostFileAsync(housing, AttachmentsOf(caseId), "意见书.pdf", FileUploads.Pdf)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await FileUploads.PostFileAsync(officer, AttachmentsOf(caseId), "意见书.pdf", FileUploads.Pdf)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var analyst = await Api.ClientForAsync("district.analyst");
        await (await FileUploads.PostFileAsync(analyst, AttachmentsOf(caseId), "意见书.pdf", FileUploads.Pdf)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static string AttachmentsOf(Guid caseId) => $"/api/v1/cases/{caseId}/attachments";

    private HttpClient CitizenWith(string secret)
    {
        var citizen = Api.CreateClient();
        citizen.DefaultRequestHeaders.Add("X-Tracking-Secret", secret);
        return citizen;
    }

    /// <summary>Assigned to the town government and signed by its handler, who is returned: the case can be replied to.</summary>
    private async Task<HttpClient> SignedByTheTownAsync(Guid caseId)
    {
        await AssignAsync(caseId, TownGovernment);
        var town = await Api.ClientForAsync("town.handler");
        await (await ChangeAsync(town, caseId, "signature", new { })).ShouldBeOkAsync<JsonObject>();
        return town;
    }
}
