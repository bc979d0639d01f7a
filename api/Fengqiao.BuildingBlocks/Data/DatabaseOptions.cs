namespace Fengqiao.BuildingBlocks.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQL Server, required. For SQLite, optional: defaults to a file in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a SQLite connection waits on a locked database before failing, in milliseconds.</summary>
    public int SqliteBusyTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>
    /// How often <see cref="SqliteCheckpointer"/> copies committed pages from SQLite's write-ahead log into the database
    /// file, outside the requests, in milliseconds. 0 leaves it to SQLite, in the commit that takes the log past 1,000
    /// pages (a switch for measuring what the background checkpoint gains).
    /// </summary>
    public int SqliteCheckpointIntervalMilliseconds { get; set; } = 200;

    /// <summary>
    /// Keep SQLite connections open in the application's pool with their prepared statements (see
    /// <see cref="SqliteConnectionFactory"/>); off, every session opens a plain connection from Microsoft.Data.Sqlite's
    /// own pool and prepares its statements again. A switch for measuring what the pool gains (docs/adr/0001).
    /// </summary>
    public bool SqliteStatementCache { get; set; } = true;
}
