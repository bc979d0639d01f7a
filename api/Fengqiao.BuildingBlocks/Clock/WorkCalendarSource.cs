using Fengqiao.BuildingBlocks.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.BuildingBlocks.Clock;

/// <summary>
/// The current work calendar of this instance. It is replaced after an admin saves a year here, and when another
/// instance saved one (a cheap check every 30 s); scoped services can inject <see cref="WorkCalendar"/> directly.
/// </summary>
public interface IWorkCalendarSource
{
    WorkCalendar Current { get; }

    /// <summary>Re-reads the calendar from the database if it changed since it was last read.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}

internal sealed class WorkCalendarCache(IServiceScopeFactory scopes, DataGeneration generation) : IWorkCalendarSource
{
    private volatile Snapshot? _snapshot;

    public WorkCalendar Current => _snapshot?.Calendar
        ?? throw new InvalidOperationException("The work calendar has not been loaded; the host loads it at start.");

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
        var stamp = await session.QuerySingleOrDefaultAsync<TableStamp>(WorkCalendarSql.Stamp, null, cancellationToken);
        if (_snapshot is { } loaded && loaded.Stamp == stamp)
        {
            return;
        }

        var years = await scope.ServiceProvider.GetRequiredService<WorkCalendarStore>().ListAsync(cancellationToken);
        var read = new TableStamp { Rows = years.Count, Versions = years.Sum(y => y.Version) };
        _snapshot = new Snapshot(read, new WorkCalendar(years.Select(y => y.ToYear())));
        // Answers kept by the read cache were made with the settings replaced here (also when another instance changed them).
        generation.Advance();
    }

    private sealed record Snapshot(TableStamp Stamp, WorkCalendar Calendar);
}
