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
/// keyset page) and tab counts as its handler, and the supervision board as a district and a city supervisor; with disputes,
/// the mediators' worklists and session bookings (<see cref="MediationScenariosAsync"/>); with petitions, the leaders' metrics
/// dashboard and the XLSX exports (<see cref="MetricsScenarios"/>); with petitions and cases, last, the mixed workload (<see cref="MixedAsync"/>). Reads run before anything is written so they see the
/// generated data only. A deep keyset page is the last page that a walk of up to <see cref="DeepPages"/> pages reaches,
/// so a run works at any size; a list of a single page has no keyset page, and its scenario is left out.
/// </summary>
internal static class RunCommand
{
    private const int DeepPages = 50;
    private const int Samples = 200;

    /// <summary>Reads per write in the mixed workload: staff re-read their lists and open details far more often than they register.</summary>
    private const int ReadsPerWrite = 20;

    /// <param name="mixedOnly">Measures the ceiling and the mixed workload only: for comparing the host's settings, one run each.</param>
    /// <param name="metricsOnly">Measures the ceiling and the metrics only: the dashboard reads and the exports.</param>
    /// <param name="metricsRequests">Requests per metrics scenario: fewer than the others' where a read is slow.</param>
    /// <param name="only">
    /// Measures the ceiling and one module's scenarios only: <c>suggestions</c> or <c>mediation</c>, or <c>dashboards</c> (the three
    /// leaders' dashboards in one read each, without their parts and the exports); null for all.
    /// </param>
    public static async Task<int> RunAsync(
        string dataDirectory, int requests, int metricsRequests, int mixedRequests, bool mixedOnly, bool metricsOnly, string? only, int clients,
        CancellationToken cancellationToken)
    {
        if (only is not (null or "suggestions" or "mediation" or "dashboards"))
        {
            await Console.Error.WriteLineAsync($"--only takes suggestions, mediation or dashboards, not {only}.");
            return 2;
        }

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
        long disputes;
        long sessions;
        long suggestions;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
            petitions = await session.ExecuteScalarAsync<long>(BenchmarkSql.PetitionCount, null, cancellationToken);
            cases = await session.ExecuteScalarAsync<long>(BenchmarkSql.CaseCount, null, cancellationToken);
            disputes = await session.ExecuteScalarAsync<long>(BenchmarkSql.DisputeCount, null, cancellationToken);
            sessions = await session.ExecuteScalarAsync<long>(BenchmarkSql.SessionCount, null, cancellationToken);
            suggestions = await session.ExecuteScalarAsync<long>(BenchmarkSql.SuggestionCount, null, cancellationToken);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{petitions:N0} petitions, {cases:N0} cases, {disputes:N0} disputes, {sessions:N0} sessions, {suggestions:N0} suggestions, {new FileInfo(host.DatabaseFile).Length / 1024 / 1024:N0} MB; {Environment.ProcessorCount} cores, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; {requests} requests per scenario from {clients} clients."));

        var results = new List<ScenarioResult>
        {
            await LoadDriver.RunAsync("bare Kestrel JSON (ceiling)", requests, clients, _ => SendAsync(http, HttpMethod.Get, new Uri(bareAddress, "/ping"), null, null, HttpStatusCode.OK)),
        };
        var others = !mixedOnly && !metricsOnly && only is null;
        if (cases > 0 && others)
        {
            results.AddRange(await DispatchScenariosAsync(http, api, requests, clients));
        }

        if (suggestions > 0 && (others || only == "suggestions"))
        {
            results.AddRange(await SuggestionScenariosAsync(http, api, requests, clients));
        }

        if (petitions > 0 && !mixedOnly && only is null or "dashboards")
        {
            var dashboardsOnly = only == "dashboards";
            results.AddRange(await MetricsScenarios.DashboardAsync(http, api, metricsRequests, clients, DateOnly.FromDateTime(DateTime.UtcNow), withParts: !dashboardsOnly));
            if (!dashboardsOnly)
            {
                await MetricsScenarios.ExportsAsync(host, http, api, cancellationToken);
            }
        }

        if (petitions > 0 && others)
        {
            results.AddRange(await IntakeScenariosAsync(host, http, api, requests, clients, cancellationToken));
        }

        if (disputes > 0 && (others || only == "mediation"))
        {
            results.AddRange(await MediationScenariosAsync(host, http, api, requests, clients, cancellationToken));
        }

        if (petitions > 0 && cases > 0 && !metricsOnly && only is null)
        {
            results.Add(await MixedAsync(host, http, api, mixedRequests, clients, cancellationToken));
        }
        else if (mixedOnly)
        {
            await Console.Error.WriteLineAsync("The mixed workload needs petitions and cases; generate both.");
            return 2;
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
        var (_, deep) = await WalkAsync(http, cursor => Cases(api, "in_progress", cursor), handler);
        return await RepeatedAndFreshAsync(http, requests, clients,
        [
            ("cases to_sign first page, town handler", _ => Cases(api, "to_sign", null), handler),
            ("cases in_progress first page, town handler", _ => Cases(api, "in_progress", null), handler),
            .. KeysetPage("cases in_progress", deep, "town handler", cursor => Cases(api, "in_progress", cursor), handler),
            ("case counts, town handler", _ => new Uri(api, "/api/v1/cases/counts"), handler),
            ("supervision board, district", _ => new Uri(api, "/api/v1/supervision-board"), district),
            ("supervision board, city", _ => new Uri(api, "/api/v1/supervision-board"), city),
        ]);
    }

    /// <summary>
    /// The district reviewer's suggestion worklist (first page, the valid ones, a deep keyset page) and, as the town's cadre, a
    /// diary entry with its grouping candidates (the similar open entries of its village and category) for open entries of the town.
    /// </summary>
    private static async Task<List<ScenarioResult>> SuggestionScenariosAsync(HttpClient http, Uri api, int requests, int clients)
    {
        var reviewer = await SignInAsync(http, api, "district.suggestion_reviewer");
        var cadre = await SignInAsync(http, api, "town.petition_officer");
        var (_, deep) = await WalkAsync(http, cursor => Suggestions(api, null, cursor), reviewer);
        var (entries, _) = await WalkAsync(http, cursor => new Uri(api, "/api/v1/diary/entries?state=open&limit=20" + After(cursor)), cadre);
        var open = entries.Take(Samples).ToList();
        if (open.Count == 0)
        {
            Console.WriteLine("  diary entry with grouping candidates, town cadre: left out, the town has no open diary entries");
        }

        return await RepeatedAndFreshAsync(http, requests, clients,
        [
            ("suggestion worklist first page, district reviewer", _ => Suggestions(api, null, null), reviewer),
            ("suggestion worklist valid first page, district reviewer", _ => Suggestions(api, "valid", null), reviewer),
            .. KeysetPage("suggestion worklist", deep, "district reviewer", cursor => Suggestions(api, null, cursor), reviewer),
            .. open.Count == 0
                ? []
                : new (string, Func<int, Uri>, string)[]
                {
                    ("diary entry with grouping candidates, town cadre", i => new Uri(api, $"/api/v1/diary/entries/{open[i % open.Count]}"), cadre),
                },
        ]);
    }

    private static string After(string? cursor) => cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor);

