namespace Fengqiao.BuildingBlocks.Data;

/// <summary>
/// SQLite allows one writer at a time. Queuing writers of this process here, instead of letting them race
/// for the file lock, turns "database is locked" failures into a short wait.
/// </summary>
public interface IWriterGate
{
    ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken);
}

internal sealed class SqliteWriterGate : IWriterGate, IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Release(_semaphore);
    }

    public void Dispose() => _semaphore.Dispose();

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}

/// <summary>SQL Server handles concurrent writers itself.</summary>
internal sealed class NoWriterGate : IWriterGate
{
    private static readonly IDisposable Nothing = new NoRelease();

    public ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Nothing);

    private sealed class NoRelease : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
