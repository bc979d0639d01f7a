using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace Fengqiao.BuildingBlocks.Data;

/// <summary>
/// Copies committed pages from SQLite's write-ahead log into the database file in the background, so that no request does.
/// Left to SQLite, the commit that takes the log past 1,000 pages copies them and syncs the file inside the one writer's
/// turn: on a database of gigabytes that request, and every writer queued behind it, waited tens of milliseconds
/// (docs/performance.md, Mediation). A passive checkpoint neither waits for nor blocks readers and writers. Once the log
/// stops growing it is truncated, inside the writers' turn, so that no writer of this process meets a locked database and
/// sleeps in SQLite's busy handler. The request connections still checkpoint at <see cref="BackstopPages"/>, which bounds
/// the log should this service stop or fall behind.
/// </summary>
internal sealed partial class SqliteCheckpointer(
    IDbConnectionFactory factory, IWriterGate writerGate, IOptions<DatabaseOptions> options, TimeProvider clock, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    /// <summary>A log this long (64 MB of 4 KB pages) is made to start over (<see cref="RestartAsync"/>).</summary>
    internal const int RestartPages = 16_384;

    /// <summary>Four times <see cref="RestartPages"/> (256 MB): not reached while this service keeps up.</summary>
    public const int BackstopPages = 4 * RestartPages;

    private SqliteConnection? _connection;
    private int _framesSeen;
    private int _restartFrames = RestartPages;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.SqliteCheckpointIntervalMilliseconds);
        if (factory.Provider != DatabaseProvider.Sqlite || interval <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, clock, stoppingToken);
                    await CheckpointOnceAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    // The backstop bounds the log meanwhile; the next pass starts on a fresh connection.
                    LogCheckpointFailed(logger, exception);
                    await CloseAsync();
                }
            }
        }
        finally
        {
            await CloseAsync();
        }
    }

    /// <summary>
    /// Copies what was committed since the last pass. Past <see cref="RestartPages"/>, makes the log start over; when nothing
    /// was committed since the last pass, truncates it.
    /// </summary>
    internal async Task CheckpointOnceAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        var (busy, logFrames, copiedFrames) = Checkpoint(connection, raw.SQLITE_CHECKPOINT_PASSIVE);
        if (!busy && logFrames >= _restartFrames)
        {
            await RestartAsync(connection, logFrames, cancellationToken);
            return;
        }

        var idle = logFrames > 0 && logFrames == _framesSeen && copiedFrames == logFrames;
        _framesSeen = logFrames;
        if (!idle)
        {
            return;
        }

        using (await writerGate.EnterAsync(cancellationToken))
        {
            (_, _framesSeen, _) = Checkpoint(connection, raw.SQLITE_CHECKPOINT_TRUNCATE);
        }
    }

    /// <summary>
    /// A pass copies only what was committed when it began, and SQLite starts the log over only when a writer begins with all
    /// of it copied and no reader on it, which a steady stream of writes never leaves. So the last frames are copied in the
    /// writers' turn, after a second pass has left there only what they committed during the first: the two syncs and a few
    /// pages. Readers still on the log make it fail; the next attempt waits for a quarter more of the mark, so that reads
    /// never keep the writers waiting every interval.
    /// </summary>
    private async Task RestartAsync(SqliteConnection connection, int logFrames, CancellationToken cancellationToken)
    {
        Checkpoint(connection, raw.SQLITE_CHECKPOINT_PASSIVE);
        bool busy;
        using (await writerGate.EnterAsync(cancellationToken))
        {
            (busy, _, _) = Checkpoint(connection, raw.SQLITE_CHECKPOINT_RESTART);
        }

        _restartFrames = busy ? logFrames + (RestartPages / 4) : RestartPages;
        _framesSeen = 0;
    }

    /// <summary>A busy checkpoint (another one running, or readers still on the log when truncating) is tried again next time.</summary>
    private static (bool Busy, int LogFrames, int CopiedFrames) Checkpoint(SqliteConnection connection, int mode)
    {
        var status = raw.sqlite3_wal_checkpoint_v2(connection.Handle, "main", mode, out var logFrames, out var copiedFrames);
        if (status is not (raw.SQLITE_OK or raw.SQLITE_BUSY))
        {
            SqliteException.ThrowExceptionForRC(status, connection.Handle);
        }

        return (status == raw.SQLITE_BUSY, logFrames, copiedFrames);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            return _connection;
        }

        // Its own connection, outside both pools: it never waits on a lock (busy timeout 0), which pooled ones must.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(factory.ConnectionString) { Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            raw.sqlite3_busy_timeout(connection.Handle, 0);
            // A connection learns that the database keeps a write-ahead log when it first reads it; until then a
            // checkpoint finds no log to copy.
            await using var journalMode = connection.CreateCommand();
            journalMode.CommandText = "PRAGMA journal_mode=WAL";
            await journalMode.ExecuteNonQueryAsync(cancellationToken);
            return _connection = connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task CloseAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpointing the SQLite write-ahead log failed")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
