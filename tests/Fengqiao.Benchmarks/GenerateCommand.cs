using System.Globalization;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.DemoData;
using Fengqiao.DemoData.Dispatch;
using Fengqiao.DemoData.Mediation;
using Fengqiao.Dispatch.BulkLoading;
using Fengqiao.Intake.BulkLoading;
using Fengqiao.Mediation.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Benchmarks;

/// <summary>
/// Creates the database in the data folder if there is none (migrations and the demo organisation), then bulk-loads
/// generated petitions, generated cases and generated disputes with their sessions (in rooms added for them), each only while
/// the database has none, so a petition database can gain cases and disputes; then suggestions and diary entries up to the
/// numbers asked for. The loaders record the events of the past they load as history, which no consumer is given; when anything
/// was loaded, the metrics' facts are rebuilt from the whole history (the wall time is the rebuild's figure).
/// </summary>
internal static class GenerateCommand
{
    public static async Task<int> RunAsync(int petitions, int cases, int disputes, int sessions, int suggestions, int diaryEntries, string dataDirectory,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        await using var host = new BenchmarkHost(dataDirectory, listenOnLoopback: false);
        Console.WriteLine($"Preparing {host.DatabaseFile} on {Environment.ProcessorCount} cores…");
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var loaded = false;
        if (petitions > 0 && await services.GetRequiredService<IntakeBulkLoading>().AnyPetitionAsync(cancellationToken))
        {
            Console.WriteLine("The database holds petitions already; none loaded.");
        }
        else if (petitions > 0)
        {
            await LoadPetitionsAsync(services, petitions, host.DatabaseFile, cancellationToken);
            loaded = true;
        }

        if (cases > 0 && await services.GetRequiredService<DispatchBulkLoading>().AnyCaseAsync(cancellationToken))
        {
            Console.WriteLine("The database holds cases already; none loaded.");
        }
        else if (cases > 0)
        {
            await LoadCasesAsync(services, cases, host.DatabaseFile, cancellationToken);
            loaded = true;
        }

        if (disputes > 0 && await services.GetRequiredService<MediationSeeding>().DisputeCountAsync(cancellationToken) > 0)
        {
            Console.WriteLine("The database holds disputes already; none loaded.");
        }
        else if (disputes > 0)
        {
            await LoadDisputesAsync(services, disputes, sessions, host.DatabaseFile, cancellationToken);
            loaded = true;
        }

        if (suggestions > 0)
        {
            await SuggestionsLoad.LoadSuggestionsAsync(services, suggestions, cancellationToken);
            loaded = true;
        }

        if (diaryEntries > 0)
        {
            await SuggestionsLoad.LoadDiaryAsync(services, diaryEntries, cancellationToken);
            loaded = true;
        }

        if (loaded)
        {
            await MetricsScenarios.RebuildAsync(services, cancellationToken);
        }

        return 0;
    }

    public static async Task<int> RebuildMetricsAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        await using var host = new BenchmarkHost(dataDirectory, listenOnLoopback: false);
        if (!File.Exists(host.DatabaseFile))
        {
            await Console.Error.WriteLineAsync($"{host.DatabaseFile} does not exist; run generate first.");
            return 2;
        }

        await using var scope = host.Services.CreateAsyncScope();
        await MetricsScenarios.RebuildAsync(scope.ServiceProvider, cancellationToken);
        return 0;
    }

    private static async Task LoadPetitionsAsync(IServiceProvider services, int petitions, string databaseFile, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Loading {petitions:N0} petitions…");
        var report = Progress(petitions, "petitions");
        var loaded = await DemoSeeder.LoadPetitionsAsync(services, petitions, (p, _) => report(p.Petitions, p.Rows, p.Elapsed), cancellationToken);

        var seconds = loaded.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {loaded.Petitions:N0} petitions ({loaded.Rows:N0} rows with petitioners, text keys and timeline) in {seconds:0.0} s: "
            + $"{loaded.Petitions / seconds:N0} petitions/s, {loaded.Rows / seconds:N0} rows/s; database {Megabytes(databaseFile):N0} MB."));
    }

    private static async Task LoadCasesAsync(IServiceProvider services, int cases, string databaseFile, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Loading {cases:N0} cases…");
        var generator = await CaseGenerator.CreateAsync(services, await services.GetRequiredService<IntakeBulkLoading>().CategoryCodesAsync(cancellationToken), cancellationToken);
        var report = Progress(cases, "cases");
        var loaded = await services.GetRequiredService<DispatchBulkLoading>().LoadAsync(generator.Generate(cases), p => report(p.Cases, p.Rows, p.Elapsed), cancellationToken);

        var seconds = loaded.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {loaded.Cases:N0} cases ({loaded.Rows:N0} rows with co-units, timeline, extensions, pauses, checklists, supervision orders, breaches and reminders) "
            + $"in {seconds:0.0} s: {loaded.Cases / seconds:N0} cases/s, {loaded.Rows / seconds:N0} rows/s; database {Megabytes(databaseFile):N0} MB."));
        Console.WriteLine("Cases by status and light:");
        foreach (var mix in await services.GetRequiredService<IDbSession>().QueryAsync<CaseMix>(BenchmarkSql.CaseMix, null, cancellationToken))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {mix.Status,-20}{mix.Light,-8}{mix.Cases,10:N0}"));
        }
    }

    private static async Task LoadDisputesAsync(IServiceProvider services, int disputes, int sessions, string databaseFile, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Loading {disputes:N0} disputes with {sessions:N0} sessions…");
        var rooms = await BulkDisputeGenerator.RoomsAsync(services, sessions, cancellationToken);
        var mediation = services.GetRequiredService<MediationSeeding>();
        await mediation.LoadRoomsAsync(rooms, cancellationToken);
        var generated = await BulkDisputeGenerator.GenerateAsync(services, disputes, sessions, DateTimeOffset.UtcNow, cancellationToken);
        var report = Progress(disputes, "disputes");
        var loaded = await mediation.LoadBulkDisputesAsync(generated, p => report(p.Disputes, p.Rows, p.Elapsed), cancellationToken);

        var seconds = loaded.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {loaded.Disputes:N0} disputes and {loaded.Sessions:N0} sessions in {rooms.Count:N0} added rooms ({loaded.Rows:N0} rows with parties, session mediators "
            + $"and slots) in {seconds:0.0} s: {loaded.Rows / seconds:N0} rows/s; database {Megabytes(databaseFile):N0} MB."));
    }

    /// <summary>Prints a line about every tenth of <paramref name="total"/> loaded.</summary>
    private static Action<int, long, TimeSpan> Progress(int total, string what)
    {
        var reportEvery = Math.Max(1, total / 10);
        var reported = 0;
        return (loaded, rows, elapsed) =>
        {
            if (loaded - reported >= reportEvery)
            {
                reported = loaded;
                Console.WriteLine($"  {loaded,10:N0} {what}  {rows,12:N0} rows  {elapsed.TotalSeconds,7:0.0} s");
            }
        };
    }

    private static double Megabytes(string file) => new FileInfo(file).Length / 1024.0 / 1024.0;

    private sealed record CaseMix(string Status, string Light, long Cases);
}
