using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Fengqiao.BuildingBlocks.Data;

public interface IDbConnectionFactory
{
    DatabaseProvider Provider { get; }

    string ConnectionString { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Ends a session's use of a connection from <see cref="OpenAsync"/>: back to the pool, or closed.</summary>
    ValueTask ReleaseAsync(DbConnection connection);
}

/// <summary>
/// Keeps SQLite connections open between sessions, each with the statements it prepared (see
/// <see cref="StatementCachingSqliteConnection"/>): Microsoft.Data.Sqlite's own pool finalizes a connection's statements
/// when the session closes it, so every request parsed and planned its SQL again, a fifth of the time of a worklist read.
/// With <paramref name="keepStatements"/> off, every session opens a plain connection from that pool and closes it again
/// (the switch <c>Database:SqliteStatementCache</c>, for measuring what keeping them gains).
/// <paramref name="autoCheckpointPages"/> is the size of the write-ahead log, in pages, at which a connection's commit copies
/// the log into the database file itself: SQLite's 1,000 by default, <see cref="SqliteCheckpointer.BackstopPages"/> when
/// the checkpointer does it in the background.
/// </summary>
internal sealed class SqliteConnectionFactory(
    string connectionString, int busyTimeoutMilliseconds, bool keepStatements = true, int autoCheckpointPages = SqliteConnectionFactory.SqliteAutoCheckpointPages)
    : IDbConnectionFactory, IDisposable
{
    public const int SqliteAutoCheckpointPages = 1000;

    /// <summary>Idle connections kept beyond this are closed: more than the requests two cores serve at once.</summary>
    private const int MaxIdleConnections = 32;

    private readonly ConcurrentBag<StatementCachingSqliteConnection> _idle = [];
    private bool _disposed;

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string ConnectionString { get; } = connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.State == ConnectionState.Open)
            {
                return idle;
            }

            await idle.DisposeAsync();
        }

        var connection = keepStatements ? new StatementCachingSqliteConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ConfigureAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask ReleaseAsync(DbConnection connection)
    {
        if (!_disposed && connection is StatementCachingSqliteConnection { State: ConnectionState.Open } reusable && _idle.Count < MaxIdleConnections)
        {
            _idle.Add(reusable);
            return;
        }

        await connection.DisposeAsync();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var idle))
        {
            idle.Dispose();
        }
    }

    private async Task ConfigureAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // A LIKE whose pattern is a bound parameter (every jurisdiction filter) makes SQLite prepare the statement a
        // second time on each execution, in case the pattern allows an index range; with BINARY columns and a
        // case-insensitive LIKE it never does. The query planner stability guarantee turns that re-preparation off.
        var status = raw.sqlite3_db_config(connection.Handle, raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out _);
        if (status != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite refused the query planner stability guarantee ({status}).");
        }

        await using var pragma = connection.CreateCommand();
        // busy_timeout is per connection; WAL is persistent but cheap to assert and survives a copied file.
        // A 64 MB page cache (default 2 MB) keeps the upper index levels of a database of a million petitions in
        // memory: bulk loads spend a third less time in system calls, and reads re-fetch fewer pages.
        pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint={autoCheckpointPages};";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }
}

internal sealed class SqlServerConnectionFactory(string connectionString) : IDbConnectionFactory
{
    public DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public string ConnectionString { get; } = connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>SqlClient pools connections itself and SQL Server caches plans by text, so closing is all there is to do.</summary>
    public ValueTask ReleaseAsync(DbConnection connection) => connection.DisposeAsync();
}