    private static Uri Suggestions(Uri api, string? status, string? cursor) =>
        new(api, "/api/v1/suggestions?limit=20" + (status is null ? string.Empty : "&status=" + status) + After(cursor));

    /// <summary>The scenario of a list's keyset page, or none (said so) when the list has a single page.</summary>
    private static IEnumerable<(string Scenario, Func<int, Uri> Url, string Token)> KeysetPage(string list, DeepPage? deep, string caller, Func<string, Uri> url, string token)
    {
        if (deep is null)
        {
            Console.WriteLine($"  {list} (keyset), {caller}: left out, the list has a single page at this size");
            return [];
        }

        var page = url(deep.Cursor);
        return [($"{list} page {deep.Page} (keyset), {caller}", _ => page, token)];
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
        var (townIds, townDeep) = await WalkAsync(http, cursor => Worklist(api, cursor), town);
        var (_, districtDeep) = await WalkAsync(http, cursor => Worklist(api, cursor), district);
        var duplicateQueries = await DuplicateQueriesAsync(http, api, town, townIds.Take(Samples).ToList());
        // Registrations are used up: enough for the measured requests and a warm-up of up to half as many again.
        var registrations = await RegistrationsAsync(host, http, api, town, requests + Math.Max(clients, requests / 2), cancellationToken);

        var results = await RepeatedAndFreshAsync(http, requests, clients,
        [
            ("worklist first page, town", _ => Worklist(api, null), town),
            ("worklist first page, district", _ => Worklist(api, null), district),
            .. KeysetPage("worklist", townDeep, "town", cursor => Worklist(api, cursor), town),
            .. KeysetPage("worklist", districtDeep, "district", cursor => Worklist(api, cursor), district),
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

    /// <summary>
    /// Staff at work, the mechanisms' test (docs/adr): from every client, <see cref="ReadsPerWrite"/> reads for each
    /// registration, so the read cache is emptied by a commit about every 21 requests. The reads are what the roles re-read
    /// all day: the town and district officers' worklists and the town's petitions from its first page, the town handler's
    /// tabs and counts, the district's and the city's board.
    /// </summary>
    private static async Task<ScenarioResult> MixedAsync(BenchmarkHost host, HttpClient http, Uri api, int requests, int clients, CancellationToken cancellationToken)
    {
        var town = await SignInAsync(http, api, "town.petition_officer");
        var district = await SignInAsync(http, api, "district.petition_officer");
        var handler = await SignInAsync(http, api, "town.handler");
        var districtSupervisor = await SignInAsync(http, api, "district.supervisor");
        var citySupervisor = await SignInAsync(http, api, "city.supervisor");
        var firstPage = JsonNode.Parse(await SendAsync(http, HttpMethod.Get, Worklist(api, null), town, null, HttpStatusCode.OK))!["items"]!.AsArray()
            .Select(item => item!["id"]!.GetValue<string>()).ToList();
        var petition = (int i) => new Uri(api, $"/api/v1/petitions/{firstPage[i % firstPage.Count]}");
        (Func<int, Uri> Url, string Token)[] reads =
        [
            (_ => Worklist(api, null), town), (petition, town), (_ => Cases(api, "in_progress", null), handler), (petition, town),
            (_ => new Uri(api, "/api/v1/cases/counts"), handler), (_ => Worklist(api, null), district), (petition, town),
            (_ => new Uri(api, "/api/v1/supervision-board"), districtSupervisor), (_ => Worklist(api, null), town),
            (_ => Cases(api, "to_sign", null), handler), (petition, town), (_ => Cases(api, "in_progress", null), handler),
            (_ => Worklist(api, null), town), (_ => new Uri(api, "/api/v1/supervision-board"), citySupervisor), (petition, town),
            (_ => new Uri(api, "/api/v1/cases/counts"), handler), (_ => Worklist(api, null), district),
            (_ => Cases(api, "in_progress", null), handler), (_ => Worklist(api, null), town),
            (_ => new Uri(api, "/api/v1/supervision-board"), districtSupervisor),
        ];

        // The warm-up sends at most as many requests as are measured, in at most ten batches that each count from 0.
        var registrations = await RegistrationsAsync(host, http, api, town, 2 * (requests / (ReadsPerWrite + 1)) + 11, cancellationToken);
        var registered = 0;
        return await LoadDriver.RunAsync($"mixed: {ReadsPerWrite} reads per registration", requests, clients, i => i % (ReadsPerWrite + 1) == ReadsPerWrite
                ? SendAsync(http, HttpMethod.Post, new Uri(api, "/api/v1/petitions"), town, registrations[Interlocked.Increment(ref registered) - 1], HttpStatusCode.Created)
                : SendAsync(http, HttpMethod.Get, reads[i % (ReadsPerWrite + 1)].Url(i), reads[i % (ReadsPerWrite + 1)].Token, null, HttpStatusCode.OK),
            maxWarmUpRequests: requests);
    }

    /// <summary>
    /// The mediators' dispute worklists (the city's, the district's and the town's first page, a deep keyset page, the accepted
    /// ones), then bookings: sessions of an accepted dispute of the district an hour apart on free hours ahead (from the day after
    /// the latest session booked, so a database can be measured again), each checking the
    /// room's and the mediator's slots and claiming them (201), and the same hour booked again, refused as a clash (409).
    /// </summary>
    private static async Task<List<ScenarioResult>> MediationScenariosAsync(
        BenchmarkHost host, HttpClient http, Uri api, int requests, int clients, CancellationToken cancellationToken)
    {
        var city = await SignInAsync(http, api, "city.mediator");
        var district = await SignInAsync(http, api, "district.mediator");
        var town = await SignInAsync(http, api, "town.mediator");
        var (_, deep) = await WalkAsync(http, cursor => Disputes(api, null, cursor), district);
        var results = await RepeatedAndFreshAsync(http, requests, clients,
        [
            ("disputes first page, city mediator", _ => Disputes(api, null, null), city),
            ("disputes first page, district mediator", _ => Disputes(api, null, null), district),
            ("disputes first page, town mediator", _ => Disputes(api, null, null), town),
            .. KeysetPage("disputes", deep, "district mediator", cursor => Disputes(api, null, cursor), district),
            ("disputes accepted first page, district mediator", _ => Disputes(api, "accepted", null), district),
        ]);

        var accepted = JsonNode.Parse(await SendAsync(http, HttpMethod.Get, Disputes(api, "accepted", null), district, null, HttpStatusCode.OK))!["items"]!.AsArray()[0]!["id"]!.GetValue<string>();
        var sessionsOf = new Uri(api, $"/api/v1/mediation/disputes/{accepted}/sessions");
        // The hours booked start the day after the latest session booked so far, so a database measured before has them free.
        DateTimeOffset? latest;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            latest = await scope.ServiceProvider.GetRequiredService<IDbSession>().ExecuteScalarAsync<DateTimeOffset?>(BenchmarkSql.LatestSessionEnd, null, cancellationToken);
        }

        var first = new DateTimeOffset(2031, 1, 6, 9, 0, 0, TimeSpan.FromHours(8));
        if (latest?.ToOffset(first.Offset) is { } end && end >= first)
        {
            first = new DateTimeOffset(end.Date.AddDays(1).AddHours(9), first.Offset);
        }

        JsonObject Hour(int n) => new() { ["startsAt"] = first.AddHours(n).ToString("O", CultureInfo.InvariantCulture), ["endsAt"] = first.AddHours(n + 1).ToString("O", CultureInfo.InvariantCulture) };
        var booked = 0;
        var booking = await LoadDriver.RunAsync("session booking with its clash check, district mediator", requests, clients,
            _ => SendAsync(http, HttpMethod.Post, sessionsOf, district, Hour(Interlocked.Increment(ref booked)), HttpStatusCode.Created));
        results.Add(booking);
        results.Add(await LoadDriver.RunAsync("session booking refused as a clash (409), district mediator", requests, clients,
            i => SendAsync(http, HttpMethod.Post, sessionsOf, district, Hour(1 + (i % booked)), HttpStatusCode.Conflict)));
        return results;
    }

    private static Uri Disputes(Uri api, string? status, string? cursor) =>
        new(api, "/api/v1/mediation/disputes?limit=20" + (status is null ? string.Empty : "&status=" + status) + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));

    private static Uri Cases(Uri api, string tab, string? cursor) =>
        new(api, $"/api/v1/cases?tab={tab}&limit=20" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));

