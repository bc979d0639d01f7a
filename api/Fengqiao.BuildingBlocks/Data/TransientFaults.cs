using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Polly;
using Polly.Retry;

namespace Fengqiao.BuildingBlocks.Data;

/// <summary>Retries a whole unit of work when the database reports a fault that a second attempt can clear.</summary>
public static class TransientFaults
{
    /// <summary>Deadlock victim, timeouts, connection drops and Azure SQL throttling / failover codes.</summary>
    private static readonly HashSet<int> TransientSqlServerErrors =
    [
        1205, -2, 53, 64, 121, 233, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40540, 40613,
        49918, 49919, 49920,
    ];

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsTransient(Exception exception) => exception switch
    {
        SqlException sql => sql.Errors.Cast<SqlError>().Any(e => TransientSqlServerErrors.Contains(e.Number)),
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        TimeoutException => true,
        _ => false,
    };

    public static ResiliencePipeline CreatePipeline(int maxRetryAttempts = 4) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = maxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(50),
            })
            .Build();
}
