using System.Net;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

public sealed class HostTests
{
    private ApiFactory _api = null!;

    [OneTimeSetUp]
    public void Start() => _api = new ApiFactory();

    [OneTimeTearDown]
    public void Stop() => _api.Dispose();

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_AnswersHealthyWithoutSignIn(string path)
    {
        using var client = _api.CreateClient();
        var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public void PasswordIterations_BelowOwaspMinimum_StopTheHostAtStart()
    {
        using var weak = new ApiFactory(settings: new() { ["Passwords:Iterations"] = "10000" });
        var failure = Assert.Catch(() => weak.CreateClient());
        Assert.That(failure!.ToString(), Does.Contain("Passwords:Iterations must be at least 210000"));
    }

    [Test]
    public async Task UnknownApiPath_Answers404ProblemDetails()
    {
        using var client = await _api.ClientForAsync("city.admin");
        await (await client.GetAsync("/api/v1/no-such-thing")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task MalformedId_Answers404NotAStackTrace()
    {
        using var client = await _api.ClientForAsync("city.admin");
        await (await client.GetAsync("/api/v1/users/not-a-guid")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task SignInEndpoints_AreRateLimitedPerClient()
    {
        using var limited = new ApiFactory(settings: new() { ["RateLimits:AuthenticationPerMinute"] = "2" });
        using var client = limited.CreateClient();
        var body = new { userName = "", password = "" };
        await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/v1/auth/token", body);
        await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/v1/auth/token", body);
        var third = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/v1/auth/token", body);
        await third.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(third.Headers.RetryAfter, Is.Not.Null);
    }
}
