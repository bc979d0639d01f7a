using System.Net;
using System.Net.Http.Json;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Integrations;

/// <summary>
/// For every operation of <c>api/openapi.json</c> that needs a signed-in caller: an API client holding every scope but the one
/// the operation needs is refused (403), and one of an operation no scope opens is refused whatever it holds. The scope each
/// operation needs is written here by hand, as a second opinion on the scope table.
/// </summary>
public sealed class ApiClientAccessTests : ApiClientTestBase
{
    private static readonly string[] Scopes = ["petitions:read", "petitions:write", "cases:read", "cases:write", "webhooks:manage"];

    private readonly Dictionary<string, string> _keys = [];

    private static IEnumerable<TestCaseData> SignedInOperations() => OpenApiOperations.All
        .Where(o => !o.IsPublic)
        .Select(o => new TestCaseData(o).SetArgDisplayNames(o.OperationId));

    /// <summary>The scope that opens the operation, or null when none does (people's work: organisation, receptions, …).</summary>
    private static string? ScopeOf(OpenApiOperation operation)
    {
        if (operation.OperationId == "RegisterHotlineWorkOrder")
        {
            return "petitions:write";
        }

        var tag = operation.Node["tags"]?[0]?.GetValue<string>();
        var reads = operation.Method is "GET" or "HEAD";
        return tag switch
        {
            "Intake" => reads ? "petitions:read" : "petitions:write",
            "Dispatch" => reads ? "cases:read" : "cases:write",
            "Webhooks" => "webhooks:manage",
            _ => null,
        };
    }

    [TestCaseSource(nameof(SignedInOperations))]
    public async Task ClientWithoutTheOperationsScope_Gets403(OpenApiOperation operation)
    {
        var needed = ScopeOf(operation);
        var holding = Scopes.Where(s => s != needed).ToArray();
        if (!_keys.TryGetValue(needed ?? string.Empty, out var key))
        {
            key = (await TownClientAsync(holding, name: $"除 {needed ?? "无"} 外全部权限")).Key;
            _keys[needed ?? string.Empty] = key;
        }

        using var client = KeyClient(key);
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.FillPath(p => p switch
        {
            "year" => "2026",
            "name" => "national",
            _ => Guid.NewGuid().ToString(),
        }));
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        if (operation.Method is "POST" or "PUT")
        {
            // An upload endpoint takes only multipart content; other content is refused (415) before authorization.
            request.Content = operation.TakesFile
                ? new MultipartFormDataContent { { new ByteArrayContent(FileUploads.Pdf), "file", "材料.pdf" } }
                : JsonContent.Create(new { });
        }

        var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{operation.Method} {operation.Path} with {string.Join(" ", holding)}");
    }
}
