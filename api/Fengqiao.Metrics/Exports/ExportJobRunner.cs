using System.Runtime.CompilerServices;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fengqiao.Metrics.Exports;

/// <summary>
/// Runs the queued export jobs one at a time, writing each file as its rows are read and the progress every
/// <see cref="ExportJobOptions.ProgressInterval"/>; removes the files whose retention ended. A job is claimed with a lease in the
/// database, so several instances share the queue; a job whose worker stopped (its lease lapsed) is started again from the beginning,
/// at most <see cref="ExportJobOptions.MaxAttempts"/> times, and a worker stopping with its host hands its job straight back.
/// </summary>
internal sealed partial class ExportJobRunner(
    IServiceScopeFactory scopes,
    ExportFiles files,
    TimeProvider clock,
    IOptions<ExportJobOptions> options,
    ILogger<ExportJobRunner> logger) : BackgroundService
{
    private readonly string _owner = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>A job was queued on this instance: start it now rather than at the next poll.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken by another request at the same moment; one wake-up is enough.
            }
        }
    }

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
                await CleanUpAsync(stoppingToken);
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPassFailed(logger, exception);
            }

            try
            {
                await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Claims the oldest claimable job and runs it to its end; false when there was none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        var job = await ClaimNextAsync(cancellationToken);
        if (job is null)
        {
            return false;
        }

        await RunAsync(job, cancellationToken);
        return true;
    }

    /// <summary>Gives up the jobs interrupted too often, then claims the oldest queued or interrupted job for this worker.</summary>
    public async Task<ExportJobRow?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
        var now = clock.GetUtcNow();
        // Nothing waiting: no transaction, since every commit empties the read cache.
        var candidate = await session.QuerySingleOrDefaultAsync<ExportJobKey>(ExportJobSql.NextClaimable(session.Dialect), new { Now = now }, cancellationToken);
        if (candidate is not { Id: var id })
        {
            return null;
        }

        return await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync<ExportJobRow?>(
            async token =>
            {
                await session.ExecuteAsync(ExportJobSql.FailExhausted, new { Now = now, options.Value.MaxAttempts }, token);
                var claimed = await session.ExecuteAsync(ExportJobSql.Claim, new { Id = id, Now = now, Owner = _owner, LeaseUntil = now + options.Value.LeaseDuration }, token);
                return claimed == 0 ? null : await session.QuerySingleOrDefaultAsync<ExportJobRow>(ExportJobSql.Get, new { Id = id }, token);
            },
            cancellationToken);
    }

    /// <summary>Removes the files kept past their retention; their jobs stay, as expired. Returns how many files went.</summary>
    public async Task<int> CleanUpAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
        var expired = await session.QueryAsync<ExportJobKey>(ExportJobSql.Expired, new { Now = clock.GetUtcNow() }, cancellationToken);
        foreach (var job in expired)
        {
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(
                async token => await session.ExecuteAsync(ExportJobSql.Expire, new { job.Id }, token), cancellationToken);
            if (job.StorageKey is not null)
            {
                File.Delete(files.PathOf(job.StorageKey));
            }
        }

        return expired.Count;
    }

    private async Task RunAsync(ExportJobRow job, CancellationToken stoppingToken)
    {
        var storageKey = ExportFiles.KeyOf(job);
        var path = files.PathOf(storageKey);
        var partial = $"{path}.{_owner}.part";
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var rowsDone = new StrongBox<long>();
        var progress = Task.CompletedTask;
        string? error = null;
        var finished = false;
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var table = await scope.ServiceProvider.GetRequiredService<ExportSources>().OpenAsync(job, running.Token);
                await UpdateAsync(ExportJobSql.SetTotal, new { job.Id, Owner = _owner, RowsTotal = table.RowCount, LeaseUntil = LeaseUntil() }, running.Token);
                progress = ReportProgressAsync(job.Id, rowsDone, running);
                await using var file = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
                await ExportFileWriter.WriteAsync(file, job.Format, table, Counted(table.Rows, rowsDone, running.Token), running.Token);
                await running.CancelAsync();
                await progress;
                await file.DisposeAsync();
                File.Move(partial, path, overwrite: true);
                var now = clock.GetUtcNow();
                // No row updated: another worker took the job over after this one's lease lapsed, and its file is the one kept.
                await UpdateAsync(ExportJobSql.Succeed, new
                {
                    job.Id,
                    Owner = _owner,
                    RowsDone = Interlocked.Read(ref rowsDone.Value),
                    FileName = $"{table.FileStem}.{ExportFiles.Extension(job.Format)}",
                    StorageKey = storageKey,
                    SizeBytes = new FileInfo(path).Length,
                    Now = now,
                    ExpiresAt = now + options.Value.Retention,
                }, stoppingToken);
                finished = true;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: the job is handed back below, for this or another instance to start again.
        }
        catch (NotFoundException notFound)
        {
            // The region or the unit left the creator's jurisdiction (or the directory) since the job was queued.
            error = notFound.ObjectType == "Unit" ? "unit_not_found" : "region_not_found";
        }
        catch (Exception exception)
        {
            LogJobFailed(logger, job.Id, exception);
            error = "failed";
        }

        if (finished)
        {
            return;
        }

        await running.CancelAsync();
        await progress;
        File.Delete(partial);
        await UpdateAsync(error is null ? ExportJobSql.Release : ExportJobSql.Fail, new { job.Id, Owner = _owner, Now = clock.GetUtcNow(), Error = error }, CancellationToken.None);
    }

    private static IEnumerable<object?[]> Counted(IEnumerable<object?[]> rows, StrongBox<long> rowsDone, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
            Interlocked.Increment(ref rowsDone.Value);
        }
    }

    /// <summary>Writes the rows done and renews the lease until the job ends; a lease lost to another worker stops this one.</summary>
    private async Task ReportProgressAsync(Guid id, StrongBox<long> rowsDone, CancellationTokenSource running)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.ProgressInterval, clock, running.Token);
                var renewed = await UpdateAsync(ExportJobSql.Progress, new { Id = id, Owner = _owner, RowsDone = Interlocked.Read(ref rowsDone.Value), LeaseUntil = LeaseUntil() }, running.Token);
                if (renewed == 0)
                {
                    await running.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            // The job ended (or was stopped); its final state is written by the runner.
        }
    }

    private DateTimeOffset LeaseUntil() => clock.GetUtcNow() + options.Value.LeaseDuration;

    private async Task<int> UpdateAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
        return await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(
            async token => await session.ExecuteAsync(sql, parameters, token), cancellationToken);
    }

    private sealed record ExportJobKey
    {
        public required Guid Id { get; init; }

        public string? StorageKey { get; init; }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An export pass failed; the next poll tries again.")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Export job {JobId} failed.")]
    private static partial void LogJobFailed(ILogger logger, Guid jobId, Exception exception);
}
