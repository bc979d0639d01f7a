using Fengqiao.BuildingBlocks.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fengqiao.Api.Hosting;

/// <summary>Ready when the database answers and every migration script of this build has been applied.</summary>
internal sealed class DatabaseReadyCheck(IDbConnectionFactory factory, DatabaseMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await factory.OpenAsync(cancellationToken);
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(cancellationToken);
            }
            finally
            {
                await factory.ReleaseAsync(connection);
            }

            return migrator.IsUpToDate(typeof(Program).Assembly)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Database migrations are pending.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database is unreachable.");
        }
    }
}
