namespace Fengqiao.BuildingBlocks.Data;

/// <summary>The few SQL fragments that differ between SQLite and SQL Server; everything else is written once.</summary>
public interface ISqlDialect
{
    DatabaseProvider Provider { get; }

    /// <summary>Limits a query that has an ORDER BY to the number of rows in the given parameter.</summary>
    string Limit(string parameterName);

    /// <summary>Selects the first rows of a subquery: SQLite puts the limit at the end, SQL Server uses TOP.</summary>
    string SelectTop(string parameterName, string columnsAndRest);

    /// <summary>
    /// The table hint that makes an existence check hold its key range until commit, so that an insert-if-missing of
    /// two concurrent transactions cannot both insert; SQLite has one writer at a time and needs none.
    /// </summary>
    string KeyRangeLock { get; }
}

internal sealed class SqliteDialect : ISqlDialect
{
    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string Limit(string parameterName) => $"LIMIT {parameterName}";

    public string SelectTop(string parameterName, string columnsAndRest) => $"SELECT {columnsAndRest} LIMIT {parameterName}";

    public string KeyRangeLock => string.Empty;
}

internal sealed class SqlServerDialect : ISqlDialect
{
    public DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public string Limit(string parameterName) => $"OFFSET 0 ROWS FETCH NEXT {parameterName} ROWS ONLY";

    public string SelectTop(string parameterName, string columnsAndRest) => $"SELECT TOP ({parameterName}) {columnsAndRest}";

    public string KeyRangeLock => "WITH (UPDLOCK, HOLDLOCK)";
}
