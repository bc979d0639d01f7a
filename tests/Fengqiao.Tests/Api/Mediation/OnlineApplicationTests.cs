using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Mediation;

public sealed class OnlineApplicationTests : MediationTestBase
{
    private const string Url = "/api/v1/public/mediation-applications";

    protected override Dictionary<string, string?> Settings => new() { ["RateLimits:PublicPerMinute"] = "1000" };

    private object Application(string regionName = "府山街道") => new
    {
        disputeType = "property_management",
        regionId = Region(regionName),
        applicantName = "陈女士",
        applicantPhone = "13857512345",
        otherSide = new { kind = "organisation", name = "某物业服务有限公司", phone = (string?)null, organisationCode = (string?)null },
        summary = "小区电梯长期故障，物业未及时维修。",
        claims = "请求物业限期修复电梯并减免当月物业费。",
        amountClaimed = 600m,
    };

    private static HttpRequestMessage WithSecret(HttpMethod method, string url, string secret, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Tracking-Secret", secret);
        return request;
    }

    [Test]
    public async Task AnApplication_IsTrackedWithItsSecret_SeenByTheMediators_AndWithdrawn()
    {
        using var anonymous = Api.CreateClient();
        var applied = await anonymous.PostAsJsonAsync(Url, Application());
        Assert.That(applied.Headers.CacheControl?.NoStore, Is.True, "the answer carries the secret");
        var credentials = await applied.ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var code = credentials["trackingCode"]!.GetValue<string>();
        var secret = credentials["secret"]!.GetValue<string>();

        var tracked = await anonymous.SendAsync(WithSecret(HttpMethod.Get, $"{Url}/{code}", secret));
        Assert.That(tracked.Headers.CacheControl?.NoStore, Is.True);
        var view = await tracked.ShouldBeOkAsync<JsonObject>();
        Assert.That((view["status"]!.GetValue<string>(), view["mayWithdraw"]!.GetValue<bool>(), view["sessions"]!.AsArray().Count), Is.EqualTo(("registered", true, 0)));
        Assert.That(view.ToJsonString(), Does.Not.Contain("13857512345").And.Not.Contain("陈女士"), "no party data on the public page");
        await (await anonymous.SendAsync(WithSecret(HttpMethod.Get, $"{Url}/{code}", "wrong-secret"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.SendAsync(WithSecret(HttpMethod.Get, $"{Url}/TJ-NOSUCHCODE", secret))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var mediator = await Api.ClientForAsync("district.mediator");
        var listed = await (await mediator.GetAsync("/api/v1/mediation/disputes?source=online_application&limit=100")).ShouldBeOkAsync<JsonObject>();
        var item = listed["items"]!.AsArray().Single(d => d!["number"]!.GetValue<string>() == view["number"]!.GetValue<string>())!;
        Assert.That((item["applicantNames"]!.GetValue<string>(), item["roomId"]), Is.EqualTo(("陈女士", (JsonNode?)null)));

        var bad = await (await anonymous.SendAsync(WithSecret(HttpMethod.Post, $"{Url}/{code}/withdrawal", secret, new { reason = " " }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "reason" }));
        await (await anonymous.SendAsync(WithSecret(HttpMethod.Post, $"{Url}/{code}/withdrawal", "wrong-secret", new { reason = "已与物业协商解决。" })))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var withdrawn = await anonymous.SendAsync(WithSecret(HttpMethod.Post, $"{Url}/{code}/withdrawal", secret, new { reason = "已与物业协商解决。" }));
        Assert.That(withdrawn.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        view = await (await anonymous.SendAsync(WithSecret(HttpMethod.Get, $"{Url}/{code}", secret))).ShouldBeOkAsync<JsonObject>();
        Assert.That((view["status"]!.GetValue<string>(), view["mayWithdraw"]!.GetValue<bool>()), Is.EqualTo(("withdrawn", false)));
        using (var db = TestDatabase.Open(Api))
        {
            Assert.That(TestDatabase.Strings(db, "SELECT type FROM outbox_messages WHERE payload LIKE $id", ("$id", $"%{item["id"]!.GetValue<string>()}%")),
                Does.Contain("Mediation.DisputeWithdrawn"), "published as a mediator's withdrawal is");
        }

        var again = await (await anonymous.SendAsync(WithSecret(HttpMethod.Post, $"{Url}/{code}/withdrawal", secret, new { reason = "再次撤回。" })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("dispute_action_not_allowed"));
    }

    [Test]
    public async Task AnApplication_NamesItsBadFields()
    {
        using var anonymous = Api.CreateClient();
        var bad = await (await anonymous.PostAsJsonAsync(Url, new
        {
            disputeType = "no_such_type", regionId = Region("府山街道"), applicantName = "", applicantPhone = "12345",
            otherSide = new { kind = "person", name = "王某", phone = (string?)null, organisationCode = "91330602MA2BXXXX1X" },
            summary = "事由。", claims = "请求。", amountClaimed = -1m,
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "applicantName", "applicantPhone", "otherSide.organisationCode", "amountClaimed" }));
        var unknownType = await (await anonymous.PostAsJsonAsync(Url, new
        {
            disputeType = "no_such_type", regionId = Region("府山街道"), applicantName = "陈女士", applicantPhone = "13857512345",
            otherSide = new { kind = "person", name = "王某" }, summary = "事由。", claims = "请求。",
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(unknownType["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "disputeType" }));
    }

    [Test]
    public async Task ThePublicPages_AreRateLimited()
    {
        using var limited = new ApiFactory(settings: new() { ["RateLimits:PublicPerMinute"] = "1" });
        using var anonymous = limited.CreateClient();
        await anonymous.PostAsJsonAsync(Url, new { });
        var second = await anonymous.GetAsync($"{Url}/TJ-ANYCODE");
        await second.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(second.Headers.RetryAfter, Is.Not.Null);
    }
}
