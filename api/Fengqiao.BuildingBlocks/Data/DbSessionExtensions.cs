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
}
