using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.DemoData.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Benchmarks;

/// <summary>
/// Starts the real host on Kestrel over a generated database and measures, next to a bare Kestrel endpoint as the
/// ceiling: with petitions, the worklist (first and a deep keyset page), petition details, duplicate candidates and
/// registration as a town and a district petition officer; with cases, a town unit's worklist tabs (first and a deep
/// keyset page) and tab counts as its handler, and the supervision board as a district and a city supervisor.
/// Reads run before registration so they see the generated data only.
/// </summary>
internal static class RunCommand
{
    private const int DeepPages = 50;
    private const int Samples = 200;

    public static async Task<int> RunAsync(string dataDirectory, int requests, int clients, CancellationToken cancellationToken)
    {
        await using var host = new BenchmarkHost(dataDirectory, listenOnLoopback: true);
        if (!File.Exists(host.DatabaseFile))
        {
            await Console.Error.WriteLineAsync($"{host.DatabaseFile} does not exist; run generate first.");
            return 2;
        }

        var api = host.StartListening();
        var (bare, bareAddress) = await BareKestrel.StartAsync();
        await using var stopBare = bare;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });

        long petitions;
        long cases;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
            petitions = await session.ExecuteScalarAsync<long>(BenchmarkSql.PetitionCount, null, cancellationToken);
            cases = await session.ExecuteScalarAsync<long>(BenchmarkSql.CaseCount, null, cancellationToken);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{petitions:N0} petitions, {cases:N0} cases, {new FileInfo(host.DatabaseFile).Length / 1024 / 1024:N0} MB; {Environment.ProcessorCount} cores, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; {requests} requests per scenario from {clients} clients."));

        var results = new List<ScenarioResult>
        {
            await LoadDriver.RunAsync("bare Kestrel JSON (ceiling)", requests, clients, _ => SendAsync(http, HttpMethod.Get, new Uri(bareAddress, "/ping"), null, null, HttpStatusCode.OK)),
        };
        if (cases > 0)
        {
            results.AddRange(await DispatchScenariosAsync(http, api, requests, clients));
        }

        if (petitions > 0)
        {
            results.AddRange(await IntakeScenariosAsync(host, http, api, requests, clients, cancellationToken));
        }

        LoadDriver.Print(results, clients);
        return 0;
    }

    /// <summary>The town government's handler works its tabs; supervisors of the district and the city read the board.</summary>
    private static async Task<List<ScenarioResult>> DispatchScenariosAsync(HttpClient http, Uri api, int requests, int clients)
    {
        var handler = await SignInAsync(http, api, "town.handler");
        var district = await SignInAsync(http, api, "district.supervisor");
        var city = await SignInAsync(http, api, "city.supervisor");
        var (deepPage, deepCursor) = await WalkCasesAsync(http, api, handler, "in_progress");
        return await RepeatedAndFreshAsync(http, requests, clients,
        [
            ("cases to_sign first page, town handler", _ => Cases(api, "to_sign", null), handler),
            ("cases in_progress first page, town handler", _ => Cases(api, "in_progress", null), handler),
            ($"cases in_progress page {deepPage} (keyset), town handler", _ => Cases(api, "in_progress", deepCursor), handler),
            ("case counts, town handler", _ => new Uri(api, "/api/v1/cases/counts"), handler),
            ("supervision board, district", _ => new Uri(api, "/api/v1/supervision-board"), district),
            ("supervision board, city", _ => new Uri(api, "/api/v1/supervision-board"), city),
        ]);
    }

    /// <summary>
    /// Each read twice: repeated (the same caller and URL again, answered from the read cache while nothing is written),
    /// then fresh (Cache-Control: no-cache, answered from the database every time).
    /// </summary>
    private static async Task<List<ScenarioResult>> RepeatedAndFreshAsync(
        HttpClient http, int requests, int clients, IReadOnlyList<(string Scenario, Func<int, Uri> Url, string Token)> reads)
    {
        var results = new List<ScenarioResult>();
        foreach (var fresh in new[] { false, true })
        {
            foreach (var (scenario, url, token) in reads)
            {
                results.Add(await LoadDriver.RunAsync(fresh ? scenario + " (fresh)" : scenario, requests, clients,
                    i => SendAsync(http, HttpMethod.Get, url(i), token, null, HttpStatusCode.OK, fresh)));
            }
        }

        return results;
    }

    private static async Task<List<ScenarioResult>> IntakeScenariosAsync(BenchmarkHost host, HttpClient http, Uri api, int requests, int clients, CancellationToken cancellationToken)
    {
        var town = await SignInAsync(http, api, "town.petition_officer");
        var district = await SignInAsync(http, api, "district.petition_officer");
        var (townIds, townDeepCursor) = await WalkWorklistAsync(http, api, town);
        var (_, districtDeepCursor) = await WalkWorklistAsync(http, api, district);
        var duplicateQueries = await DuplicateQueriesAsync(http, api, town, townIds.Take(Samples).ToList());
        // Registrations are used up: enough for the measured requests and a warm-up of up to half as many again.
        var registrations = await RegistrationsAsync(host, http, api, town, requests + Math.Max(clients, requests / 2), cancellationToken);

        var results = await RepeatedAndFreshAsync(http, requests, clients,
        [
            ("worklist first page, town", _ => Worklist(api, null), town),
            ("worklist first page, district", _ => Worklist(api, null), district),
            ($"worklist page {DeepPages + 1} (keyset), town", _ => Worklist(api, townDeepCursor), town),
            ($"worklist page {DeepPages + 1} (keyset), district", _ => Worklist(api, districtDeepCursor), district),
            ("petition by id, town", i => new Uri(api, $"/api/v1/petitions/{townIds[i % townIds.Count]}"), town),
        ]);
        results.Add(await LoadDriver.RunAsync("duplicate candidates, town", requests, clients,
            i => SendAsync(http, HttpMethod.Post, new Uri(api, "/api/v1/petitions/duplicate-candidates"), town, duplicateQueries[i % duplicateQueries.Count], HttpStatusCode.OK)));

        var registered = 0;
        results.Add(await LoadDriver.RunAsync("registration, town", requests, clients,
            _ => SendAsync(http, HttpMethod.Post, new Uri(api, "/api/v1/petitions"), town, registrations[Interlocked.Increment(ref registered) - 1], HttpStatusCode.Created),
            maxWarmUpRequests: registrations.Count - requests));
        return results;
    }

    private static Uri Cases(Uri api, string tab, string? cursor) =>
        new(api, $"/api/v1/cases?tab={tab}&limit=20" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));

    /// <summary>Follows a tab for up to <see cref="DeepPages"/> pages while it goes on; answers the number and cursor of the last page reached.</summary>
    private static async Task<(int Page, string Cursor)> WalkCasesAsync(HttpClient http, Uri api, string token, string tab)
    {
        string? cursor = null;
        var page = 1;
        while (page <= DeepPages)
        {
            var next = JsonNode.Parse(await SendAsync(http, HttpMethod.Get, Cases(api, tab, cursor), token, null, HttpStatusCode.OK))!["nextCursor"]?.GetValue<string>();
            if (next is null)
            {
                break;
            }

            cursor = next;
            page++;
        }

        return cursor is null ? throw new InvalidOperationException($"The {tab} tab has a single page; generate more cases.") : (page, cursor);
    }

    private static Uri Worklist(Uri api, string? cursor) =>
        new(api, "/api/v1/petitions?limit=20" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));

    private static async Task<string> SignInAsync(HttpClient http, Uri api, string userName)
    {
        using var response = await http.PostAsJsonAsync(new Uri(api, "/api/v1/auth/token"), new { userName, password = BenchmarkHost.DemoPassword });
        var body = await ExpectAsync(response, HttpStatusCode.OK);
        return JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
    }

    /// <summary>Follows the worklist for <see cref="DeepPages"/> pages; answers the ids seen and the cursor of the page after.</summary>
    private static async Task<(List<string> Ids, string Cursor)> WalkWorklistAsync(HttpClient http, Uri api, string token)
    {
        var ids = new List<string>();
        var cursor = string.Empty;
        for (var page = 0; page < DeepPages; page++)
        {
            var body = JsonNode.Parse(await SendAsync(http, HttpMethod.Get, Worklist(api, page == 0 ? null : cursor), token, null, HttpStatusCode.OK))!;
            ids.AddRange(body["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()));
            cursor = body["nextCursor"]?.GetValue<string>() ?? throw new InvalidOperationException($"The worklist ended after {page + 1} pages; generate more petitions.");
        }

        return (ids, cursor);
    }

    /// <summary>What staff would type for petitions already registered: the same text, region, category and the petitioner's ID number.</summary>
    private static async Task<List<JsonObject>> DuplicateQueriesAsync(HttpClient http, Uri api, string token, List<string> ids)
    {
        var queries = new List<JsonObject>();
        foreach (var id in ids)
        {
            var detail = JsonNode.Parse(await SendAsync(http, HttpMethod.Get, new Uri(api, $"/api/v1/petitions/{id}"), token, null, HttpStatusCode.OK))!;
            var idNumbers = new JsonArray();
            if (detail["petitioners"]!.AsArray().FirstOrDefault(p => p!["idNumberMasked"] is not null) is { } petitioner)
            {
                var revealed = JsonNode.Parse(await SendAsync(http, HttpMethod.Post, new Uri(api, $"/api/v1/petitions/{id}/petitioners/{petitioner["id"]}/reveal"), token, null, HttpStatusCode.OK))!;
                idNumbers.Add(revealed["idNumber"]!.GetValue<string>());
            }

            queries.Add(new JsonObject
            {
                ["idNumbers"] = idNumbers,
                ["regionId"] = detail["regionId"]!.GetValue<string>(),
                ["category"] = detail["category"]!.GetValue<string>(),
                ["text"] = $"{detail["request"]} {detail["facts"]} {detail["reasons"]}",
            });
        }

        return queries;
    }

    /// <summary>Fresh generated petitions (another seed), moved into the town officer's jurisdiction.</summary>
    private static async Task<List<JsonObject>> RegistrationsAsync(BenchmarkHost host, HttpClient http, Uri api, string token, int count, CancellationToken cancellationToken)
    {
        var regions = JsonNode.Parse(await SendAsync(http, HttpMethod.Get, new Uri(api, "/api/v1/regions"), token, null, HttpStatusCode.OK))!["items"]!.AsArray()
            .Select(r => r!["id"]!.GetValue<string>()).ToList();
        await using var scope = host.Services.CreateAsyncScope();
        var generator = await PetitionGenerator.CreateAsync(scope.ServiceProvider, DateTimeOffset.UtcNow, PetitionGenerator.DefaultSeed + 1, cancellationToken);
        return generator.Generate(count).Select((petition, i) => new JsonObject
        {
            ["channel"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(petition.Channel.ToString()),
            ["petitioners"] = new JsonArray(petition.Petitioners.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["idNumber"] = p.IdNumber,
                ["phone"] = p.Phone,
                ["address"] = p.Address,
                ["isRepresentative"] = p.IsRepresentative,
            }).ToArray()),
            ["persons"] = petition.Persons,
            ["request"] = petition.Request,
            ["facts"] = petition.Facts,
            ["reasons"] = petition.Reasons,
            ["category"] = petition.Category,
            ["regionId"] = regions[i % regions.Count],
            ["receivedAt"] = petition.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
            ["channelReference"] = petition.ChannelReference,
            ["urgent"] = petition.Urgent,
            ["crossBoundary"] = petition.CrossBoundary,
        }).ToList();
    }

    private static async Task<string> SendAsync(HttpClient http, HttpMethod method, Uri uri, string? token, JsonObject? body, HttpStatusCode expected, bool fresh = false)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (fresh)
        {
            request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        }

        using var response = await http.SendAsync(request);
        return await ExpectAsync(response, expected);
    }

    private static async Task<string> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == expected
            ? body
            : throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
    }
}
