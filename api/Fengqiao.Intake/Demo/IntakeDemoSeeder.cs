using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Organization;
using Fengqiao.Intake.Petitions;
using Fengqiao.Intake.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fengqiao.Intake.Demo;

/// <summary>
/// On a start with demo seeding on and no petitions yet: <c>Demo:Petitions</c> generated petitions (default
/// 3,000) over the demo organisation's regions, so worklists, flags and duplicates have something to show.
/// </summary>
internal sealed partial class IntakeDemoSeeder(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<IntakeDemoSeeder> logger)
{
    public const int DefaultPetitions = 3000;

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var count = configuration.GetValue("Demo:Petitions", DefaultPetitions);
        if (!configuration.GetValue("Demo:Seed", true) || count <= 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<IDbSession>().ExecuteScalarAsync<long>(PetitionBulkSql.AnyPetition, null, cancellationToken) > 0)
        {
            return;
        }

        var loaded = await LoadAsync(scope.ServiceProvider, count, null, cancellationToken);
        LogSeeded(logger, loaded.Petitions, loaded.Elapsed.TotalSeconds);
    }

    /// <summary>Generates <paramref name="count"/> petitions with the fixed seed and loads them, in the given scope.</summary>
    public static async Task<BulkLoadProgress> LoadAsync(IServiceProvider scoped, int count, Action<BulkLoadProgress>? onBatch, CancellationToken cancellationToken)
    {
        var directory = scoped.GetRequiredService<IOrganizationDirectory>();
        var categories = await scoped.GetRequiredService<PetitionCategories>().AllAsync(cancellationToken);
        var generator = new PetitionGenerator(
            await directory.ListRegionsAsync(cancellationToken),
            await directory.ListUnitsAsync(cancellationToken),
            categories.Select(c => c.Code).ToList(),
            scoped.GetRequiredService<IntakeRules>(),
            scoped.GetRequiredService<WorkCalendar>(),
            scoped.GetRequiredService<TimeProvider>().GetUtcNow());
        return await scoped.GetRequiredService<PetitionBulkLoader>().LoadAsync(generator.Generate(count), onBatch, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo petitions seeded: {Petitions} in {Seconds:0.0} s")]
    private static partial void LogSeeded(ILogger logger, int petitions, double seconds);
}
