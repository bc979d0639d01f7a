using System.Diagnostics;
using System.Globalization;

namespace Fengqiao.Benchmarks;

/// <param name="CpuMicroseconds">
/// The process's CPU time per measured request, the load's clients included (they run in the same process): steadier
/// than the rate while other work shares the machine.
/// </param>
internal sealed record ScenarioResult(
    string Scenario, int Requests, double RequestsPerSecond, double P50Milliseconds, double P95Milliseconds, double P99Milliseconds, double CpuMicroseconds);

/// <summary>Sends a fixed number of requests from a few concurrent clients and measures throughput and latency.</summary>
internal static class LoadDriver
{
    /// <summary>
    /// The warm-up lasts at least this long, for every scenario and the ceiling alike: tiered compilation only reaches
    /// optimised code for a path after it has run for a while, and goes on promoting methods for a while after that (the
    /// CPU time of a worklist read still fell by a sixth over its first minute under load). Measured is the
    /// steady state a server spends its day in, not the JIT.
    /// </summary>
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Each scenario is measured for at least this long: a fixed number of requests lasted 40 ms at the ceiling's pace,
    /// and one garbage collection or descheduled thread moved its figure by half from one run to the next.
    /// </summary>
    private static readonly TimeSpan MeasureTime = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Warms up, then measures at least <paramref name="requests"/> requests and for at least <see cref="MeasureTime"/>;
    /// <paramref name="maxWarmUpRequests"/> bounds the warm-up of scenarios whose requests are used up, and those measure
    /// exactly <paramref name="requests"/>.
    /// </summary>
    public static async Task<ScenarioResult> RunAsync(string scenario, int requests, int clients, Func<int, Task> send, int maxWarmUpRequests = int.MaxValue)
    {
        // Warm-up: JIT, connection pool, SQLite page cache; not measured. Batches of a tenth of the run, for at least WarmUpTime.
        var batch = Math.Max(clients, requests / 10);
        var warmUp = Stopwatch.StartNew();
        var warmUpRequests = 0;
        while (warmUpRequests + batch <= Math.Max(batch, maxWarmUpRequests) && (warmUpRequests == 0 || warmUp.Elapsed < WarmUpTime))
        {
            await RunConcurrentlyAsync(batch, clients, send, new double[batch]);
            warmUpRequests += batch;
        }

        var latencies = new List<double>();
        var sent = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var bounded = maxWarmUpRequests != int.MaxValue;
        while (sent < requests || (!bounded && stopwatch.Elapsed < MeasureTime))
        {
            var round = new double[requests];
            await RunConcurrentlyAsync(requests, clients, i => send(sent + i), round);
            latencies.AddRange(round);
            sent += requests;
        }

        var elapsed = stopwatch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / sent;
        latencies.Sort();
        var result = new ScenarioResult(scenario, sent, sent / elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), cpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {scenario}: {result.Requests} requests, {result.RequestsPerSecond:N0} req/s, p50 {result.P50Milliseconds:0.00} ms, p95 {result.P95Milliseconds:0.00} ms, p99 {result.P99Milliseconds:0.00} ms, {result.CpuMicroseconds:0} µs CPU"));
        return result;
    }

    /// <summary>Prints the table; the first result is the ceiling the others are compared with.</summary>
    public static void Print(IReadOnlyList<ScenarioResult> results, int clients)
    {
        var width = results.Max(r => r.Scenario.Length) + 2;
        var ceiling = results[0].RequestsPerSecond;
        Console.WriteLine();
        Console.WriteLine($"{"scenario".PadRight(width)}{"requests",9}{"req/s",10}{"% ceiling",11}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"CPU µs",9}   ({clients} concurrent clients)");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Scenario.PadRight(width)}{r.Requests,9}{r.RequestsPerSecond,10:0}{100 * r.RequestsPerSecond / ceiling,11:0}{r.P50Milliseconds,9:0.00}{r.P95Milliseconds,9:0.00}{r.P99Milliseconds,9:0.00}{r.CpuMicroseconds,9:0}"));
        }
    }

    private static async Task RunConcurrentlyAsync(int requests, int clients, Func<int, Task> send, double[] latencies)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                await send(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
