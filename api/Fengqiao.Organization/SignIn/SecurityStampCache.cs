using System.Collections.Concurrent;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fengqiao.Organization.SignIn;

/// <summary>
/// Every user's current security stamp, in memory: an authenticated request compares its token's stamp with it. The
/// stamps are read again when the count and sum of the column moved, which the instance that changed a stamp checks
/// right after its commit and every instance checks every <c>Auth:SecurityStampRefreshSeconds</c>.
/// </summary>
internal sealed class SecurityStampCache(IServiceScopeFactory scopes) : ISecurityStamps
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async ValueTask<bool> IsCurrentAsync(Guid userId, long stamp, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Stamps.TryGetValue(userId, out var current))
        {
            return current == stamp;
        }

        // A user created (by another instance) since the last read, or a request before the first one.
        await using var scope = scopes.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<IDbSession>()
            .QuerySingleOrDefaultAsync<UserStamp>(SecurityStampSql.One, new { UserId = userId }, cancellationToken);
        if (row is null)
        {
            return false;
        }

        // Never overwrites: a value already there was read later than this one.
        snapshot?.Stamps.TryAdd(userId, row.Stamp);
        return row.Stamp == stamp;
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        // One reader at a time, so an older read never replaces a newer one.
        await _reading.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
            var totals = await session.QuerySingleOrDefaultAsync<StampTotals>(SecurityStampSql.Totals, null, cancellationToken);
            if (_snapshot is { } loaded && loaded.Totals == totals)
            {
                return;
            }

            var rows = await session.QueryAsync<UserStamp>(SecurityStampSql.All, null, cancellationToken);
            var stamps = new ConcurrentDictionary<Guid, long>(rows.Select(r => KeyValuePair.Create(r.UserId, r.Stamp)));
            _snapshot = new Snapshot(new StampTotals { Rows = rows.Count, Versions = rows.Sum(r => r.Stamp) }, stamps);
        }
        finally
        {
            _reading.Release();
        }
    }

    private sealed record Snapshot(StampTotals Totals, ConcurrentDictionary<Guid, long> Stamps);
}

internal sealed record UserStamp
{
    public required Guid UserId { get; init; }

    public required long Stamp { get; init; }
}

internal sealed record StampTotals
{
    public required long Rows { get; init; }

    public required long Versions { get; init; }
}

/// <summary>Reads the stamps at start, then picks up other instances' changes with a cheap check per interval.</summary>
internal sealed partial class SecurityStampRefresher(
    ISecurityStamps stamps,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<SecurityStampRefresher> logger) : BackgroundService
{
    public const int DefaultRefreshSeconds = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Auth:SecurityStampRefreshSeconds", DefaultRefreshSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await stamps.RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The stamps in memory stay as they were; the next check tries again.
                LogRefreshFailed(logger, e);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-reading the users' security stamps failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

/// <summary>Moves a user's stamp in the command's transaction; the endpoint refreshes the cache after the commit.</summary>
internal static class SecurityStampChanges
{
    public static Task ChangeAsync(IDbSession session, Guid userId, CancellationToken cancellationToken) =>
        session.ExecuteAsync(SecurityStampSql.Change, new { UserId = userId }, cancellationToken);
}
