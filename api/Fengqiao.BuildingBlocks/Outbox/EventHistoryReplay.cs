using System.Text.Json;
using System.Threading.Channels;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.BuildingBlocks.Outbox;

/// <summary>How far a replay has come: the events given to the consumers so far.</summary>
public sealed record ReplayProgress(long Events, TimeSpan Elapsed);

/// <summary>
/// A projection rebuilt in memory (<see cref="EventHistoryReplay.RebuildInMemoryAsync"/>): its consumers, resolved over state it
/// keeps in memory instead of its tables, and the writing of that state.
/// </summary>
public interface IInMemoryProjection
{
    /// <summary>Resolves the projection's consumer types to instances that read and change the state in memory.</summary>
    IServiceProvider Consumers { get; }

    /// <summary>Replaces the projection's tables with the state in memory, in the caller's transaction.</summary>
    Task ReplaceTablesAsync(IDbSession session, CancellationToken cancellationToken);
}

/// <summary>
/// Rebuilds a projection from the event history the outbox keeps, giving its consumers every stored event of their types in the
/// order they happened (events of one instant in the order they were stored). <see cref="RebuildAsync"/> does it event by event
/// through the inbox as the dispatcher does; <see cref="RebuildInMemoryAsync"/> gives the same events to consumers that keep the
/// projection in memory and writes it once at the end, which is what makes a rebuild of millions of events take minutes.
/// </summary>
public sealed class EventHistoryReplay(IServiceScopeFactory scopes, IEnumerable<ConsumerRegistration> consumers, TimeProvider clock)
{
    private const int PageSize = 2000;

    /// <summary>A page read outside any transaction holds no lock, so the rebuild in memory reads more per page.</summary>
    private const int InMemoryPageSize = 10_000;

    /// <summary>
    /// Forgets what the projection's consumers were given, lets the projection empty its tables in the same transaction, then
    /// replays the history a page per transaction, through the inbox: an event the dispatcher delivers while the replay runs is
    /// counted once, by whichever comes first.
    /// </summary>
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

    /// <summary>
    /// Replays the history into <paramref name="target"/>'s memory, reading it a page at a time without holding a transaction, up
    /// to the last message stored when the rebuild began; then, in one transaction, counts the messages stored since, forgets what
    /// the consumers were given and lets the projection replace its tables. The live projection serves until that commit, and an
    /// event the dispatcher delivers meanwhile is counted once: by the rebuild, which leaves an inbox row for every message it
    /// counted that was not yet delivered (the dispatcher skips it), while a delivered one is never given again.
    /// </summary>
    public async Task<ReplayProgress> RebuildInMemoryAsync(
        Func<ConsumerRegistration, bool> projection, IInMemoryProjection target, Action<ReplayProgress>? onPage, CancellationToken cancellationToken)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var selected = consumers.Where(projection).ToList();
        var byEvent = selected.ToLookup(c => c.EventName);
        var names = selected.Select(c => c.ConsumerName).Distinct().ToList();
        var types = byEvent.Select(g => g.Key).ToList();
        var undelivered = new List<(string Consumer, Guid MessageId)>();
        long events = 0;

        async Task CountAsync(HistoryMessage message, IIntegrationEvent integrationEvent, CancellationToken token)
        {
            foreach (var consumer in byEvent[message.Type])
            {
                await consumer.Invoke(target.Consumers, integrationEvent, token);
                if (!message.Delivered)
                {
                    undelivered.Add((consumer.ConsumerName, message.Id));
                }
            }

            events++;
        }

        long upTo;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<DbSession>();
            upTo = await session.ExecuteScalarAsync<long>(OutboxSql.LastStoreOrder, null, cancellationToken);

