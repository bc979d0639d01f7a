using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api;

/// <summary>
/// Guessing a password from many addresses: a name is locked per address after a few wrong passwords, and after many more
/// from all addresses together every sign-in to it is delayed, by a time that doubles with each further wrong password.
/// Unknown names answer exactly as known ones. The defaults are used: 5 per address, 20 per name, a first delay of a minute.
/// </summary>
public sealed class SignInThrottleTests
{
    private const int NameFailures = 20;
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private ApiFactory _api = null!;
    private int _addresses;

    [OneTimeSetUp]
    public void Start() => _api = new ApiFactory(services =>
    {
        services.AddSingleton<IStartupFilter, ClientAddressHeader>();
        services.AddSingleton<TimeProvider>(_clock);
    });

    [OneTimeTearDown]
    public void Stop() => _api.Dispose();

    [Test]
    public async Task SignIn_OneWrongPasswordFromEachOfManyAddresses_DelaysTheNameEverywhere()
    {
        for (var attempt = 1; attempt < NameFailures; attempt++)
        {
            Assert.That(await CodeOfAsync("town.supervisor", $"wrong-password-{attempt}"), Is.EqualTo("invalid_credentials"), $"attempt {attempt}");
        }

        Assert.That(await CodeOfAsync("town.supervisor", "wrong-password-20"), Is.EqualTo("locked_out"));
        Assert.That(await CodeOfAsync("town.supervisor", ApiFactory.DemoPassword), Is.EqualTo("locked_out"), "the right password from yet another address");

        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.That(await CodeOfAsync("town.supervisor", ApiFactory.DemoPassword), Is.EqualTo("signed_in"));
        Assert.That(await CodeOfAsync("town.supervisor", "wrong-password-21"), Is.EqualTo("invalid_credentials"), "a success starts the name's count anew");
    }

    [Test]
    public async Task SignIn_EachWrongPasswordPastTheThreshold_DoublesTheDelay()
    {
        for (var attempt = 1; attempt <= NameFailures; attempt++)
        {
            await CodeOfAsync("district.analyst", $"wrong-password-{attempt}");
        }

        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.That(await CodeOfAsync("district.analyst", "wrong-password-21"), Is.EqualTo("locked_out"), "the first wrong password after the delay");

        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.That(await CodeOfAsync("district.analyst", ApiFactory.DemoPassword), Is.EqualTo("locked_out"), "two minutes now");

        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.That(await CodeOfAsync("district.analyst", ApiFactory.DemoPassword), Is.EqualTo("signed_in"));
    }

    [Test]
    public async Task SignIn_FifteenWrongPasswordsFromThreeAddresses_DoNotLockTheUserOutOfTheirs()
    {
        for (var address = 0; address < 3; address++)
        {
            var next = NextAddress();
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                await CodeOfAsync("city.analyst", $"wrong-password-{attempt}", next);
            }

            Assert.That(await CodeOfAsync("city.analyst", ApiFactory.DemoPassword, next), Is.EqualTo("locked_out"), "the attacker's address is locked");
        }

        Assert.That(await CodeOfAsync("city.analyst", ApiFactory.DemoPassword, "203.0.113.77"), Is.EqualTo("signed_in"));
    }

    [Test]
    public async Task SignIn_GuessingFromManyAddresses_AnswersAnUnknownNameExactlyAsAKnownOne()
    {
        var known = await AnswersToGuessingAsync("town.leader");
        var unknown = await AnswersToGuessingAsync("town.nobody");

        Assert.That(unknown, Is.EqualTo(known));
        Assert.That(known[^1], Does.Contain("locked_out"));
    }

    /// <summary>Twenty-one wrong passwords, each from an address of its own: the status, code, title and detail of each answer.</summary>
    private async Task<List<string>> AnswersToGuessingAsync(string userName)
    {
        var answers = new List<string>();
        for (var attempt = 1; attempt <= NameFailures + 1; attempt++)
        {
            using var response = await SignInAsync(userName, $"wrong-password-{attempt}", NextAddress());
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            problem.Remove("traceId");
            answers.Add($"{(int)response.StatusCode} {problem.ToJsonString()}");
        }

        return answers;
    }

    /// <summary>The answer's problem code, or "signed_in"; from a fresh address unless one is given.</summary>
    private async Task<string> CodeOfAsync(string userName, string password, string? address = null)
    {
        using var response = await SignInAsync(userName, password, address ?? NextAddress());
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return response.IsSuccessStatusCode ? "signed_in" : body["code"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> SignInAsync(string userName, string password, string address)
    {
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { userName, password }) };
        request.Headers.Add(ClientAddressHeader.Name, address);
        return await client.SendAsync(request);
    }

    private string NextAddress() => $"198.51.{100 + (Interlocked.Increment(ref _addresses) / 250)}.{1 + (_addresses % 250)}";
}
