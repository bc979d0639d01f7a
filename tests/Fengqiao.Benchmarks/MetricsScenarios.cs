using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Metrics.Facts;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Benchmarks;

/// <summary>
/// The metrics over the generated history: the projection's rebuild from the event history (timed), the leaders' dashboard of a
/// town, a district and the city, and XLSX exports of the daily facts at two sizes with the process's memory sampled while they run.
/// </summary>
internal static class MetricsScenarios
{
    /// <summary>The sizes of the exports compared: memory that stays the same from the first to the second is steady.</summary>
    private static readonly int[] ExportRows = [10_000, 100_000];

    private static readonly TimeSpan MemorySampleInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Empties the metrics' facts and replays the whole event history into them, printing progress and the wall time.</summary>
    public static async Task RebuildAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        Console.WriteLine("Rebuilding the metrics' facts from the event history…");
        var reported = TimeSpan.Zero;
        var counted = TimeSpan.Zero;
        var rebuilt = await services.GetRequiredService<MetricsRebuild>().RebuildAsync(
            progress =>
            {
                counted = progress.Elapsed;
                if (progress.Elapsed - reported >= TimeSpan.FromSeconds(30))
                {
                    reported = progress.Elapsed;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {progress.Events,12:N0} events  {progress.Elapsed.TotalSeconds,7:0.0} s"));
                }
            },
            cancellationToken);
        var facts = await services.GetRequiredService<IDbSession>().ExecuteScalarAsync<long>(BenchmarkSql.FactCount, null, cancellationToken);
        var seconds = rebuilt.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rebuilt the metrics from {rebuilt.Events:N0} events in {seconds:0.0} s ({rebuilt.Events / Math.Max(seconds, 0.001):N0} events/s): {facts:N0} daily fact rows; the history read and counted in {counted.TotalSeconds:0.0} s, the tables written in {(rebuilt.Elapsed - counted).TotalSeconds:0.0} s."));
    }

    /// <summary>
    /// The leaders' dashboard for the current month as the SPA reads it (one read: the five-colour chart with its ranking, the twelve
    /// months' trend, the mix by channel and by category, with the figures it draws), then, for comparison, the four parts read one
    /// by one with every figure (unless <paramref name="withParts"/> is false), as a town's, a district's and the city's leader. The
    /// metrics' answers are not kept by the read cache, so each read is measured fresh.
    /// </summary>
    public static async Task<List<ScenarioResult>> DashboardAsync(HttpClient http, Uri api, int requests, int clients, DateOnly today, bool withParts = true)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        var last = month.AddMonths(1).AddDays(-1);
        var dashboard = new Uri(api, string.Create(CultureInfo.InvariantCulture,
            $"/api/v1/metrics/dashboard?month={month:yyyy-MM}&indicators=registered&indicators=resolution_rate&indicators=satisfaction_rate"));
        Uri[] parts =
        [
            new(api, string.Create(CultureInfo.InvariantCulture, $"/api/v1/metrics/five-colour?month={month:yyyy-MM}")),
            Indicators(api, month.AddMonths(-11), last, "month"),
            Indicators(api, month, last, "channel"),
            Indicators(api, month, last, "category"),
        ];
        string[] names = ["five-colour chart", "12-month trend", "mix by channel", "mix by category"];
        var results = new List<ScenarioResult>();
        foreach (var level in new[] { "town", "district", "city" })
        {
            var leader = await RunCommand.SignInAsync(http, api, level + ".leader");
            results.Add(await LoadDriver.RunAsync($"metrics dashboard (one read), {level} leader", requests, clients,
                _ => RunCommand.SendAsync(http, HttpMethod.Get, dashboard, leader, null, HttpStatusCode.OK, fresh: true)));
            for (var r = 0; r < (withParts ? parts.Length : 0); r++)
            {
                var url = parts[r];
                results.Add(await LoadDriver.RunAsync($"metrics {names[r]}, {level} leader", requests, clients,
                    _ => RunCommand.SendAsync(http, HttpMethod.Get, url, leader, null, HttpStatusCode.OK, fresh: true)));
            }
        }

        return results;
    }

    /// <summary>
    /// The city leader's XLSX exports of the daily facts of the latest days holding about 10,000 and 100,000 rows, one at a time
    /// after a full collection: the peaks of the managed heap and of the working set above what they were before, sampled every
    /// 10 ms while the job runs, and what the export allocated in all.
    /// </summary>
    public static async Task ExportsAsync(BenchmarkHost host, HttpClient http, Uri api, CancellationToken cancellationToken)
    {
        var city = await RunCommand.SignInAsync(http, api, "city.leader");
        long facts;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            facts = await scope.ServiceProvider.GetRequiredService<IDbSession>().ExecuteScalarAsync<long>(BenchmarkSql.FactCount, null, cancellationToken);
        }

        Console.WriteLine("XLSX exports of the daily facts, city leader:");
        foreach (var rows in ExportRows)
        {
            if (facts < rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rows:N0} rows: left out, the facts hold {facts:N0} rows at this size"));
                continue;
            }

            DateOnly from;
            DateOnly to;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
                from = Day(await session.ExecuteScalarAsync<string>(BenchmarkSql.FactDayFromLatest, new { Skip = rows - 1 }, cancellationToken));
                to = Day(await session.ExecuteScalarAsync<string>(BenchmarkSql.FactLatestDay, null, cancellationToken));
            }

            await ExportAsync(http, api, city, from, to, cancellationToken);
        }
    }

    private static async Task ExportAsync(HttpClient http, Uri api, string token, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var heapBefore = GC.GetTotalMemory(false);
        var workingSetBefore = process.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var heapPeak = heapBefore;
        var workingSetPeak = workingSetBefore;
        using var stopSampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stopSampling.IsCancellationRequested)
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                process.Refresh();
                workingSetPeak = Math.Max(workingSetPeak, process.WorkingSet64);
                await Task.Delay(MemorySampleInterval, CancellationToken.None);
            }
        }, CancellationToken.None);

        var stopwatch = Stopwatch.StartNew();
        var body = new JsonObject
        {
            ["kind"] = "daily_facts",
            ["format"] = "xlsx",
            ["parameters"] = new JsonObject
            {
                ["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
        };
        var started = JsonNode.Parse(await RunCommand.SendAsync(http, HttpMethod.Post, new Uri(api, "/api/v1/metrics/export-jobs"), token, body, HttpStatusCode.Accepted))!;
        var job = new Uri(api, $"/api/v1/metrics/export-jobs/{started["id"]!.GetValue<string>()}");
        JsonNode state;
        while (true)
        {
            state = JsonNode.Parse(await RunCommand.SendAsync(http, HttpMethod.Get, job, token, null, HttpStatusCode.OK, fresh: true))!;
            var name = state["state"]!.GetValue<string>();
            if (name is "succeeded")
            {
                break;
            }

            if (name is "failed" or "expired")
            {
                throw new InvalidOperationException($"The export job ended {name}: {state["error"]}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        var elapsed = stopwatch.Elapsed;
        await stopSampling.CancelAsync();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {state["rowsDone"]!.GetValue<long>(),9:N0} rows ({from:yyyy-MM-dd} to {to:yyyy-MM-dd}), {state["sizeBytes"]!.GetValue<long>() / 1024.0 / 1024.0:0.0} MB file in {elapsed.TotalSeconds:0.0} s: "
            + $"managed heap peak +{Megabytes(heapPeak - heapBefore):0.0} MB (from {Megabytes(heapBefore):0.0}), working set peak +{Megabytes(workingSetPeak - workingSetBefore):0.0} MB "
            + $"(from {Megabytes(workingSetBefore):0.0}), {Megabytes(allocated):0} MB allocated in all"));
    }

    private static DateOnly Day(string? text) => DateOnly.ParseExact(text![..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double Megabytes(long bytes) => bytes / 1024.0 / 1024.0;

    private static Uri Indicators(Uri api, DateOnly from, DateOnly to, string groupBy) =>
        new(api, string.Create(CultureInfo.InvariantCulture, $"/api/v1/metrics/indicators?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&groupBy={groupBy}"));
}
