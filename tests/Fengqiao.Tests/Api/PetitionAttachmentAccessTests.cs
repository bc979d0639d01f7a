using System.Net;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>Files are added to a petition by those who work on it: the petition bureau within its jurisdiction and whoever registered it.</summary>
public sealed class PetitionAttachmentAccessTests : IntakeTestBase
{
    [TestCase("district.petition_officer")]
    [TestCase("city.petition_officer")]
    public async Task PetitionBureau_WithinItsJurisdiction_AddsAFile(string user)
    {
        var petitionId = await RegisteredByAsync("district.petition_officer");
        using var client = await Api.ClientForAsync(user);
        await FileUploads.UploadAsync(client, AttachmentsOf(petitionId), "证明材料.pdf", FileUploads.Pdf);
    }

    /// <summary>A leader reads the petitions of its jurisdiction, so it is told it may not; an agent reads only its own, so it is not found.</summary>
    [TestCase("city.leader", HttpStatusCode.Forbidden)]
    [TestCase("district.leader", HttpStatusCode.Forbidden)]
    [TestCase("city.agent", HttpStatusCode.NotFound)]
    [TestCase("district.agent", HttpStatusCode.NotFound)]
    public async Task LeaderOrAgent_WhoDidNotRegisterIt_IsRefused(string user, HttpStatusCode expected)
    {
        var petitionId = await RegisteredByAsync("district.petition_officer");
        using var client = await Api.ClientForAsync(user);
        await (await FileUploads.PostFileAsync(client, AttachmentsOf(petitionId), "材料.pdf", FileUploads.Pdf)).ShouldBeProblemAsync(expected);
        Assert.That(await AttachmentCountAsync(petitionId), Is.Zero);
    }

    [TestCase("city.handler")]
    [TestCase("district.handler")]
    public async Task Handler_AddsFilesToItsCaseNotToThePetition_Gets403(string user)
    {
        var petitionId = await RegisteredByAsync("district.petition_officer");
        using var client = await Api.ClientForAsync(user);
        await (await FileUploads.PostFileAsync(client, AttachmentsOf(petitionId), "材料.pdf", FileUploads.Pdf)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await AttachmentCountAsync(petitionId), Is.Zero);
    }

    [TestCase("district.agent", HttpStatusCode.NotFound)]
    [TestCase("district.leader", HttpStatusCode.Forbidden)]
    public async Task WhoeverRegisteredIt_AddsAFile_AnotherOfTheSameRoleDoesNot(string user, HttpStatusCode otherGets)
    {
        var petitionId = await RegisteredByAsync(user);
        using var registrar = await Api.ClientForAsync(user);
        await FileUploads.UploadAsync(registrar, AttachmentsOf(petitionId), "信访人补充材料.pdf", FileUploads.Pdf);

        using var other = await Api.ClientForAsync(user.Replace("district.", "city.", StringComparison.Ordinal));
        await (await FileUploads.PostFileAsync(other, AttachmentsOf(petitionId), "材料.pdf", FileUploads.Pdf)).ShouldBeProblemAsync(otherGets);
        Assert.That(await AttachmentCountAsync(petitionId), Is.EqualTo(1));
    }

    private static string AttachmentsOf(Guid petitionId) => $"/api/v1/petitions/{petitionId}/attachments";

    private async Task<Guid> RegisteredByAsync(string user)
    {
        using var registrar = await Api.ClientForAsync(user);
        var petition = await IntakeData.RegisterAsync(registrar, Data.Registration(Region("塔山街道")));
        return Guid.Parse(petition["id"]!.GetValue<string>());
    }

    private async Task<int> AttachmentCountAsync(Guid petitionId)
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var petition = await (await officer.GetAsync($"/api/v1/petitions/{petitionId}")).ShouldBeOkAsync<System.Text.Json.Nodes.JsonObject>();
        return petition["attachments"]!.AsArray().Count;
    }
}
