using System.Globalization;

namespace Fengqiao.Benchmarks;

/// <summary>
/// <c>generate [--petitions N] [--cases N] [--disputes N --sessions N] [--suggestions N] [--diary-entries N] --data-dir DIR</c> creates a
/// database with N generated petitions, cases, disputes sharing N sessions, suggestions and diary entries;
/// <c>rebuild-metrics --data-dir DIR</c> rebuilds the metrics' facts from the event history again, timed;
/// <c>run --data-dir DIR [--requests N] [--metrics-requests N] [--mixed-requests N] [--clients N] [--mixed-only true] [--metrics-only true] [--only suggestions|mediation|dashboards]</c>
/// measures the API over it (with <c>--only</c>, the ceiling and that module's scenarios alone).
/// Figures are printed, never asserted.
/// </summary>
internal static class BenchmarkProgram
{
    private const string Usage = "usage: generate [--petitions N] [--cases N] [--disputes N --sessions N] [--suggestions N] [--diary-entries N] --data-dir DIR | rebuild-metrics --data-dir DIR | run --data-dir DIR [--requests N] [--metrics-requests N] [--mixed-requests N] [--clients N] [--mixed-only true] [--metrics-only true] [--only suggestions|mediation|dashboards]";

    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var options = args.Skip(1).Chunk(2).Where(pair => pair.Length == 2 && pair[0].StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(pair => pair[0][2..], pair => pair[1], StringComparer.Ordinal);
        int Number(string name, int fallback) => options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        bool Flag(string name) => options.TryGetValue(name, out var text) && bool.Parse(text);

        if (!options.TryGetValue("data-dir", out var dataDirectoryOption))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        // WebApplicationFactory finds the host's content root through a manifest beside this program, looked up
        // relative to the current folder; the data folder is resolved against the folder the caller was in.
        var dataDirectory = Path.GetFullPath(dataDirectoryOption);
        Environment.CurrentDirectory = AppContext.BaseDirectory;

        switch (args.FirstOrDefault())
        {
            case "generate" when new[] { "petitions", "cases", "disputes", "suggestions", "diary-entries" }.Any(options.ContainsKey):
                return await GenerateCommand.RunAsync(Number("petitions", 0), Number("cases", 0), Number("disputes", 0), Number("sessions", 0), Number("suggestions", 0),
                    Number("diary-entries", 0), dataDirectory, cancel.Token);
            case "rebuild-metrics":
                return await GenerateCommand.RebuildMetricsAsync(dataDirectory, cancel.Token);
            case "run":
                return await RunCommand.RunAsync(dataDirectory, Number("requests", 2000), Number("metrics-requests", 2000), Number("mixed-requests", 21000),
                    Flag("mixed-only"), Flag("metrics-only"), options.GetValueOrDefault("only"), Number("clients", 4), cancel.Token);
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
