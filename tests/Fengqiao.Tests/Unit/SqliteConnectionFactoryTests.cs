using Fengqiao.BuildingBlocks.Data;
using Microsoft.Data.Sqlite;

namespace Fengqiao.Tests.Unit;

/// <summary>The application's SQLite pool hands a released connection, with its statements, to the next session; switched off it does not.</summary>
public sealed class SqliteConnectionFactoryTests
{
    private string _file = null!;

    [SetUp]
    public void ChooseFile() => _file = Path.Combine(Path.GetTempPath(), $"fengqiao-pool-{Guid.NewGuid():N}.db");

    [TearDown]
    public void DeleteFile()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Test]
    public async Task AReleasedConnection_ServesTheNextSession_WithTheStatementsItPrepared()
    {
        using var factory = new SqliteConnectionFactory($"Data Source={_file}", 1000);
        var first = await factory.OpenAsync(CancellationToken.None);
        await ReadOneAsync(first);
        await factory.ReleaseAsync(first);

        var second = await factory.OpenAsync(CancellationToken.None);

        Assert.That(second, Is.SameAs(first));
        Assert.That(((StatementCachingSqliteConnection)second).KeptCommand("SELECT 1"), Is.Not.Null);
        await factory.ReleaseAsync(second);
    }

    [Test]
    public async Task SwitchedOff_EverySessionGetsAConnectionOfItsOwn_ThatReleaseCloses()
    {
        using var factory = new SqliteConnectionFactory($"Data Source={_file}", 1000, keepStatements: false);
        var first = await factory.OpenAsync(CancellationToken.None);
        await ReadOneAsync(first);
        await factory.ReleaseAsync(first);

        var second = await factory.OpenAsync(CancellationToken.None);

        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(second, Is.Not.InstanceOf<StatementCachingSqliteConnection>());
        Assert.That(first.State, Is.EqualTo(System.Data.ConnectionState.Closed));
        await factory.ReleaseAsync(second);
    }

    private static async Task ReadOneAsync(System.Data.Common.DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(1L));
    }
}
