using System.Text.Json;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.RuleSets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fengqiao.BuildingBlocks;

/// <summary>The work calendar and the rule sets: data in platform tables, first filled from the files shipped with the app.</summary>
public static partial class PlatformSettings
{
    /// <summary>
    /// Stores every <c>WorkCalendar/YYYY.json</c> year and <c>RuleSets/*.json</c> rule set the database lacks,
    /// activates <c>RuleSets:Active</c> (default national) when none is active, then loads both into memory.
    /// The host runs this after the migrations.
    /// </summary>
    public static async Task SeedPlatformSettingsAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlatformSettings));
        var calendarDirectory = configuration["WorkCalendar:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "WorkCalendar");
        var ruleSetDirectory = configuration["RuleSets:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "RuleSets");
        var years = WorkCalendar.LoadFromDirectory(calendarDirectory).Years;
        var ruleSetFiles = Directory.Exists(ruleSetDirectory) ? Directory.GetFiles(ruleSetDirectory, "*.json").Order(StringComparer.Ordinal).ToList() : [];

        await using (var scope = services.CreateAsyncScope())
        {
            var provider = scope.ServiceProvider;
            var calendar = provider.GetRequiredService<WorkCalendarStore>();
            var ruleSets = provider.GetRequiredService<RuleSetStore>();
            var seeded = await provider.GetRequiredService<UnitOfWork>().ExecuteAsync(
                async token =>
                {
                    var count = 0;
                    foreach (var year in years)
                    {
                        count += await calendar.SeedAsync(year, token) ? 1 : 0;
                    }

                    foreach (var path in ruleSetFiles)
                    {
                        using var file = JsonDocument.Parse(await File.ReadAllBytesAsync(path, token));
                        count += await ruleSets.SeedAsync(file.RootElement, path, token) ? 1 : 0;
                    }

                    await ruleSets.ActivateIfNoneActiveAsync(configuration["RuleSets:Active"] ?? "national", token);
                    return count;
                },
                cancellationToken);
            if (seeded > 0)
            {
                LogSeeded(logger, seeded);
            }
        }

        await services.GetRequiredService<IWorkCalendarSource>().RefreshAsync(cancellationToken);
        await services.GetRequiredService<IRuleSets>().RefreshAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform settings seeded from files: {Count} work calendar year(s) and rule set(s)")]
    private static partial void LogSeeded(ILogger logger, int count);
}

/// <summary>Picks up work calendar and rule-set changes other instances made, with a cheap version check per interval.</summary>
internal sealed partial class PlatformSettingsRefresher(
    IWorkCalendarSource calendar,
    IRuleSets ruleSets,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<PlatformSettingsRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("PlatformSettings:RefreshSeconds", 30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await calendar.RefreshAsync(stoppingToken);
                await ruleSets.RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The settings in memory stay valid; the next check tries again.
                LogRefreshFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-reading the work calendar or the rule sets failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
