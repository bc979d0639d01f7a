using System.Text.RegularExpressions;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Fengqiao.Tests.Sql;

public sealed partial class MigrationAndQueryTests
{
    private static readonly string SqliteFolder = RepositoryPaths.Combine("db-migrations", "sqlite");
    private static readonly string SqlServerFolder = RepositoryPaths.Combine("db-migrations", "sqlserver");

    [Test]
    public void MigrationFolders_HoldTheSameFileNames()
    {
        var sqlite = Directory.GetFiles(SqliteFolder, "*.sql").Select(Path.GetFileName).Order().ToList();
        var sqlServer = Directory.GetFiles(SqlServerFolder, "*.sql").Select(Path.GetFileName).Order().ToList();
        Assert.That(sqlite, Is.Not.Empty);
        Assert.That(sqlServer, Is.EqualTo(sqlite));
    }

    [Test]
    public void MigrationFileNames_FollowNumberModuleWhat()
    {
        foreach (var name in Directory.GetFiles(SqliteFolder, "*.sql").Select(Path.GetFileName))
        {
            Assert.That(name, Does.Match(@"^\d{4}_[a-z]+_[a-z0-9_]+\.sql$"));
        }
    }

    [TestCaseSource(nameof(SqlServerScripts))]
    public void SqlServerMigration_Parses(string file)
    {
        Assert.That(ParseErrors(File.ReadAllText(file)), Is.Empty);
    }

    [Test]
    public void SqlServerQueries_AllParse()
    {
        var queries = SqlTexts.For(new SqlServerDialect()).ToList();
        Assert.That(queries, Has.Count.GreaterThan(25), "the convention found the queries");
        foreach (var (name, sql) in queries)
        {
            Assert.That(ParseErrors(AsDapperExpandsLists(sql)), Is.Empty, name);
        }
    }

    [Test]
    public void SqliteQueries_AllPrepareAgainstAMigratedDatabase()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fengqiao-sql-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        try
        {
            var factory = new SqliteConnectionFactory(connectionString, 1000);
            new DatabaseMigrator(factory, NullLogger<DatabaseMigrator>.Instance).Migrate(typeof(Program).Assembly);
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            var queries = SqlTexts.For(new SqliteDialect()).ToList();
            Assert.That(queries, Has.Count.GreaterThan(25));
            foreach (var (name, sql) in queries)
            {
                using var command = connection.CreateCommand();
                command.CommandText = AsDapperExpandsLists(sql);
                Assert.DoesNotThrow(command.Prepare, name);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void SqlServerParser_RejectsBrokenSql()
    {
        Assert.That(ParseErrors("SELEC id FROM org_users WHERE"), Is.Not.Empty, "the parse check can fail");
    }

    private static IEnumerable<string> SqlServerScripts() => Directory.GetFiles(SqlServerFolder, "*.sql").Order();

    private static List<string> ParseErrors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}: {e.Message}").ToList();
    }

    /// <summary>Dapper turns <c>IN @Ids</c> into <c>IN (@Ids1, @Ids2, …)</c> before either engine sees it.</summary>
    private static string AsDapperExpandsLists(string sql) => InList().Replace(sql, "IN (@$1)");

    [GeneratedRegex(@"IN @(\w+)")]
    private static partial Regex InList();
}
