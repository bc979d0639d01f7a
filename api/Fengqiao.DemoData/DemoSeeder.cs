using System.Diagnostics;
using System.Security.Cryptography;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Intake;
using Fengqiao.DemoData.Dispatch;
using Fengqiao.DemoData.Intake;
using Fengqiao.DemoData.Mediation;
using Fengqiao.DemoData.Organization;
using Fengqiao.DemoData.Receptions;
using Fengqiao.DemoData.Suggestions;
using Fengqiao.Dispatch.BulkLoading;
using Fengqiao.Intake.BulkLoading;
using Fengqiao.Mediation.Seeding;
using Fengqiao.Metrics.Facts;
using Fengqiao.Organization.Seeding;
using Fengqiao.Receptions.Seeding;
using Fengqiao.Suggestions.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fengqiao.DemoData;

internal sealed partial class DemoSeeder(
    IServiceScopeFactory scopes,
    DataDirectory dataDirectory,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<DemoSeeder> logger)
{
    public const int DefaultPetitions = 3000;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Demo:Seed", true))
        {
            return;
        }

        await SeedOrganizationAsync(cancellationToken);
        await SeedMediationRoomsAsync(cancellationToken);
        await SeedMediationDisputesAsync(cancellationToken);
        var petitionsSeeded = await SeedPetitionsAndCasesAsync(cancellationToken);
        var receptionsSeeded = await SeedReceptionsAsync(cancellationToken);
        await SeedSuggestionsAsync(cancellationToken);
        await SeedDiaryAsync(cancellationToken);
        if (petitionsSeeded || receptionsSeeded)
        {
            await RebuildMetricsAsync(cancellationToken);
        }
    }

    /// <summary>Generates <paramref name="count"/> petitions with the fixed seed and loads them, in the given scope.</summary>
    public static async Task<BulkLoadProgress> LoadPetitionsAsync(
        IServiceProvider scoped, int count, Action<BulkLoadProgress, IReadOnlyList<PetitionAccepted>>? onBatch, CancellationToken cancellationToken)
    {
        var generator = await PetitionGenerator.CreateAsync(scoped, scoped.GetRequiredService<TimeProvider>().GetUtcNow(), PetitionGenerator.DefaultSeed, cancellationToken);
        return await scoped.GetRequiredService<IntakeBulkLoading>().LoadAsync(generator.Generate(count), onBatch, cancellationToken);
    }

    private async Task SeedOrganizationAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var seeding = scope.ServiceProvider.GetRequiredService<OrganizationSeeding>();
        if (!await seeding.IsEmptyAsync(cancellationToken))
        {
            return;
        }

        var password = DemoPassword();
        var today = WorkCalendar.LocalDate(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        var users = await OrganizationSeeder.SeedAsync(seeding, password, today, cancellationToken);
        if (environment.IsDevelopment())
        {
            LogDemoUsers(logger, users, password);
        }
    }

    /// <summary>
    /// Petitions while there are none, the demo town's showcase among them; then, while there are no cases, a case for every
    /// accepted petition, handed from the intake module's load to the dispatch module's as the acceptance events.
    /// </summary>
    private async Task<bool> SeedPetitionsAndCasesAsync(CancellationToken cancellationToken)
    {
        var count = configuration.GetValue("Demo:Petitions", DefaultPetitions);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var intake = services.GetRequiredService<IntakeBulkLoading>();
        if (count <= 0 || await intake.AnyPetitionAsync(cancellationToken))
        {
            return false;
        }

        var stopwatch = Stopwatch.StartNew();
        var showcase = await DemoCases.CreateAsync(services, cancellationToken);
        var petitions = await PetitionGenerator.CreateAsync(services, services.GetRequiredService<TimeProvider>().GetUtcNow(), PetitionGenerator.DefaultSeed, cancellationToken);
        var accepted = new List<PetitionAccepted>();
        var loaded = await intake.LoadAsync(petitions.Generate(count, showcase?.Petitions), (_, batch) => accepted.AddRange(batch), cancellationToken);
        var dispatch = services.GetRequiredService<DispatchBulkLoading>();
        var cases = 0;
        if (!await dispatch.AnyCaseAsync(cancellationToken))
        {
            var generator = await CaseGenerator.CreateAsync(services, await intake.CategoryCodesAsync(cancellationToken), cancellationToken);
            var histories = (showcase?.Histories(accepted, generator) ?? generator.ForAccepted(accepted)).ToList();
            cases = (await dispatch.LoadAsync(histories, null, cancellationToken)).Cases;
            await intake.RecordCaseUnitsAsync(histories.Select(UnitsWorkingOn).OfType<BulkCaseUnits>(), cancellationToken);
        }

        LogPetitionsSeeded(logger, loaded.Petitions, cases, stopwatch.Elapsed.TotalSeconds);
        return true;
    }

    /// <summary>
    /// The loads record the events of the seeded past as history, which no consumer is given; the metrics are rebuilt from it
    /// so that a newcomer's dashboard shows the demo data's figures on first start.
    /// </summary>
    private async Task RebuildMetricsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rebuilt = await scope.ServiceProvider.GetRequiredService<MetricsRebuild>().RebuildAsync(null, cancellationToken);
        LogMetricsRebuilt(logger, rebuilt.Events, rebuilt.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// A year of receptions while there are none (unless <c>Demo:Receptions</c> is false), after the petitions: their assigned
    /// batches register petitions through the intake module, which a petition load would otherwise see and skip itself.
    /// Answers whether it seeded: their events are history the metrics are rebuilt from.
    /// </summary>
    private async Task<bool> SeedReceptionsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var receptions = services.GetRequiredService<ReceptionsSeeding>();
        if (!configuration.GetValue("Demo:Receptions", true) || await receptions.AnyReceptionAsync(cancellationToken))
        {
            return false;
        }

        var stopwatch = Stopwatch.StartNew();
        var generated = await ReceptionGenerator.GenerateAsync(services, cancellationToken);
        await receptions.LoadRegistersAsync(generated.Policies, generated.Incidents, cancellationToken);
        var batches = await receptions.LoadAsync(generated.Receptions, cancellationToken);
        LogReceptionsSeeded(logger, generated.Receptions.Count, batches, stopwatch.Elapsed.TotalSeconds);
        return generated.Receptions.Count > 0;
    }

    /// <summary>The mediation rooms and committees with their mediators, while there are none.</summary>
    private async Task SeedMediationRoomsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mediation = scope.ServiceProvider.GetRequiredService<MediationSeeding>();
        if (await mediation.AnyRoomAsync(cancellationToken))
        {
            return;
        }

        await mediation.LoadRoomsAsync(await RoomGenerator.GenerateAsync(scope.ServiceProvider, cancellationToken), cancellationToken);
    }

    /// <summary>Demo disputes in every stage in the seeded rooms while there are none (unless <c>Demo:Disputes</c> is false).</summary>
    private async Task SeedMediationDisputesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mediation = scope.ServiceProvider.GetRequiredService<MediationSeeding>();
        if (!configuration.GetValue("Demo:Disputes", true) || await mediation.AnyDisputeAsync(cancellationToken))
        {
            return;
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        await mediation.LoadDisputesAsync(await DisputeGenerator.GenerateAsync(scope.ServiceProvider, now, cancellationToken), cancellationToken);
    }

    /// <summary>Topics in every status across the city and a few hundred suggestions while there are none (unless <c>Demo:Suggestions</c> is false).</summary>
    private async Task SeedSuggestionsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var suggestions = services.GetRequiredService<SuggestionsSeeding>();
        if (!configuration.GetValue("Demo:Suggestions", true) || await suggestions.AnyTopicAsync(cancellationToken))
        {
            return;
        }

        var (topics, generated) = await SuggestionGenerator.GenerateAsync(services, cancellationToken);
        await suggestions.LoadSuggestionsAsync(topics, generated, null, cancellationToken);
        LogSuggestionsSeeded(logger, topics.Count, generated.Count);
    }

    /// <summary>A few hundred diary entries over the first towns' villages, some grouped and converted, while there are none (unless <c>Demo:Diary</c> is false).</summary>
    private async Task SeedDiaryAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var diary = services.GetRequiredService<SuggestionsSeeding>();
        if (!configuration.GetValue("Demo:Diary", true) || await diary.AnyDiaryEntryAsync(cancellationToken))
        {
            return;
        }

        var (entries, matters) = await DiaryGenerator.GenerateAsync(services, cancellationToken);
        await diary.LoadDiaryAsync(entries, matters, null, cancellationToken);
        LogDiarySeeded(logger, entries.Count, matters.Count);
    }

    /// <summary>The units a case's assignment (or re-assignment after a return) left working on it; none while it awaits one.</summary>
    private static BulkCaseUnits? UnitsWorkingOn(CaseHistory history)
    {
        var assignedAt = history.Return is { } returned ? returned.ReassignedAt : history.AssignedAt;
        return assignedAt is { } at
            ? new BulkCaseUnits(history.Id, history.PetitionId, [history.Lead.Id, .. history.CoUnits.Select(c => c.Unit.Id)], at)
            : null;
    }

    private string DemoPassword()
    {
        var configured = configuration["Demo:Password"];
        return string.IsNullOrWhiteSpace(configured)
            ? dataDirectory.GetOrCreateSecret("demo-password.txt", () => "Fq-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + "-2026")
            : configured;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data seeded: {Users} users named <level>.<role> (e.g. city.admin, district.handler, town.petition_officer), password: {Password}")]
    private static partial void LogDemoUsers(ILogger logger, int users, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo receptions seeded: {Receptions} receptions, {Batches} batches in {Seconds:0.0} s")]
    private static partial void LogReceptionsSeeded(ILogger logger, int receptions, int batches, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo suggestions seeded: {Topics} topics, {Suggestions} suggestions")]
    private static partial void LogSuggestionsSeeded(ILogger logger, int topics, int suggestions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo diary seeded: {Entries} entries, {Matters} kinds of matter")]
    private static partial void LogDiarySeeded(ILogger logger, int entries, int matters);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo metrics rebuilt from {Events} events in {Seconds:0.0} s")]
    private static partial void LogMetricsRebuilt(ILogger logger, long events, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo petitions and cases seeded: {Petitions} petitions, {Cases} cases in {Seconds:0.0} s")]
    private static partial void LogPetitionsSeeded(ILogger logger, int petitions, int cases, double seconds);
}
