using Fengqiao.BuildingBlocks.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fengqiao.Tests.Unit;

/// <summary>
/// Request connections leave the write-ahead log to the background checkpointer, which copies it into the database file,
/// keeps it bounded while writes never pause and truncates it when they stop. The database uses 512-byte pages so that
/// the log passes the checkpointer's marks after a few megabytes.
/// </summary>
public sealed class SqliteCheckpointerTests
{
    private const int PageSize = 512;

    /// <summary>A frame of the log is a page and its 24-byte header.</summary>
    private const int FrameSize = PageSize + 24;

    private string _file = null!;
    private SqliteConnectionFactory _factory = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _file = Path.Combine(Path.GetTempPath(), $"fengqiao-checkpoint-{Guid.NewGuid():N}.db");
        using (var connection = new SqliteConnection($"Data Source={_file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA page_size={PageSize}; PRAGMA journal_mode=WAL; CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB NOT NULL);";
            command.ExecuteNonQuery();
        }

        _factory = new SqliteConnectionFactory($"Data Source={_file}", 1000, autoCheckpointPages: SqliteCheckpointer.BackstopPages);
    }

    [TearDown]
    public void DeleteDatabase()
    {
        _factory.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    [Test]
    public async Task RequestConnections_CopyNoLog_AndTheCheckpointerTruncatesItOnceWritesStop()
    {
        await WriteAsync(commits: 1_000);
        Assert.That(LogBytes(), Is.GreaterThan(1_500 * FrameSize), "SQLite's own checkpoint would have started the log over at 1,000 pages");

        var checkpointer = CreateCheckpointer(intervalMilliseconds: 200);
        await checkpointer.CheckpointOnceAsync(CancellationToken.None);
        Assert.That(LogBytes(), Is.GreaterThan(0), "writes may go on: the first pass only copies");
        await checkpointer.CheckpointOnceAsync(CancellationToken.None);

        Assert.That(LogBytes(), Is.Zero);
        Assert.That(await CountAsync(), Is.EqualTo(1_000));
    }

    [Test]
    public async Task UnderWritesThatNeverPause_TheLogStaysWithinTwiceTheRestartMark()
    {
        var gate = new SqliteWriterGate();
        var checkpointer = CreateCheckpointer(intervalMilliseconds: 200, gate);
        // A writer commits while the checkpointer copies, as requests do, so a pass seldom finds the whole log copied; each
        // round grants it 300 commits (about 900 pages) and lets it finish them, which bounds how far the log runs ahead.
        using var granted = new SemaphoreSlim(0);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (await WaitAsync(granted, stop.Token))
            {
                using (await gate.EnterAsync(CancellationToken.None))
                {
                    await WriteAsync(commits: 1);
                }
            }
        });

        long largest = 0;
        for (var round = 0; round < 100; round++)
        {
            granted.Release(300);
            await checkpointer.CheckpointOnceAsync(CancellationToken.None);
            while (granted.CurrentCount > 0)
            {
                await Task.Delay(1);
            }

            largest = Math.Max(largest, LogBytes());
        }

        await stop.CancelAsync();
        await writer;
        Assert.That(await CountAsync(), Is.GreaterThan(3L * SqliteCheckpointer.RestartPages / 3), "the writer wrote the mark three times over");
        Assert.That(largest, Is.LessThan(2L * SqliteCheckpointer.RestartPages * FrameSize));
    }

    [Test]
    public async Task Started_CheckpointsOnItsOwn_AndStopsCleanly()
    {
        await WriteAsync(commits: 300);
        var checkpointer = CreateCheckpointer(intervalMilliseconds: 10);

        await checkpointer.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (LogBytes() > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await checkpointer.StopAsync(CancellationToken.None);

        Assert.That(LogBytes(), Is.Zero, "the idle log was truncated");
        Assert.That(checkpointer.ExecuteTask!.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task SwitchedOff_DoesNothing()
    {
        await WriteAsync(commits: 300);
        var logBytes = LogBytes();
        var checkpointer = CreateCheckpointer(intervalMilliseconds: 0);

        await checkpointer.StartAsync(CancellationToken.None);
        await checkpointer.ExecuteTask!;

        Assert.That(LogBytes(), Is.EqualTo(logBytes));
    }

    private static async Task<bool> WaitAsync(SemaphoreSlim granted, CancellationToken stop)
    {
        try
        {
            await granted.WaitAsync(stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private SqliteCheckpointer CreateCheckpointer(int intervalMilliseconds, IWriterGate? gate = null) => new(
        _factory,
        gate ?? new SqliteWriterGate(),
        Options.Create(new DatabaseOptions { SqliteCheckpointIntervalMilliseconds = intervalMilliseconds }),
        TimeProvider.System,
        NullLogger<SqliteCheckpointer>.Instance);

    /// <summary>Commits one note of 600 bytes at a time, as requests do, each on a connection of the application's pool.</summary>
    private async Task WriteAsync(int commits)
    {
        var body = new byte[600];
        for (var i = 0; i < commits; i++)
        {
            var connection = await _factory.OpenAsync(CancellationToken.None);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "INSERT INTO notes (body) VALUES ($body)";
                command.Parameters.Add(new SqliteParameter("$body", body));
                await command.ExecuteNonQueryAsync();
            }

            await _factory.ReleaseAsync(connection);
        }
    }

    private async Task<long> CountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM notes";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private long LogBytes() => new FileInfo(_file + "-wal") is { Exists: true } log ? log.Length : 0;
}
