using System.Globalization;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Organization;
using Fengqiao.DemoData.Suggestions;
using Fengqiao.Suggestions.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Benchmarks;

/// <summary>
/// Loads generated suggestions and diary entries up to the numbers asked for, through the module's seam (its bulk loader): the
/// demo's generated year of suggestions repeated copy after copy (unprompted, each with its own tracking code) and of diary
/// entries (open, in villages drawn over the whole city, telling texts composed by <see cref="DiaryLoadTexts"/>, each indexed for
/// grouping as a new one is). Converting entries into petitions is left out: it would measure intake's registration.
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
        var count = (int)(target - have);
        Console.WriteLine($"Loading {count:N0} suggestions…");
        // Each copy of the demo's year is unprompted; a duplicate names the earlier suggestion of its own copy.
        var generated = Enumerable.Range(0, count).Select(i =>
        {
            var (copy, position) = (i / template.Count, i % template.Count);
            var suggestion = template[position];
            return suggestion with
            {
                TopicIndex = null,
                DuplicateOfIndex = suggestion.DuplicateOfIndex < position ? copy * template.Count + suggestion.DuplicateOfIndex : null,
            };
        });
        var loaded = await services.GetRequiredService<SuggestionsSeeding>().LoadSuggestionsAsync([], generated, Progress(count, "suggestions"), cancellationToken);
        Report("suggestions", loaded);
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
        var random = new Random(DiaryGenerator.DefaultSeed);
        var count = (int)(target - have);
        Console.WriteLine($"Loading {count:N0} diary entries…");
        // Each repetition of the demo's entries (their kinds, households and days) goes to a village drawn over the whole city and
        // tells a text composed for that village, so a village holds its own recurring matters among varied ones rather than
        // copies of the demo's sixteen texts.
        var texts = new DiaryLoadTexts(DiaryGenerator.DefaultSeed);
        var generated = Enumerable.Range(0, count).Select(i =>
        {
            var entry = template[i % template.Count];
            var village = random.Next(villages.Count);
            var (category, text) = texts.Next(random, village);
            return entry with
            {
                Conversion = null,
                Region = villages[village],
                Source = entry.Source is null ? null : $"{villages[village].Name}民情微群",
                Matter = text,
                Category = category,
            };
        });
        var loaded = await services.GetRequiredService<SuggestionsSeeding>().LoadDiaryAsync(generated, [], Progress(count, "diary entries"), cancellationToken);
        Report("diary entries", loaded);
    }

    /// <summary>Prints a line about every tenth of <paramref name="total"/> loaded.</summary>
    private static Action<SeedLoadProgress> Progress(int total, string what)
    {
        var reportEvery = Math.Max(1, total / 10);
        var reported = 0;
        return progress =>
        {
            if (progress.Loaded - reported >= reportEvery)
            {
                reported = progress.Loaded;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {progress.Loaded,10:N0} {what}  {progress.Rows,12:N0} rows  {progress.Elapsed.TotalSeconds,7:0.0} s"));
            }
        };
    }

    private static void Report(string what, SeedLoadProgress loaded)
    {
        var seconds = loaded.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {loaded.Loaded:N0} {what} ({loaded.Rows:N0} rows with text keys and assignments) in {seconds:0.0} s: {loaded.Loaded / seconds:N0} {what}/s, {loaded.Rows / seconds:N0} rows/s."));
    }
}
