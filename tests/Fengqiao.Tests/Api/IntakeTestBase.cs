using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>A host per fixture with the demo organisation; region ids looked up once by name.</summary>
public abstract class IntakeTestBase
{
    private readonly Dictionary<string, Guid> _regions = [];

    internal ApiFactory Api { get; private set; } = null!;

    internal IntakeData Data { get; } = new();

    protected virtual Dictionary<string, string?> Settings => [];

    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices => null;

    /// <summary>Whether the host serves on Kestrel rather than in memory.</summary>
    protected virtual bool OverKestrel => false;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        Api = new ApiFactory(ConfigureServices, Settings, OverKestrel);
        using var city = await Api.ClientForAsync("city.analyst");
        var regions = (await (await city.GetAsync("/api/v1/regions")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        foreach (var region in regions)
        {
            _regions.TryAdd(region!["name"]!.GetValue<string>(), Guid.Parse(region["id"]!.GetValue<string>()));
        }
    }

    [OneTimeTearDown]
    public void StopHost() => Api.Dispose();

    internal Guid Region(string name) => _regions[name];

    /// <summary>A village of 府山街道, the demo town.</summary>
    internal async Task<Guid> FushanVillageAsync()
    {
        using var town = await Api.ClientForAsync("town.petition_officer");
        var regions = (await (await town.GetAsync("/api/v1/regions")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        return Guid.Parse(regions.First(r => r!["level"]!.GetValue<string>() == "village")!["id"]!.GetValue<string>());
    }

    internal static Task<HttpResponseMessage> SendWithIfMatch(HttpClient client, HttpMethod method, string url, object? body, long version)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }
}
