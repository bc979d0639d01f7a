using System.Reflection;
using DbUp;
using DbUp.Engine;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;

namespace Fengqiao.BuildingBlocks.Data;

/// <summary>Applies the DbUp scripts of db-migrations/&lt;provider&gt;, embedded in the host assembly.</summary>
public sealed partial class DatabaseMigrator(IDbConnectionFactory factory, ILogger<DatabaseMigrator> logger)
{
    /// <summary>The embedded resource prefix of one provider's scripts, e.g. <c>migrations.sqlite.</c>.</summary>
    public static string ResourcePrefix(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? "migrations.sqlite." : "migrations.sqlserver.";

    /// <summary>Applies the scripts the database lacks; answers their file names (e.g. <c>0070_platform_audit_head_seal.sql</c>).</summary>
    public IReadOnlyList<string> Migrate(Assembly scriptAssembly)
    {
        var result = BuildEngine(scriptAssembly).PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Database migration failed at script {result.ErrorScript?.Name}.", result.Error);
        }

        LogApplied(logger, result.Scripts.Count());
        var prefix = ResourcePrefix(factory.Provider);
        return [.. result.Scripts.Select(script => script.Name.Split(prefix)[^1])];
    }

    public bool IsUpToDate(Assembly scriptAssembly) => !BuildEngine(scriptAssembly).IsUpgradeRequired();

    private UpgradeEngine BuildEngine(Assembly scriptAssembly)
    {
        var prefix = ResourcePrefix(factory.Provider);
        var builder = factory.Provider == DatabaseProvider.Sqlite
            ? DeployChanges.To.SqliteDatabase(factory.ConnectionString)
            : DeployChanges.To.SqlDatabase(factory.ConnectionString);
        return builder
            .WithScriptsEmbeddedInAssembly(scriptAssembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new UpgradeLog(logger))
            .Build();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrations applied: {Count} new script(s)")]
    private static partial void LogApplied(ILogger logger, int count);

    private sealed class UpgradeLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);

        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);

        public void LogInformation(string format, params object[] args) => logger.LogDebug(format, args);

        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);

        public void LogError(string format, params object[] args) => logger.LogError(format, args);

        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
