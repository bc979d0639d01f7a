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

    /// <summary>
    /// An integrator reads the summary in a generated client's method list and the description for what the operation
    /// does and refuses (<c>.WithSummary</c> and <c>.WithDescription</c> on the endpoint). The callers paragraph is added
    /// from the endpoint's authorization, so the written part before it is what is checked.
    /// </summary>
    [Test]
    public void EveryOperation_HasASummaryAndAWrittenDescription()
    {
        var missing = Operations()
            .Where(o => string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>()) || WrittenDescription(o.Operation).Length < 40)
            .Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}")
            .ToList();
        Assert.That(missing, Is.Empty, "operations without a summary or a written description (WithSummary / WithDescription)");
    }

    [Test]
    public void EveryTag_IsDeclaredWithADescription()
    {
        var declared = _document["tags"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["description"]?.GetValue<string>());
        var used = Operations().SelectMany(o => o.Operation["tags"]!.AsArray().Select(t => t!.GetValue<string>())).Distinct().ToList();
        Assert.That(declared.Keys, Is.EquivalentTo(used), "the top-level tags are exactly those operations use");
        Assert.That(declared.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key), Is.Empty, "tags without a description (OpenApiDocument.Tags)");
    }

    [Test]
    public void Security_FollowsEachEndpointsAuthorization()
    {
        Assert.That(_document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>(), Is.EqualTo("bearer"));
        var users = _document["paths"]!["/api/v1/users"]!["post"]!;
        Assert.That(users["security"]!.AsArray().Select(r => r!.AsObject().Single().Key), Does.Contain("bearer"));
        Assert.That(users["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "201", "400", "401", "403", "409" }));
        Assert.That(users["description"]!.GetValue<string>(), Does.EndWith("**Callers:** the roles holding the capability `manage_users`: `admin`."));
        var register = _document["paths"]!["/api/v1/petitions"]!["post"]!;
        Assert.That(register["description"]!.GetValue<string>(), Does.EndWith("; API clients with the scope `petitions:write`."),
            "the scope that opens an operation to API clients is named beside the roles");

        var signIn = _document["paths"]!["/api/v1/auth/token"]!["post"]!;
        Assert.That(signIn["security"]!.AsArray(), Is.Empty, "sign-in is anonymous: security: []");
        Assert.That(signIn["responses"]!["429"]!["headers"]!["Retry-After"], Is.Not.Null, "sign-in is rate-limited");

        foreach (var (path, method, operation) in Operations())
        {
            Assert.That(operation["security"], Is.InstanceOf<JsonArray>(), $"{method} {path} declares its security, [] when anonymous");
            if (operation["security"]!.AsArray().Count > 0)
            {
                Assert.That(operation["responses"]!.AsObject().ContainsKey("401"), Is.True, $"{method} {path} requires a token, so it can answer 401");
            }
        }
    }

    [Test]
    public void ConditionalAndIdempotencyHeaders_AreDocumentedWhereTheyApply()
    {
        var register = _document["paths"]!["/api/v1/petitions"]!["post"]!;
        Assert.That(HeaderParameters(register), Does.Contain("Idempotency-Key"));
        Assert.That(register["responses"]!["201"]!["headers"]!.AsObject().Select(h => h.Key), Is.SupersetOf(new[] { "ETag", "Idempotent-Replayed" }));
        Assert.That(register["requestBody"]!["content"]!["application/json"]!["example"]!["channel"], Is.Not.Null, "the registration shows an example body");

        foreach (var (path, method, operation) in Operations())
        {
            var responses = operation["responses"]!.AsObject();
            Assert.That(HeaderParameters(operation).Contains("If-Match"), Is.EqualTo(responses.ContainsKey("428")), $"{method} {path}: If-Match exactly where 428 is declared");
            Assert.That(responses.ContainsKey("412"), Is.EqualTo(responses.ContainsKey("428")), $"{method} {path}: a stale If-Match (412) where it is required (428)");
            Assert.That(HeaderParameters(operation).Contains("Idempotency-Key"), Is.EqualTo(responses.ContainsKey("422")), $"{method} {path}: a reused Idempotency-Key answers 422");
            // The Open311 facade answers errors as GeoReport v2 prescribes: a list of {code, description}, in JSON or XML.
            foreach (var (status, response) in responses.Where(r => !r.Key.StartsWith('2') && !path.StartsWith("/open311/", StringComparison.Ordinal)))
            {
                Assert.That(response!["content"]?["application/problem+json"], Is.Not.Null, $"{method} {path} {status} is a problem details response");
            }
        }
    }

    /// <summary>
    /// The ETag response header is documented from <c>.ProducesETag()</c>; a use-case file that writes the header
    /// (<c>Versioning.SetETag</c>) declares it, and one that declares it writes it.
    /// </summary>
    [Test]
    public void EndpointsWritingAnETag_DeclareIt()
    {
        var drifted = Directory.EnumerateFiles(RepositoryPaths.Combine("api"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains("Fengqiao.BuildingBlocks", StringComparison.Ordinal))
            .Select(file => (File: file, Text: File.ReadAllText(file)))
            .Where(f => f.Text.Contains("Versioning.SetETag(", StringComparison.Ordinal) != f.Text.Contains(".ProducesETag()", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Combine("api"), f.File))
            .ToList();
        Assert.That(drifted, Is.Empty, "files that write an ETag without .ProducesETag() on the endpoint, or the reverse");
        Assert.That(Operations().Count(o => o.Operation["responses"]!.AsObject().Any(r => r.Value!["headers"]?["ETag"] is not null)), Is.GreaterThan(50));
    }

    [Test]
    public void NullableSchemas_StateTheirType()
    {
        var untyped = new List<string>();
        Visit(_document, "#", untyped);
        Assert.That(untyped, Is.Empty, "nullable without a sibling type (OpenAPI 3.0 ignores it there)");

        static void Visit(JsonNode? node, string at, List<string> untyped)
        {
            if (node is JsonObject item)
            {
                if (item["nullable"]?.GetValue<bool>() == true && item["type"] is null)
                {
                    untyped.Add(at);
                }

                foreach (var (key, value) in item)
                {
                    Visit(value, $"{at}/{key}", untyped);
                }
            }
            else if (node is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    Visit(list[i], $"{at}/{i}", untyped);
                }
            }
        }
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

    private static string WrittenDescription(JsonObject operation)
    {
        var description = operation["description"]?.GetValue<string>() ?? string.Empty;
        var callers = description.IndexOf("**Callers:**", StringComparison.Ordinal);
        return (callers < 0 ? description : description[..callers]).Trim();
    }

    private static List<string> HeaderParameters(JsonNode operation) =>
        operation["parameters"]?.AsArray().Where(p => p!["in"]!.GetValue<string>() == "header").Select(p => p!["name"]!.GetValue<string>()).ToList() ?? [];

    private IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        _document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (path.Key, op.Key, op.Value!.AsObject())));
}
