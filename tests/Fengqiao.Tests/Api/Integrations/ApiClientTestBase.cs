using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Api.Dispatch;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Integrations;

/// <summary>API clients registered by administrators, and HTTP clients that send their keys.</summary>
public abstract class ApiClientTestBase : DispatchTestBase
{
    internal const string KeyHeader = "X-Api-Key";

    internal sealed record IssuedClient(Guid Id, string Key, long Version);

    /// <summary>A client of 府山街道办事处 (the demo town), registered by the town's administrator.</summary>
    internal async Task<IssuedClient> TownClientAsync(string[] scopes, int rateLimitPerMinute = 10_000, string? name = null)
    {
        using var admin = await Api.ClientForAsync("town.admin");
        var created = await (await admin.PostAsJsonAsync("/api/v1/integrations/clients", new
        {
            name = name ?? "12345 热线平台", unitId = await UnitAsync(TownGovernment), scopes, rateLimitPerMinute,
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        return new IssuedClient(Guid.Parse(created["id"]!.GetValue<string>()), created["apiKey"]!.GetValue<string>(), created["version"]!.GetValue<long>());
    }

    internal HttpClient KeyClient(string key)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(KeyHeader, key);
        return client;
    }
}
