using System.Data;
using System.Data.Common;
using System.Globalization;
using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Metrics.Facts;

/// <summary>
/// Inserts many fact rows with one command whose parameters are made once, only their values set per row. Through Dapper every
/// row made its 44 parameters anew (and the dictionary that names them), which was most of a rebuild's time at 1 M. The values
/// travel as Dapper's type handlers send them: dates as yyyy-MM-dd text on both engines, ids as text on SQLite.
/// </summary>
internal sealed class FactRowWriter
{
    /// <summary>Most counters of a row are small: their boxes are kept instead of made per row.</summary>
    private static readonly object[] SmallCounts = Enumerable.Range(0, 256).Select(i => (object)i).ToArray();

    private readonly DbCommand _command;
    private readonly DbParameter[] _keys;
    private readonly DbParameter[] _counters;
    private readonly bool _idsAsText;

    private FactRowWriter(DbCommand command, IReadOnlyList<string> keyNames, bool idsAsText)
    {
        _command = command;
        _idsAsText = idsAsText;
        _keys = [.. keyNames.Select(name => Parameter(name, DbType.String))];
        _counters = [.. FactStore.CounterNames.Select(name => Parameter(name, DbType.Int32))];
    }

    /// <summary>Inserts the rows with <paramref name="sql"/>, in the session's transaction; <paramref name="key"/> gives a row's key values in the order of <paramref name="keyNames"/>.</summary>
    public static async Task InsertAsync<TKey>(
        IDbSession session, string sql, IReadOnlyList<string> keyNames, IEnumerable<KeyValuePair<TKey, int[]>> rows, Func<TKey, object[]> key,
        CancellationToken cancellationToken)
    {
        var connection = await session.GetConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = session.Transaction;
        var writer = new FactRowWriter(command, keyNames, session.Dialect.Provider == DatabaseProvider.Sqlite);
        foreach (var (rowKey, counters) in rows)
        {
            await writer.WriteAsync(key(rowKey), counters, cancellationToken);
        }
    }

    private async Task WriteAsync(object[] key, int[] counters, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            (_keys[i].DbType, _keys[i].Value) = key[i] switch
            {
                DateOnly day => (DbType.String, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Guid id when _idsAsText => (DbType.String, id.ToString("D")),
                Guid id => (DbType.Guid, id),
                var value => (DbType.String, value),
            };
        }

        for (var i = 0; i < _counters.Length; i++)
        {
            _counters[i].Value = counters[i] is >= 0 and < 256 ? SmallCounts[counters[i]] : counters[i];
        }

        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbParameter Parameter(string name, DbType type)
    {
        var parameter = _command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.DbType = type;
        _command.Parameters.Add(parameter);
        return parameter;
    }
}