    private static Uri Worklist(Uri api, string? cursor) =>
        new(api, "/api/v1/petitions?limit=20" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));

    internal static async Task<string> SignInAsync(HttpClient http, Uri api, string userName)
    {
        using var response = await http.PostAsJsonAsync(new Uri(api, "/api/v1/auth/token"), new { userName, password = BenchmarkHost.DemoPassword });
        var body = await ExpectAsync(response, HttpStatusCode.OK);
        return JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
    }

    /// <summary>
    /// Follows a list for up to <see cref="DeepPages"/> pages while it goes on; answers the ids seen and the last page
    /// reached (the page after the last one read when the list goes on), none when the list has a single page.
    /// </summary>
    private static async Task<(List<string> Ids, DeepPage? Deep)> WalkAsync(HttpClient http, Func<string?, Uri> url, string token)
    {
        var ids = new List<string>();
        string? cursor = null;
        var page = 1;
        while (page <= DeepPages)
        {
            var body = JsonNode.Parse(await SendAsync(http, HttpMethod.Get, url(cursor), token, null, HttpStatusCode.OK))!;
            ids.AddRange(body["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()));
            if (body["nextCursor"]?.GetValue<string>() is not { } next)
            {
                break;
            }

            cursor = next;
            page++;
        }

        return (ids, cursor is null ? null : new DeepPage(page, cursor));
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

    internal static async Task<string> SendAsync(HttpClient http, HttpMethod method, Uri uri, string? token, JsonObject? body, HttpStatusCode expected, bool fresh = false)
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

/// <summary>A keyset page of a list: its number and the cursor that reads it.</summary>
internal sealed record DeepPage(int Page, string Cursor);
