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
}
