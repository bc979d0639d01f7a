using System.Text.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>
/// The committed api/openapi.json is what clients are generated from; it must match what the app serves.
/// Regenerate it with FENGQIAO_UPDATE_OPENAPI=1 when the API changes on purpose.
/// </summary>
public sealed class OpenApiTests
{
    private static readonly string CommittedPath = RepositoryPaths.Combine("api", "openapi.json");
    private ApiFactory _api = null!;
    private JsonObject _document = null!;
    private string _served = string.Empty;

    [OneTimeSetUp]
    public async Task Start()
    {
        _api = new ApiFactory();
        using var client = _api.CreateClient();
        var response = await client.GetAsync("/swagger/v1/swagger.json");
        response.EnsureSuccessStatusCode();
        _document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        _served = _document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    [OneTimeTearDown]
    public void Stop() => _api.Dispose();

    [Test]
    public void CommittedDocument_MatchesWhatTheAppServes()
    {
        if (Environment.GetEnvironmentVariable("FENGQIAO_UPDATE_OPENAPI") == "1")
        {
            File.WriteAllText(CommittedPath, _served);
        }

        Assert.That(File.Exists(CommittedPath), Is.True, "api/openapi.json is committed");
        Assert.That(File.ReadAllText(CommittedPath).ReplaceLineEndings("\n"), Is.EqualTo(_served),
            "api/openapi.json is stale: run the tests with FENGQIAO_UPDATE_OPENAPI=1 and regenerate the SPA's types");
    }

    [Test]
    public void EveryOperation_HasAnIdATagAndResponses()
    {
        var operations = Operations().ToList();
        Assert.That(operations, Has.Count.GreaterThan(10));
        foreach (var (path, method, operation) in operations)
        {
            Assert.That(operation["operationId"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty, $"{method} {path}");
            Assert.That(operation["tags"]?.AsArray(), Is.Not.Null.And.Not.Empty, $"{method} {path}");
            Assert.That(operation["responses"]!.AsObject().Select(r => r.Key), Has.Some.StartsWith("2"), $"{method} {path}");
        }

        var ids = operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).ToList();
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void ProtectedOperations_DeclareBearerSecurityAndProblems()
    {
        Assert.That(_document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>(), Is.EqualTo("bearer"));
        var users = _document["paths"]!["/api/v1/users"]!["post"]!;
        Assert.That(users["security"]!.AsArray(), Is.Not.Empty);
        Assert.That(users["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "201", "400", "401", "403", "409" }));
        var signIn = _document["paths"]!["/api/v1/auth/token"]!["post"]!;
        Assert.That(signIn["security"], Is.Null, "sign-in is anonymous");
    }

    [Test]
    public void NonNullableProperties_AreRequired()
    {
        var user = _document["components"]!["schemas"]!["UserItem"]!;
        Assert.That(user["required"]!.AsArray().Select(n => n!.GetValue<string>()),
            Is.SupersetOf(new[] { "id", "userName", "displayName", "unitId", "roles", "isDisabled", "version" }));
        var role = _document["components"]!["schemas"]!["Role"]!;
        Assert.That(role["enum"]!.AsArray().Select(n => n!.GetValue<string>()), Does.Contain("petition_officer"));
    }

    private IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        _document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (path.Key, op.Key, op.Value!.AsObject())));
}
