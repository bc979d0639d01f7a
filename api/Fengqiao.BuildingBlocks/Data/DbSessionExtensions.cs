using System.Data.Common;
using Dapper;

namespace Fengqiao.BuildingBlocks.Data;

/// <summary>Dapper calls that always run on the session's connection and inside its transaction, if any.</summary>
public static class DbSessionExtensions
{
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this IDbSession session, string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await session.GetConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, session.Transaction, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Rows read by <paramref name="readRow"/> with typed getters, for the longest hot lists: Dapper reads each column as an
    /// object and converts it (integers boxed, enums parsed by type, ids and instants through the type handlers), which cost
    /// a worklist page more than its SQL. The reader is disposed synchronously on purpose: disposed asynchronously, Dapper's
    /// wrapped reader leaves its command undisposed, and on SQLite that command is the connection's kept prepared statement,
    /// which would then be prepared anew on every later run of the text.
    /// </summary>
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this IDbSession session, string sql, object? parameters, Func<DbDataReader, T> readRow, CancellationToken cancellationToken)
    {
        var connection = await session.GetConnectionAsync(cancellationToken);
        using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, session.Transaction, cancellationToken: cancellationToken));
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(readRow(reader));
        }

        return rows;
    }

    public static async Task<T?> QuerySingleOrDefaultAsync<T>(this IDbSession session, string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await session.GetConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, session.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Several result sets from one command: one round trip (and one command set-up) instead of one per query.</summary>
    public static async Task<SqlMapper.GridReader> QueryMultipleAsync(this IDbSession session, string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await session.GetConnectionAsync(cancellationToken);
        return await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, session.Transaction, cancellationToken: cancellationToken));
    }

    public static async Task<T?> ExecuteScalarAsync<T>(this IDbSession session, string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await session.GetConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, session.Transaction, cancellationToken: cancellationToken));
    }

    public static async Task<int> ExecuteAsync(this IDbSession session, string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await session.GetConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, session.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Runs an update guarded by the version the caller read; no row changed means someone changed it since (412).</summary>
    public static async Task ExecuteVersionedAsync(this IDbSession session, string sql, object parameters, long expectedVersion, CancellationToken cancellationToken)
    {
        if (await session.ExecuteAsync(sql, parameters, cancellationToken) == 0)
        {
            throw new Errors.PreconditionFailedException(expectedVersion);
        }
    }
}
