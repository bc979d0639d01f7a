using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Fengqiao.BuildingBlocks.Data;

/// <summary>
/// A SQLite connection that keeps one prepared command per SQL text for as long as it stays open. A SqliteCommand
/// executed again with the same text reuses its prepared statements; the commands Dapper creates are short-lived, so
/// each one here borrows the kept command of its text when it executes, and a text already in use (a reader still open)
/// gets a command of its own. Parameters stay with the short-lived command, because Dapper may rewrite the text after
/// adding some (a list expanded into IN (...)).
/// </summary>
internal sealed class StatementCachingSqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    /// <summary>Texts kept per connection; beyond this (generated SQL that never repeats) commands are not kept.</summary>
    private const int MaxStatements = 256;

    private readonly Dictionary<string, SqliteCommand> _kept = new(StringComparer.Ordinal);
    private readonly HashSet<SqliteCommand> _lent = [];

    protected override DbCommand CreateDbCommand() => new BorrowingCommand(this);

    /// <summary>The command kept for <paramref name="sql"/>, if any.</summary>
    internal SqliteCommand? KeptCommand(string sql) => _kept.GetValueOrDefault(sql);

    /// <summary>The kept command of <paramref name="sql"/> when free (and then lent), otherwise a new one the caller owns.</summary>
    private SqliteCommand Borrow(string sql, out bool kept)
    {
        if (_kept.TryGetValue(sql, out var command) && _lent.Add(command))
        {
            kept = true;
            return command;
        }

        command = base.CreateCommand();
        command.CommandText = sql;
        kept = _kept.Count < MaxStatements && _kept.TryAdd(sql, command) && _lent.Add(command);
        return command;
    }

    private void GiveBack(SqliteCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        _lent.Remove(command);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var command in _kept.Values)
            {
                command.Dispose();
            }

            _kept.Clear();
            _lent.Clear();
        }

        base.Dispose(disposing);
    }

    /// <summary>What Dapper sees: settings collected here, the work done by the borrowed command.</summary>
    private sealed class BorrowingCommand(StatementCachingSqliteConnection connection) : DbCommand
    {
        private readonly ParameterList _parameters = new();
        private SqliteCommand? _borrowed;
        private bool _kept;
        private string _text = string.Empty;

        [AllowNull]
        public override string CommandText
        {
            get => _text;
            set
            {
                value ??= string.Empty;
                if (!string.Equals(value, _text, StringComparison.Ordinal))
                {
                    Release();
                    _text = value;
                }
            }
        }

        public override int CommandTimeout { get; set; } = 30;

        public override CommandType CommandType { get; set; } = CommandType.Text;

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection
        {
            get => connection;
            set => throw new NotSupportedException("A command stays on the connection that created it.");
        }

        protected override DbParameterCollection DbParameterCollection => _parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel() => _borrowed?.Cancel();

        public override void Prepare() => Ready().Prepare();

        public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();

        public override object? ExecuteScalar() => Ready().ExecuteScalar();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Ready().ExecuteReader(behavior);

        protected override DbParameter CreateDbParameter() => new SqliteParameter();

        private SqliteCommand Ready()
        {
            var command = _borrowed ??= connection.Borrow(_text, out _kept);
            command.Parameters.Clear();
            command.Parameters.AddRange(_parameters.Cast<SqliteParameter>());
            command.Transaction = (SqliteTransaction?)DbTransaction;
            command.CommandTimeout = CommandTimeout;
            command.CommandType = CommandType;
            return command;
        }

        private void Release()
        {
            if (_borrowed is null)
            {
                return;
            }

            if (_kept)
            {
                connection.GiveBack(_borrowed);
            }
            else
            {
                _borrowed.Dispose();
            }

            _borrowed = null;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Release();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class ParameterList : SqliteParameterCollection;
}
