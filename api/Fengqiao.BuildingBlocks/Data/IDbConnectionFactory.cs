using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Fengqiao.BuildingBlocks.Data;

public interface IDbConnectionFactory
{
    DatabaseProvider Provider { get; }

    string ConnectionString { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}

internal sealed class SqliteConnectionFactory(string connectionString, int busyTimeoutMilliseconds) : IDbConnectionFactory
{
    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string ConnectionString { get; } = connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            // busy_timeout is per connection; WAL is persistent but cheap to assert and survives a copied file.
            // A 64 MB page cache (default 2 MB) keeps the upper index levels of a database of a million petitions in
            // memory: bulk loads spend a third less time in system calls, and reads re-fetch fewer pages.
            pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
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
