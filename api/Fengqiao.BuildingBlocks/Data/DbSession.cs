using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Fengqiao.BuildingBlocks.Data;

/// <summary>The database connection of one request or one unit of background work.</summary>
public interface IDbSession
{
    ISqlDialect Dialect { get; }

    /// <summary>The open transaction of the current command, or null for queries.</summary>
    DbTransaction? Transaction { get; }

    ValueTask<DbConnection> GetConnectionAsync(CancellationToken cancellationToken);
}

/// <summary>Something a command collected in memory that must be written in its transaction, just before commit.</summary>
public interface IUnitOfWorkParticipant
{
    ValueTask BeforeCommitAsync(IDbSession session, CancellationToken cancellationToken);

    /// <summary>Forgets what was collected when the unit of work rolls back (it may be retried).</summary>
    void Reset();
}

public sealed class DbSession(IDbConnectionFactory factory, ISqlDialect dialect, IWriterGate writerGate, DataGeneration generation) : IDbSession, IAsyncDisposable
{
    private DbConnection? _connection;
    private IDisposable? _writerTurn;

    public ISqlDialect Dialect { get; } = dialect;

    public DbTransaction? Transaction { get; private set; }

    public async ValueTask<DbConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        return _connection ??= await factory.OpenAsync(cancellationToken);
    }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("A unit of work is already open in this session.");
        }

        _writerTurn = await writerGate.EnterAsync(cancellationToken);
        try
        {
            var connection = await GetConnectionAsync(cancellationToken);
            // SQLite: take the write lock at BEGIN (IMMEDIATE) so a transaction never fails half-way when upgrading.
            Transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: false)
                : await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        }
        catch
        {
            ReleaseWriterTurn();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = Transaction ?? throw new InvalidOperationException("No unit of work is open.");
        try
        {
            await transaction.CommitAsync(cancellationToken);
            generation.Advance();
        }
        finally
        {
            await EndAsync();
        }
    }

    public async Task RollbackAsync()
    {
        if (Transaction is null)
        {
            return;
        }

        try
        {
            await Transaction.RollbackAsync(CancellationToken.None);
        }
        finally
        {
            await EndAsync();
        }
    }

    private async Task EndAsync()
    {
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync();
            Transaction = null;
        }

        // A failed transaction can leave the connection unusable; the next attempt starts on a fresh one.
        if (_connection is not null && _connection.State != ConnectionState.Open)
        {
            await factory.ReleaseAsync(_connection);
            _connection = null;
        }

        ReleaseWriterTurn();
    }

    private void ReleaseWriterTurn()
    {
        _writerTurn?.Dispose();
        _writerTurn = null;
    }

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync();
        if (_connection is not null)
        {
            await factory.ReleaseAsync(_connection);
            _connection = null;
        }
    }
}
