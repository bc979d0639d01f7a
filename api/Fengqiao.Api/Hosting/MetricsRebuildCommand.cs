using System.Globalization;
using Fengqiao.Metrics.Facts;

namespace Fengqiao.Api.Hosting;

/// <summary><c>--rebuild-metrics</c>: empties the metrics' facts and replays the event history into them, printing progress.</summary>
internal static class MetricsRebuildCommand
{
    public static async Task RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var rebuilt = await services.GetRequiredService<MetricsRebuild>().RebuildAsync(
            progress => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{progress.Events} events replayed ({progress.Elapsed.TotalSeconds:0.0} s)")),
            cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Metrics rebuilt from {rebuilt.Events} events in {rebuilt.Elapsed.TotalSeconds:0.0} s."));
    }
}
