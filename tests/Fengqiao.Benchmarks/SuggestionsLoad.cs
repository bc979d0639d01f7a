using System.Globalization;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Organization;
using Fengqiao.DemoData.Suggestions;
using Fengqiao.Suggestions.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Benchmarks;

/// <summary>
/// Loads generated suggestions and diary entries up to the numbers asked for, through the module's seeding seams: the demo's
/// generated year of suggestions and of diary entries repeated batch by batch (unprompted, each with its own tracking code;
/// entries open in villages drawn over the whole city, each indexed for grouping as a new one is). Converting entries into petitions is left out: it would
/// measure intake's registration.
/// </summary>
internal static class SuggestionsLoad
{
    public static async Task LoadSuggestionsAsync(IServiceProvider services, int target, CancellationToken cancellationToken)
    {
        var session = services.GetRequiredService<IDbSession>();
        var have = await session.ExecuteScalarAsync<long>(BenchmarkSql.SuggestionCount, null, cancellationToken);
        if (have >= target)
        {
            Console.WriteLine($"The database holds {have:N0} suggestions already; none loaded.");
            return;
        }

        var (_, template) = await SuggestionGenerator.GenerateAsync(services, cancellationToken);
        var batch = template.Select(s => s with { TopicIndex = null }).ToList();
        var seeding = services.GetRequiredService<SuggestionsSeeding>();
        var started = DateTime.UtcNow;
        var loaded = 0L;
        while (have + loaded < target)
        {
            var take = (int)Math.Min(batch.Count, target - have - loaded);
            // A duplicate names an earlier suggestion of its batch: a cut batch keeps only the suggestions whose originals it holds.
            var part = batch.Take(take).Select(s => s.DuplicateOfIndex < take || s.DuplicateOfIndex is null ? s : s with { DuplicateOfIndex = null }).ToList();
            await seeding.LoadAsync([], part, cancellationToken);
            loaded += part.Count;
            Report("suggestions", loaded, part.Count, target - have, started);
        }
    }

    public static async Task LoadDiaryAsync(IServiceProvider services, int target, CancellationToken cancellationToken)
    {
        var session = services.GetRequiredService<IDbSession>();
        var have = await session.ExecuteScalarAsync<long>(BenchmarkSql.DiaryEntryCount, null, cancellationToken);
        if (have >= target)
        {
            Console.WriteLine($"The database holds {have:N0} diary entries already; none loaded.");
            return;
        }

        var (template, _) = await DiaryGenerator.GenerateAsync(services, cancellationToken);
        var villages = (await services.GetRequiredService<IOrganizationDirectory>().ListRegionsAsync(cancellationToken)).Where(r => r.Level == "village").ToList();
        var seeding = services.GetRequiredService<DiarySeeding>();
        var random = new Random(DiaryGenerator.DefaultSeed);
        var started = DateTime.UtcNow;
        var loaded = 0L;
        while (have + loaded < target)
        {
            // Each repetition of the demo's entries goes to villages all over the city, so a village holds a realistic number of
            // entries alike rather than every copy of the same text.
            var part = template.Take((int)Math.Min(template.Count, target - have - loaded))
                .Select(e => e with { Conversion = null, Region = villages[random.Next(villages.Count)] }).ToList();
            await seeding.LoadAsync(part, [], cancellationToken);
            loaded += part.Count;
            Report("diary entries", loaded, part.Count, target - have, started);
        }
    }

    /// <summary>Prints a line about every tenth of <paramref name="total"/> loaded.</summary>
    private static void Report(string what, long loaded, int batch, long total, DateTime started)
    {
        var tenth = Math.Max(1, total / 10);
        if (loaded != total && loaded / tenth == (loaded - batch) / tenth)
        {
            return;
        }

        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {loaded,10:N0} of {total:N0} {what}  {seconds,7:0.0} s  {loaded / Math.Max(seconds, 0.001):N0}/s"));
    }
}
