using System.Text.Json;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fengqiao.BuildingBlocks.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; set; } = 50;

    public bool Enabled { get; set; } = true;
}

internal sealed record OutboxMessage
{
    public required Guid Id { get; init; }

    public required string Type { get; init; }

    public required string Payload { get; init; }
}

/// <summary>
/// Delivers stored events to in-process consumers, at least once. A database lease keeps two instances
/// from delivering the same message at once; the inbox makes each consumer see each event once.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<ConsumerRegistration> consumers,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly ILookup<string, ConsumerRegistration> _consumersByEvent = consumers.ToLookup(c => c.EventName);
    private readonly string _owner = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await DispatchOnceAsync(stoppingToken);
                if (delivered == 0)
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogDispatchFailed(logger, exception);
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Claims one batch and delivers it; returns how many messages were acknowledged.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var (messages, leaseUntil) = await ClaimAsync(cancellationToken);
        var acknowledged = 0;
        foreach (var message in messages)
        {
            if (clock.GetUtcNow() >= leaseUntil)
            {
                break; // the lease ran out: another dispatcher may own these messages now
            }

            try
            {
                await DeliverAsync(message, cancellationToken);
                await AcknowledgeAsync(message, cancellationToken);
                acknowledged++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogDeliveryFailed(logger, message.Id, message.Type, exception);
                await RecordFailureAsync(message, exception, cancellationToken);
            }
        }

        return acknowledged;
    }

    internal async Task<(IReadOnlyList<OutboxMessage> Messages, DateTimeOffset LeaseUntil)> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var now = clock.GetUtcNow();
        var leaseUntil = now + options.Value.LeaseDuration;
        // An empty claim would still commit a transaction every poll, and every commit empties the read cache.
        if (await session.ExecuteScalarAsync<long>(OutboxSql.AnyDue(session.Dialect), new { Now = now }, cancellationToken) == 0)
        {
            return ([], leaseUntil);
        }

        var claimed = await unitOfWork.ExecuteAsync(
            async token =>
            {
                await session.ExecuteAsync(OutboxSql.Claim(session.Dialect), new { Owner = _owner, LeaseUntil = leaseUntil, Now = now, options.Value.BatchSize }, token);
                return await session.QueryAsync<OutboxMessage>(OutboxSql.SelectClaimed, new { Owner = _owner, LeaseUntil = leaseUntil }, token);
            },
            cancellationToken);
        return (claimed, leaseUntil);
    }

    /// <summary>Hands the message to each consumer of its type in its own transaction, skipping consumers that already had it.</summary>
    internal async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var eventType = IntegrationEventTypes.Resolve(message.Type)
            ?? throw new InvalidOperationException($"Unknown integration event type {message.Type}.");
        var integrationEvent = (IIntegrationEvent)(JsonSerializer.Deserialize(message.Payload, eventType, IntegrationEventTypes.Json)
            ?? throw new InvalidOperationException($"Empty payload in outbox message {message.Id}."));

        foreach (var consumer in _consumersByEvent[message.Type])
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<DbSession>();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            await unitOfWork.ExecuteAsync(
                async token =>
                {
                    var inbox = new { Consumer = consumer.ConsumerName, MessageId = message.Id, Now = clock.GetUtcNow() };
                    if (await session.ExecuteScalarAsync<long>(OutboxSql.InboxContains, inbox, token) > 0)
                    {
                        return false;
                    }

                    await consumer.Invoke(scope.ServiceProvider, integrationEvent, token);
                    await session.ExecuteAsync(OutboxSql.InboxInsert, inbox, token);
                    return true;
                },
                cancellationToken);
        }
    }

    internal async Task AcknowledgeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(
            async token => await session.ExecuteAsync(OutboxSql.Acknowledge, new { message.Id, Owner = _owner, Now = clock.GetUtcNow() }, token),
            cancellationToken);
    }

    private async Task RecordFailureAsync(OutboxMessage message, Exception exception, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var retryAt = clock.GetUtcNow() + options.Value.PollInterval * 10;
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(
            async token => await session.ExecuteAsync(OutboxSql.Fail, new { message.Id, Owner = _owner, RetryAt = retryAt, Error = $"{exception.GetType().Name}: {exception.Message}" }, token),
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch failed")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Type}) could not be delivered; it stays pending")]
    private static partial void LogDeliveryFailed(ILogger logger, Guid messageId, string type, Exception exception);
}
