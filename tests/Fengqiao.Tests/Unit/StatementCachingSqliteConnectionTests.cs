using Dapper;
using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Tests.Unit;

/// <summary>The pooled SQLite connection keeps a prepared command per SQL text and runs Dapper's commands on it.</summary>
public sealed class StatementCachingSqliteConnectionTests
{
    private StatementCachingSqliteConnection _connection = null!;

    [SetUp]
    public async Task OpenAsync()
    {
        _connection = new StatementCachingSqliteConnection("Data Source=:memory:");
        await _connection.OpenAsync();
        await _connection.ExecuteAsync("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        await _connection.ExecuteAsync("INSERT INTO items (id, name) VALUES (@Id, @Name)", Enumerable.Range(1, 5).Select(i => new { Id = i, Name = $"item {i}" }));
    }

    [TearDown]
    public void Close() => _connection.Dispose();

    [Test]
    public async Task TheSameText_RunsOnTheKeptCommand_WithEachRunsOwnParameters()
    {
        const string sql = "SELECT name FROM items WHERE id = @Id";
        Assert.That(await _connection.QuerySingleAsync<string>(sql, new { Id = 2 }), Is.EqualTo("item 2"));
        var first = _connection.KeptCommand(sql);
        Assert.That(first, Is.Not.Null);
        Assert.That(await _connection.QuerySingleAsync<string>(sql, new { Id = 4 }), Is.EqualTo("item 4"));
        Assert.That(_connection.KeptCommand(sql), Is.SameAs(first));
        Assert.That(first!.Parameters, Is.Empty, "a command given back keeps no parameter of the last run");
    }

    [Test]
    public async Task AListExpandedIntoIn_KeepsEveryParameter()
    {
        var names = await _connection.QueryAsync<string>("SELECT name FROM items WHERE id IN @Ids AND name <> @Not ORDER BY id", new { Ids = new[] { 1, 3, 5 }, Not = "item 3" });
        Assert.That(names, Is.EqualTo(new[] { "item 1", "item 5" }));
    }

    [Test]
    public async Task ATextStillReading_GetsACommandOfItsOwn()
    {
        const string sql = "SELECT id FROM items WHERE id >= @From ORDER BY id";
        await using var outer = await _connection.ExecuteReaderAsync(sql, new { From = 4 });
        var read = new List<long>();
        while (await outer.ReadAsync())
        {
            read.Add(outer.GetInt64(0));
            Assert.That(await _connection.QueryAsync<long>(sql, new { From = 5 }), Is.EqualTo(new[] { 5L }));
        }

        Assert.That(read, Is.EqualTo(new[] { 4L, 5L }));
    }

    [Test]
    public async Task AReaderDisposed_GivesItsCommandBack()
    {
        const string sql = "SELECT name FROM items WHERE id >= @From ORDER BY id";
        var names = new List<string>();
        using (var reader = await _connection.ExecuteReaderAsync(sql, new { From = 4 }))
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.That(names, Is.EqualTo(new[] { "item 4", "item 5" }));
        Assert.That(_connection.KeptCommand(sql)!.Parameters, Is.Empty, "given back, so the next run of the text reuses its prepared statement");
    }

    [Test]
    public async Task CommandsJoinTheOpenTransaction()
    {
        await using (var transaction = await _connection.BeginTransactionAsync())
        {
            await _connection.ExecuteAsync("DELETE FROM items WHERE id = @Id", new { Id = 1 }, transaction);
            await transaction.RollbackAsync();
        }

        Assert.That(await _connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM items"), Is.EqualTo(5));
    }
}
