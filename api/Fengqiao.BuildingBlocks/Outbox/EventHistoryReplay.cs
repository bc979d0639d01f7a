using System.Text.Json;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.BuildingBlocks.Outbox;

/// <summary>How far a replay has come: the events given to the consumers so far.</summary>
public sealed record ReplayProgress(long Events, TimeSpan Elapsed);

/// <summary>
/// Rebuilds a projection from the event history the outbox keeps: forgets what the projection's consumers were given,
/// lets the projection empty its tables in the same transaction, then gives the consumers every stored event of their
/// types in the order they happened (events of one instant in the order they were stored), a page per transaction, through the inbox as the dispatcher does — so an event the
/// dispatcher delivers while the replay runs is counted once, by whichever comes first.
/// </summary>
public sealed class EventHistoryReplay(IServiceScopeFactory scopes, IEnumerable<ConsumerRegistration> consumers, TimeProvider clock)
{
    private const int PageSize = 2000;

    public async Task<ReplayProgress> RebuildAsync(
        Func<ConsumerRegistration, bool> projection,
        Func<IDbSession, CancellationToken, Task> emptyProjection,
        Action<ReplayProgress>? onPage,
        CancellationToken cancellationToken)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var selected = consumers.Where(projection).ToList();
        var byEvent = selected.ToLookup(c => c.EventName);
        var names = selected.Select(c => c.ConsumerName).Distinct().ToList();
        var types = byEvent.Select(g => g.Key).ToList();
        await InScopeAsync(
            async (_, session, token) =>
            {
                await emptyProjection(session, token);
                await session.ExecuteAsync(OutboxSql.InboxForget, new { Consumers = names }, token);
                return 0;
            },
            cancellationToken);

        var progress = new ReplayProgress(0, TimeSpan.Zero);
        var after = (At: DateTimeOffset.MinValue, Order: 0L);
        while (types.Count > 0)
        {
            var page = await InScopeAsync((services, session, token) => ReplayPageAsync(services, session, byEvent, types, after, token), cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            after = (page[^1].OccurredAt, page[^1].StoreOrder);
            progress = new ReplayProgress(progress.Events + page.Count, stopwatch.Elapsed);
            onPage?.Invoke(progress);
        }

        return progress with { Elapsed = stopwatch.Elapsed };
    }

    private async ValueTask<IReadOnlyList<HistoryMessage>> ReplayPageAsync(
        IServiceProvider services, DbSession session, ILookup<string, ConsumerRegistration> byEvent, List<string> types, (DateTimeOffset At, long Order) after, CancellationToken cancellationToken)
    {
        var page = await session.QueryAsync<HistoryMessage>(
            OutboxSql.HistoryPage(session.Dialect), new { PageSize, Types = types, AfterAt = after.At, AfterOrder = after.Order }, cancellationToken);
        foreach (var message in page)
        {
            var eventType = IntegrationEventTypes.Resolve(message.Type)
                ?? throw new InvalidOperationException($"Unknown integration event type {message.Type}.");
            var integrationEvent = (IIntegrationEvent)(JsonSerializer.Deserialize(message.Payload, eventType, IntegrationEventTypes.Json)
                ?? throw new InvalidOperationException($"Empty payload in outbox message {message.Id}."));
            foreach (var consumer in byEvent[message.Type])
            {
                var inbox = new { Consumer = consumer.ConsumerName, MessageId = message.Id, Now = clock.GetUtcNow() };
                if (await session.ExecuteScalarAsync<long>(OutboxSql.InboxContains, inbox, cancellationToken) > 0)
                {
                    continue;
                }

                await consumer.Invoke(services, integrationEvent, cancellationToken);
                await session.ExecuteAsync(OutboxSql.InboxInsert, inbox, cancellationToken);
            }
        }

        return page;
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, DbSession, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        return await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(token => work(scope.ServiceProvider, session, token), cancellationToken);
    }

    private sealed record HistoryMessage
    {
        public required Guid Id { get; init; }

        public required string Type { get; init; }

        public required string Payload { get; init; }

        public required DateTimeOffset OccurredAt { get; init; }

        public required long StoreOrder { get; init; }
    }
}
