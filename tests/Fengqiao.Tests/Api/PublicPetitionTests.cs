using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

public sealed class PublicPetitionTests : IntakeTestBase
{
    protected override Dictionary<string, string?> Settings => new() { ["RateLimits:PublicPerMinute"] = "1000" };

    [Test]
    public async Task Submission_GivesCodeAndSecret_ThatShowOnlyThePublicTimeline()
    {
        using var anonymous = Api.CreateClient();
        var credentials = await (await anonymous.PostAsJsonAsync("/api/v1/public/petitions", PublicRequest())).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var code = credentials["trackingCode"]!.GetValue<string>();
        var secret = credentials["secret"]!.GetValue<string>();

        using var officer = await Api.ClientForAsync("district.petition_officer");
        var listed = await (await officer.GetAsync("/api/v1/petitions?channel=online&limit=100")).ShouldBeOkAsync<JsonObject>();
        var petitionId = listed["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).First();
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{petitionId}/links",
            new { otherPetitionId = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"))))["id"]!.GetValue<string>() }, 1)).ShouldBeOkAsync<JsonObject>();

        var tracked = await (await Track(anonymous, code, secret)).ShouldBeOkAsync<JsonObject>();
        Assert.That(tracked["status"]!.GetValue<string>(), Is.EqualTo("registered"));
        var kinds = tracked["timeline"]!.AsArray().Select(t => t!["kind"]!.GetValue<string>()).ToList();
        Assert.That(kinds, Is.EqualTo(new[] { "registered" }), "internal entries such as links are not shown");
        Assert.That(tracked.ToJsonString(), Does.Not.Contain("petitioner").And.Not.Contain("idNumber"));

        var supplement = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/public/petitions/{code}/supplements") { Content = JsonContent.Create(new { text = "补充：问题已持续两个月。" }) };
        supplement.Headers.Add("X-Tracking-Secret", secret);
        Assert.That((await anonymous.SendAsync(supplement)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var after = await (await Track(anonymous, code, secret)).ShouldBeOkAsync<JsonObject>();
        Assert.That(after["timeline"]!.AsArray().Last()!["text"]!.GetValue<string>(), Is.EqualTo("补充：问题已持续两个月。"));
    }

    [Test]
    public async Task WrongSecretAndUnknownCode_LookTheSame()
    {
        using var anonymous = Api.CreateClient();
        var credentials = await (await anonymous.PostAsJsonAsync("/api/v1/public/petitions", PublicRequest())).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var wrongSecret = await (await Track(anonymous, credentials["trackingCode"]!.GetValue<string>(), "WRONG123")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var unknownCode = await (await Track(anonymous, "FQNOSUCHCODE", "WRONG123")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.That(wrongSecret["detail"]!.GetValue<string>(), Is.EqualTo(unknownCode["detail"]!.GetValue<string>()));
    }

    [Test]
    public async Task InvalidSubmission_Returns400()
    {
        using var anonymous = Api.CreateClient();
        var request = PublicRequest();
        request["phone"] = "123";
        request["idNumber"] = "330602198001011230";
        var problem = await (await anonymous.PostAsJsonAsync("/api/v1/public/petitions", request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "phone" }));
    }

    [Test]
    public async Task PublicSubmission_IsRateLimited()
    {
        using var limited = new ApiFactory(settings: new() { ["RateLimits:PublicPerMinute"] = "1" });
        using var anonymous = limited.CreateClient();
        await anonymous.PostAsJsonAsync("/api/v1/public/petitions", new { });
        var second = await anonymous.PostAsJsonAsync("/api/v1/public/petitions", new { });
        await second.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(second.Headers.RetryAfter, Is.Not.Null);
    }

    private JsonObject PublicRequest() => new()
    {
        ["name"] = Data.Name(),
        ["idNumber"] = Data.NewIdNumber(),
        ["phone"] = Data.MobilePhone(),
        ["address"] = "绍兴市越城区塔山街道",
        ["regionId"] = Region("塔山街道").ToString(),
        ["category"] = "property_management",
        ["request"] = Data.Request(),
        ["facts"] = "",
        ["reasons"] = "",
    };

    private static async Task<HttpResponseMessage> Track(HttpClient client, string code, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/petitions/{code}");
        request.Headers.Add("X-Tracking-Secret", secret);
        return await client.SendAsync(request);
    }
}
