using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Dispatch.Cases;
using Fengqiao.Dispatch.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fengqiao.Dispatch.Watcher;

public sealed class DeadlineWatcherOptions
{
    public const string Section = "DeadlineWatcher";

    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 200;
}

internal sealed record WatchedCase
{
    public required Guid Id { get; init; }

    public required Guid PetitionId { get; init; }

    public required CaseKind Kind { get; init; }

    public required string RegionPath { get; init; }

    public required Guid RegionId { get; init; }

    public Guid? LeadUnitId { get; init; }

    public required ClockStep CurrentStep { get; init; }

    public required DateOnly CurrentDueOn { get; init; }

    public required DateOnly CurrentYellowOn { get; init; }

    public required Light Light { get; init; }
}

/// <summary>
/// Turns lights yellow and red as the calendar moves, records a reminder, raises CaseDueSoon / CaseOverdue and flags the
/// breach of an overdue step. Driven by <see cref="TimeProvider"/>; a database lease keeps two instances from working
/// at once, and each light changes only from the value read, so every change happens once.
/// </summary>
public sealed partial class DeadlineWatcher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<DeadlineWatcherOptions> options,
    ILogger<DeadlineWatcher> logger) : BackgroundService
{
    private readonly string _owner = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WatchOnceAsync(stoppingToken);
                await Task.Delay(options.Value.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogWatchFailed(logger, exception);
                await Task.Delay(options.Value.Interval, clock, stoppingToken);
            }
        }
    }

    /// <summary>One pass: claims the lease and updates every light that is behind; returns how many lights changed.</summary>
    public async Task<int> WatchOnceAsync(CancellationToken cancellationToken)
    {
        var changedInAll = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
            var events = scope.ServiceProvider.GetRequiredService<IEventPublisher>();
            var store = scope.ServiceProvider.GetRequiredService<CaseStore>();
            // Nothing behind: no lease and no transaction, since every commit empties the read cache.
            var anyDue = await session.QueryAsync<WatchedCase>(
                WatcherSql.Due(session.Dialect), new { Today = WorkCalendar.LocalDate(clock.GetUtcNow()), BatchSize = 1 }, cancellationToken);
            if (anyDue.Count == 0)
            {
                return changedInAll;
            }

            var (found, changed) = await unitOfWork.ExecuteAsync(token => PassAsync(session, events, store, token), cancellationToken);
            changedInAll += changed;
            if (found < options.Value.BatchSize)
            {
                return changedInAll;
            }
        }
    }

    private async ValueTask<(int Found, int Changed)> PassAsync(IDbSession session, IEventPublisher events, CaseStore store, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await session.ExecuteAsync(WatcherSql.ClaimLease, new { Owner = _owner, LeaseUntil = now + options.Value.LeaseDuration, Now = now }, cancellationToken);
        if (claimed == 0)
        {
            return (0, 0);
        }

        var today = WorkCalendar.LocalDate(now);
        var due = await session.QueryAsync<WatchedCase>(WatcherSql.Due(session.Dialect), new { Today = today, options.Value.BatchSize }, cancellationToken);
        var changed = 0;
        foreach (var c in due)
        {
            var light = CaseClock.LightOn(today, c.CurrentDueOn, c.CurrentYellowOn);
            var updated = await session.ExecuteAsync(
                WatcherSql.SetLight, new { c.Id, NewLight = light.ToString(), OldLight = c.Light.ToString(), DueOn = c.CurrentDueOn }, cancellationToken);
            if (updated == 0)
            {
                continue;
            }

            changed++;
            await BoardCounts.AddAsync(session, [BoardDelta.OfLight(c.LeadUnitId, c.RegionId, c.RegionPath, c.CurrentStep, c.Light, light)], cancellationToken);
            await session.ExecuteAsync(
                WatcherSql.InsertReminder,
                new { Id = Guid.CreateVersion7(now), CaseId = c.Id, Step = c.CurrentStep.ToString(), Light = light.ToString(), DueOn = c.CurrentDueOn, Now = now },
                cancellationToken);
            var overdue = light == Light.Red;
            await store.AddTimelineAsync(c.Id, overdue ? CaseEventKind.Overdue : CaseEventKind.DueSoon, false, c.CurrentDueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                null, null, null, false, cancellationToken);
            var (kind, step) = (c.Kind.ToSnakeCase(), c.CurrentStep.ToSnakeCase());
            if (overdue)
            {
                await store.RecordBreachAsync(c.Id, CaseStore.BreachFor(c.CurrentStep), cancellationToken);
                events.Publish(new CaseOverdue(Guid.CreateVersion7(now), now, c.Id, c.PetitionId, kind, c.RegionPath, c.LeadUnitId, step, c.CurrentDueOn));
            }
            else
            {
                events.Publish(new CaseDueSoon(Guid.CreateVersion7(now), now, c.Id, c.PetitionId, kind, c.RegionPath, c.LeadUnitId, step, c.CurrentDueOn));
            }
        }

        return (due.Count, changed);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline watcher pass failed")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception);
}
