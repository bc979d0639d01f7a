using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Api.Dispatch;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>Every answer of the real server carries the security headers; answers carrying a tracking secret are never stored.</summary>
public sealed class SecurityHeaderTests : DispatchTestBase
{
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    private readonly string _spa = Path.Combine(Path.GetTempPath(), "fengqiao-tests", "spa-" + Guid.NewGuid().ToString("N"));

    protected override bool OverKestrel => true;

    protected override Dictionary<string, string?> Settings
    {
        get
        {
            Directory.CreateDirectory(_spa);
            File.WriteAllText(Path.Combine(_spa, "index.html"), "<!doctype html><html><body><div id=\"root\"></div><script type=\"module\" src=\"/assets/index.js\"></script></body></html>");
            var settings = base.Settings;
            settings["Spa:DistPath"] = _spa;
            settings["Outbox:Enabled"] = "false";
            return settings;
        }
    }

    [OneTimeTearDown]
    public void RemoveSpa() => Directory.Delete(_spa, recursive: true);

    [TestCase("/")]
    [TestCase("/cases/some-client-route")]
    [TestCase("/swagger/index.html")]
    [TestCase("/health/live")]
    public async Task Pages_CarryThePagePolicy_AndTheOtherHeaders(string path)
    {
        using var client = Api.CreateClient();
        var response = await client.GetAsync(path);

        Assert.That(response.IsSuccessStatusCode, Is.True, path);
        AssertHeaders(response, PagePolicy);
    }

    [Test]
    public async Task PagePolicy_RunsScriptsOnlyFromTheOrigin_AndIsNeverFramed()
    {
        var directives = PagePolicy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.That(directives["script-src"], Is.EqualTo("script-src 'self'"));
        Assert.That(directives["frame-ancestors"], Is.EqualTo("frame-ancestors 'none'"));
        Assert.That(directives["object-src"], Is.EqualTo("object-src 'none'"));

        using var client = Api.CreateClient();
        var page = await client.GetAsync("/");
        Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(PagePolicy), "the policy checked above is the one served");
    }

    [Test]
    public async Task ApiAnswers_AndErrors_CarryTheApiPolicy_AndTheOtherHeaders()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var counts = await officer.GetAsync("/api/v1/cases/counts");
        await counts.ShouldBeOkAsync<JsonObject>();
        AssertHeaders(counts, ApiPolicy);

        var missing = await officer.GetAsync("/api/v1/no-such-thing");
        await missing.ShouldBeProblemAsync(System.Net.HttpStatusCode.NotFound);
        AssertHeaders(missing, ApiPolicy);

        using var anonymous = Api.CreateClient();
        var refused = await anonymous.GetAsync("/api/v1/cases/counts");
        Assert.That(refused.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Unauthorized));
        AssertHeaders(refused, ApiPolicy);
    }

    [Test]
    public async Task PublicAnswers_CarryingATrackingSecret_AreNotStored()
    {
        using var anonymous = Api.CreateClient();
        var submitted = await anonymous.PostAsJsonAsync("/api/v1/public/petitions", new
        {
            name = Data.Name(),
            phone = Data.MobilePhone(),
            regionId = await FushanVillageAsync(),
            category = "urban_rural_construction",
            request = Data.Request(),
            facts = "小区楼道内堆放杂物长期无人清理。",
            reasons = "存在消防安全隐患。",
        });
        var credentials = await submitted.ShouldBeOkAsync<JsonObject>(System.Net.HttpStatusCode.Created);
        AssertNotStored(submitted);

        using var citizen = Api.CreateClient();
        citizen.DefaultRequestHeaders.Add("X-Tracking-Secret", credentials["secret"]!.GetValue<string>());
        var tracked = await citizen.GetAsync($"/api/v1/public/petitions/{credentials["trackingCode"]!.GetValue<string>()}");
        await tracked.ShouldBeOkAsync<JsonObject>();
        AssertNotStored(tracked);

        var (_, code, secret) = await OpenPublicCaseAsync();
        using var caseCitizen = Api.CreateClient();
        caseCitizen.DefaultRequestHeaders.Add("X-Tracking-Secret", secret);
        var publicCase = await caseCitizen.GetAsync($"/api/v1/public/petitions/{code}/case");
        await publicCase.ShouldBeOkAsync<JsonObject>();
        AssertNotStored(publicCase);
    }

    private static void AssertHeaders(HttpResponseMessage response, string policy)
    {
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(policy));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
        Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
        Assert.That(response.Headers.Contains("Server"), Is.False, "the answer does not name the server software");
    }

    private static void AssertNotStored(HttpResponseMessage response)
    {
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, response.RequestMessage!.RequestUri!.ToString());
        AssertHeaders(response, ApiPolicy);
    }
}
