using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Api.Dispatch;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>
/// Malformed input answers 4xx, never 5xx: every operation of the committed OpenAPI document, so a new operation is
/// fuzzed as soon as it is documented. Secured operations are called as the first demo user the endpoint admits,
/// public ones anonymously; paths name real objects so requests get past "not found" into validation and handlers.
/// </summary>
public sealed class FuzzTests : DispatchTestBase
{
    private const int Seed = 1405;

    /// <summary>Tried in this order for each secured operation; the first one the role policy admits calls it.</summary>
    private static readonly string[] Callers =
    [
        "district.petition_officer", "city.admin", "town.handler", "district.supervisor", "district.leader",
        "district.analyst", "district.discipline_inspector", "town.agent",
    ];

    private readonly Dictionary<string, HttpClient> _clients = [];

    protected override Dictionary<string, string?> Settings => new() { ["RateLimits:PublicPerMinute"] = "1000000" };

    [OneTimeTearDown]
    public void DisposeClients()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    [Test]
    public async Task EveryOperation_AnswersMalformedInput_WithoutA5xx()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.Combine("api", "openapi.json")))!.AsObject();
        var fuzzer = new OpenApiFuzzer(document, await ContextAsync(), Seed);
        var failures = new List<string>();
        var operations = 0;
        var sent = 0;
        using var anonymous = Api.CreateClient();
        foreach (var operation in fuzzer.Operations())
        {
            operations++;
            var caller = operation.IsPublic ? anonymous : await CallerAsync(fuzzer, operation, failures);
            foreach (var request in fuzzer.Requests(operation))
            {
                sent++;
                if (await ServerErrorAsync(caller, request) is { } error)
                {
                    failures.Add($"{operation.Id} {request.Method} {Shorten(request.Url)} [{request.Input}]: {error}");
                }
            }

            if (!operation.IsPublic)
            {
                foreach (var authorization in new[] { "Bearer not-a-token", "Bearer " + new string('a', 10_000), "Basic Zm9vOmJhcg==" })
                {
                    sent++;
                    var request = fuzzer.Valid(operation);
                    if (await ServerErrorAsync(anonymous, request, authorization) is { } error)
                    {
                        failures.Add($"{operation.Id} [Authorization {Shorten(authorization)}]: {error}");
                    }
                }
            }
        }

        Assert.That(operations, Is.EqualTo(document["paths"]!.AsObject().Sum(p => p.Value!.AsObject().Count)));
        Assert.That(sent, Is.GreaterThan(2_000), "a few thousand requests");
        Assert.That(failures, Is.Empty, $"{failures.Count} of {sent} requests answered 5xx or broke off:\n" + string.Join('\n', failures));
    }

    /// <summary>The 5xx status and the start of its body, or the error of an answer that broke off; null for any other answer.</summary>
    private static async Task<string?> ServerErrorAsync(HttpClient client, FuzzRequest fuzz, string? authorization = null)
    {
        using var request = new HttpRequestMessage(fuzz.Method, fuzz.Url) { Content = fuzz.Content() };
        foreach (var (name, value) in fuzz.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return (int)response.StatusCode >= 500 ? $"{(int)response.StatusCode} {Shorten(body)}" : null;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {Shorten(e.Message)}";
        }
    }

    /// <summary>The first demo user the operation's role policy admits (or the first candidate when none is).</summary>
    private async Task<HttpClient> CallerAsync(OpenApiFuzzer fuzzer, FuzzOperation operation, List<string> failures)
    {
        foreach (var user in Callers)
        {
            var client = await ClientAsync(user);
            var probe = fuzzer.Valid(operation);
            using var request = new HttpRequestMessage(probe.Method, probe.Url) { Content = probe.Content() };
            foreach (var (name, value) in probe.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{operation.Id} {probe.Method} {Shorten(probe.Url)} [valid, as {user}]: {(int)response.StatusCode}");
            }

            if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                return client;
            }
        }

        return await ClientAsync(Callers[0]);
    }

    private async Task<HttpClient> ClientAsync(string user)
    {
        if (!_clients.TryGetValue(user, out var client))
        {
            client = _clients[user] = await Api.ClientForAsync(user);
        }

        return client;
    }

    /// <summary>Real objects for path parameters and ids in bodies: a public case assigned to the town, a case awaiting assignment, petitions, a spare user.</summary>
    private async Task<FuzzContext> ContextAsync()
    {
        var (caseId, trackingCode, secret) = await OpenPublicCaseAsync();
        await AssignAsync(caseId, TownGovernment);
        var (caseToAssign, _) = await OpenCaseAsync();
        var village = await FushanVillageAsync();
        var townGovernment = await UnitAsync(TownGovernment);
        var spareUser = await UserIdAsync("town.mediator");
        var officer = await ClientAsync("district.petition_officer");
        var petition = await IntakeData.RegisterAsync(officer, Data.Registration(village));
        var otherPetition = await IntakeData.RegisterAsync(officer, Data.Registration(village));
        var petitionId = petition["id"]!.GetValue<string>();
        var detail = await (await officer.GetAsync($"/api/v1/petitions/{petitionId}")).ShouldBeOkAsync<JsonObject>();

        var context = new FuzzContext();
        context.PathValues["cases/id"] = caseId.ToString();
        context.OperationPathValues["AssignCase/id"] = caseToAssign.ToString();
        context.PathValues["petitions/id"] = petitionId;
        context.PathValues["petitionerId"] = detail["petitioners"]![0]!["id"]!.GetValue<string>();
        context.PathValues["users/id"] = spareUser;
        context.PathValues["units/id"] = townGovernment.ToString();
        context.PathValues["regions/id"] = village.ToString();
        context.PathValues["trackingCode"] = trackingCode;
        context.PathValues["year"] = "2026";
        context.PathValues["name"] = "zhejiang";
        context.HeaderValues["X-Tracking-Secret"] = secret;
        context.HeaderValues["If-Match"] = "\"1\"";
        context.PropertyValues["regionId"] = village.ToString();
        foreach (var name in new[] { "unitId", "leadUnitId", "suggestedUnitId" })
        {
            context.PropertyValues[name] = townGovernment.ToString();
        }

        context.PropertyValues["otherPetitionId"] = otherPetition["id"]!.GetValue<string>();
        context.PropertyValues["intoPetitionId"] = otherPetition["id"]!.GetValue<string>();
        context.PropertyValues["agentUserId"] = spareUser;
        context.PropertyValues["coUnitIds"] = new JsonArray();
        context.PropertyValues["attachmentIds"] = new JsonArray();
        context.PropertyValues["idNumbers"] = new JsonArray(Data.NewIdNumber());
        context.PropertyValues["idNumber"] = Data.NewIdNumber();
        context.PropertyValues["phone"] = Data.MobilePhone();
        context.PropertyValues["category"] = "urban_rural_construction";
        context.PropertyValues["userName"] = "fuzz.nobody";
        context.PropertyValues["password"] = "Fuzz-Pass-2026!";
        context.PropertyValues["newPassword"] = "Fuzz-Pass-2026!";
        context.PropertyValues["roles"] = new JsonArray("handler");
        context.PropertyValues["persons"] = 1;
        return context;
    }

    private async Task<string> UserIdAsync(string userName)
    {
        var admin = await ClientAsync("city.admin");
        var page = await (await admin.GetAsync($"/api/v1/users?q={userName}")).ShouldBeOkAsync<JsonObject>();
        return page["items"]!.AsArray().Single(u => u!["userName"]!.GetValue<string>() == userName)!["id"]!.GetValue<string>();
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
