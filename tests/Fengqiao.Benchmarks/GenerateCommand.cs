using System.Globalization;
using Fengqiao.Intake.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Benchmarks;

/// <summary>Creates a fresh database in the data folder (migrations and the demo organisation) and bulk-loads generated petitions.</summary>
internal static class GenerateCommand
{
    public static async Task<int> RunAsync(int petitions, string dataDirectory, CancellationToken cancellationToken)
    {
        await using var host = new BenchmarkHost(dataDirectory, listenOnLoopback: false);
        if (File.Exists(host.DatabaseFile))
        {
            await Console.Error.WriteLineAsync($"{host.DatabaseFile} exists; generate needs an empty data folder.");
            return 2;
        }

        Directory.CreateDirectory(dataDirectory);
        Console.WriteLine($"Creating {host.DatabaseFile} and loading {petitions:N0} petitions on {Environment.ProcessorCount} cores…");
        await using var scope = host.Services.CreateAsyncScope();
        var reportEvery = Math.Max(1, petitions / 10);
        var reported = 0;
        var loaded = await IntakeDemoSeeder.LoadAsync(scope.ServiceProvider, petitions, progress =>
        {
            if (progress.Petitions - reported >= reportEvery)
            {
                reported = progress.Petitions;
                Console.WriteLine($"  {progress.Petitions,10:N0} petitions  {progress.Rows,12:N0} rows  {progress.Elapsed.TotalSeconds,7:0.0} s");
            }
        }, cancellationToken);

        var seconds = loaded.Elapsed.TotalSeconds;
        var megabytes = new FileInfo(host.DatabaseFile).Length / 1024.0 / 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {loaded.Petitions:N0} petitions ({loaded.Rows:N0} rows with petitioners, text keys and timeline) in {seconds:0.0} s: "
            + $"{loaded.Petitions / seconds:N0} petitions/s, {loaded.Rows / seconds:N0} rows/s; database {megabytes:N0} MB."));
        return 0;
    }
}
