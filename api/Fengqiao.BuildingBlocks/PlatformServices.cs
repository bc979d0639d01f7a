using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Contracts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fengqiao.BuildingBlocks;

public static class PlatformServices
{
    /// <summary>Data access, unit of work, audit, outbox, clock, work calendar and rule sets, file store, current user and error mapping.</summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DataDirectory>();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));

        services.AddSingleton<IDbConnectionFactory>(sp => CreateConnectionFactory(
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<DataDirectory>()));
        services.AddSingleton<ISqlDialect>(sp => sp.GetRequiredService<IDbConnectionFactory>().Provider == DatabaseProvider.Sqlite
            ? new SqliteDialect()
            : new SqlServerDialect());
        services.AddSingleton<IWriterGate>(sp => sp.GetRequiredService<IDbConnectionFactory>().Provider == DatabaseProvider.Sqlite
            ? new SqliteWriterGate()
            : new NoWriterGate());
        services.AddSingleton(_ => TransientFaults.CreatePipeline());
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DataGeneration>();
        services.AddScoped<DbSession>();
        services.AddScoped<IDbSession>(sp => sp.GetRequiredService<DbSession>());
        services.AddScoped<UnitOfWork>();
        services.AddHostedService<SqliteCheckpointer>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<WorkCalendarStore>();
        services.AddSingleton<WorkCalendarCache>();
        services.AddSingleton<IWorkCalendarSource>(sp => sp.GetRequiredService<WorkCalendarCache>());
        services.AddScoped(sp => sp.GetRequiredService<IWorkCalendarSource>().Current);
        services.AddScoped<RuleSetStore>();
        services.AddSingleton<RuleSetCache>();
        services.AddSingleton<IRuleSets>(sp => sp.GetRequiredService<RuleSetCache>());
        services.AddHostedService<PlatformSettingsRefresher>();

        services.AddSingleton<Files.FileStore>();
        services.AddSingleton<PersonalData.PersonalDataProtector>();
        services.AddHttpContextAccessor();
        services.AddSingleton<ICurrentUser, HttpCurrentUser>();

        services.AddSingleton<AuditHeadSeal>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<IAuditLog>(sp => sp.GetRequiredService<AuditTrail>());
        services.AddScoped<IUnitOfWorkParticipant>(sp => sp.GetRequiredService<AuditTrail>());
        services.AddScoped<OutboxEventPublisher>();
        services.AddScoped<IEventPublisher>(sp => sp.GetRequiredService<OutboxEventPublisher>());
        services.AddScoped<IUnitOfWorkParticipant>(sp => sp.GetRequiredService<OutboxEventPublisher>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<EventHistoryReplay>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    /// <summary>Subscribes a module's consumer to an integration event.</summary>
    public static IServiceCollection AddIntegrationEventConsumer<TEvent, TConsumer>(this IServiceCollection services)
        where TEvent : IIntegrationEvent
        where TConsumer : class, IIntegrationEventConsumer<TEvent>
    {
        services.AddScoped<TConsumer>();
        services.AddSingleton(ConsumerRegistration.For<TEvent, TConsumer>());
        return services;
    }

    private static IDbConnectionFactory CreateConnectionFactory(DatabaseOptions options, DataDirectory dataDirectory)
    {
        DapperTypeHandlers.Register(options.Provider);
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is SqlServer.");
            }

            return new SqlServerConnectionFactory(options.ConnectionString);
        }

        var connectionString = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = dataDirectory.File("fengqiao.db"), Pooling = true }.ToString()
            : options.ConnectionString;
        var autoCheckpointPages = options.SqliteCheckpointIntervalMilliseconds > 0 ? SqliteCheckpointer.BackstopPages : SqliteConnectionFactory.SqliteAutoCheckpointPages;
        return new SqliteConnectionFactory(connectionString, options.SqliteBusyTimeoutMilliseconds, options.SqliteStatementCache, autoCheckpointPages);
    }
}