            // Reading and decoding the next pages overlaps the counting of this one: the two take about as long, and the counting
            // keeps to one thread because the consumers' state in memory is not shared.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var pages = Channel.CreateBounded<(HistoryMessage Message, IIntegrationEvent Event)[]>(2);
            var reading = Task.Run(() => ReadHistoryAsync(session, types, upTo, pages.Writer, stop.Token), CancellationToken.None);
            try
            {
                await foreach (var page in pages.Reader.ReadAllAsync(cancellationToken))
                {
                    foreach (var (message, integrationEvent) in page)
                    {
                        await CountAsync(message, integrationEvent, cancellationToken);
                    }

                    onPage?.Invoke(new ReplayProgress(events, stopwatch.Elapsed));
                }
            }
            finally
            {
                // The reader ends (it passes its failure on through the channel) before the scope closes its connection.
                await stop.CancelAsync();
                await reading;
            }
        }

        // A retried transaction must not count again the messages stored since the rebuild began: memory keeps what it counted.
        var countedSince = new HashSet<Guid>();
        await InScopeAsync(
            async (_, session, token) =>
            {
                if (types.Count > 0)
                {
                    foreach (var message in await session.QueryAsync<HistoryMessage>(OutboxSql.HistoryStoredAfter, new { Types = types, UpTo = upTo }, token))
                    {
                        if (countedSince.Add(message.Id))
                        {
                            await CountAsync(message, EventOf(message), token);
                        }
                    }
                }

                await session.ExecuteAsync(OutboxSql.InboxForget, new { Consumers = names }, token);
                await target.ReplaceTablesAsync(session, token);
                var now = clock.GetUtcNow();
                await session.ExecuteAsync(OutboxSql.InboxInsert, undelivered.Select(u => new { u.Consumer, u.MessageId, Now = now }).ToList(), token);
                return 0;
            },
            cancellationToken);
        return new ReplayProgress(events, stopwatch.Elapsed);
    }

    /// <summary>
    /// The history up to <paramref name="upTo"/> a page at a time, outside any transaction, each message with its event decoded; the
    /// channel ends with the history, or with the failure that stopped the reading.
    /// </summary>
    private static async Task ReadHistoryAsync(
        DbSession session, List<string> types, long upTo, ChannelWriter<(HistoryMessage Message, IIntegrationEvent Event)[]> pages, CancellationToken cancellationToken)
    {
        try
        {
            var after = (At: DateTimeOffset.MinValue, Order: 0L);
            while (types.Count > 0)
            {
                var page = await session.QueryAsync<HistoryMessage>(
                    OutboxSql.HistoryPageUpTo(session.Dialect), new { PageSize = InMemoryPageSize, Types = types, AfterAt = after.At, AfterOrder = after.Order, UpTo = upTo },
                    cancellationToken);
                if (page.Count == 0)
                {
                    break;
                }

                await pages.WriteAsync([.. page.Select(message => (message, EventOf(message)))], cancellationToken);
                after = (page[^1].OccurredAt, page[^1].StoreOrder);
            }

            pages.Complete();
        }
        catch (Exception exception)
        {
            pages.Complete(exception);
        }
    }

    private async ValueTask<IReadOnlyList<HistoryMessage>> ReplayPageAsync(
        IServiceProvider services, DbSession session, ILookup<string, ConsumerRegistration> byEvent, List<string> types, (DateTimeOffset At, long Order) after, CancellationToken cancellationToken)
    {
        var page = await session.QueryAsync<HistoryMessage>(
            OutboxSql.HistoryPage(session.Dialect), new { PageSize, Types = types, AfterAt = after.At, AfterOrder = after.Order }, cancellationToken);
        foreach (var message in page)
        {
            var integrationEvent = EventOf(message);
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

    private static IIntegrationEvent EventOf(HistoryMessage message)
    {
        var eventType = IntegrationEventTypes.Resolve(message.Type)
            ?? throw new InvalidOperationException($"Unknown integration event type {message.Type}.");
        return (IIntegrationEvent)(JsonSerializer.Deserialize(message.Payload, eventType, IntegrationEventTypes.Json)
            ?? throw new InvalidOperationException($"Empty payload in outbox message {message.Id}."));
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

        /// <summary>Whether the dispatcher had delivered it (read by the rebuild in memory only).</summary>
        public bool Delivered { get; init; }
    }
}
