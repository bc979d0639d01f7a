using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Fengqiao.BuildingBlocks.Data;

public interface IDbConnectionFactory
{
    DatabaseProvider Provider { get; }

    string ConnectionString { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}

internal sealed class SqliteConnectionFactory(string connectionString, int busyTimeoutMilliseconds) : IDbConnectionFactory
{
    /// <summary>Native connections already configured; pooled connections keep their settings, so they are set once per native connection.</summary>
    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string ConnectionString { get; } = connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!_configured.TryGetValue(connection.Handle!, out _))
            {
                await ConfigureAsync(connection, cancellationToken);
                _configured.AddOrUpdate(connection.Handle!, this);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
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
        pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;";
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
}
