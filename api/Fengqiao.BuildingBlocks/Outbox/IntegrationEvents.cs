using System.Text.Json;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts;

namespace Fengqiao.BuildingBlocks.Outbox;

/// <summary>Collects the integration events a command raises; they are stored in the outbox in its transaction.</summary>
public interface IEventPublisher
{
    void Publish(IIntegrationEvent integrationEvent);

    /// <summary>
    /// Stores an event that happened before this system recorded it (bulk-loaded history) as already delivered: no consumer
    /// acts on it, but a projection rebuilt from the history (<see cref="EventHistoryReplay"/>) counts it.
    /// </summary>
    void RecordHistory(IIntegrationEvent integrationEvent);
}

/// <summary>A module's reaction to another module's event. Runs in its own transaction, once per event.</summary>
public interface IIntegrationEventConsumer<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}

/// <summary>The stable names under which events are stored: the type's path below the Contracts namespace.</summary>
public static class IntegrationEventTypes
{
    private static readonly Dictionary<string, Type> ByName = typeof(IIntegrationEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .ToDictionary(NameOf, t => t);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string NameOf(Type eventType) =>
        eventType.FullName!["Fengqiao.Contracts.".Length..];

    public static Type? Resolve(string name) => ByName.GetValueOrDefault(name);
}

internal sealed class OutboxEventPublisher(TimeProvider clock) : IEventPublisher, IUnitOfWorkParticipant
{
    private readonly List<IIntegrationEvent> _pending = [];
    private readonly List<IIntegrationEvent> _history = [];

    public void Publish(IIntegrationEvent integrationEvent) => _pending.Add(integrationEvent);

    public void RecordHistory(IIntegrationEvent integrationEvent) => _history.Add(integrationEvent);

    public async ValueTask BeforeCommitAsync(IDbSession session, CancellationToken cancellationToken)
    {
        if (_history.Count > 0)
        {
            var storedAt = clock.GetUtcNow();
            await session.ExecuteAsync(OutboxSql.InsertHistory, _history.Select(e => Row(e, storedAt)).ToList(), cancellationToken);
            _history.Clear();
        }

        foreach (var pending in _pending)
        {
            await session.ExecuteAsync(OutboxSql.Insert, Row(pending, clock.GetUtcNow()), cancellationToken);
        }

        _pending.Clear();
    }

    public void Reset()
    {
        _pending.Clear();
        _history.Clear();
    }

    private static object Row(IIntegrationEvent integrationEvent, DateTimeOffset storedAt)
    {
        var type = integrationEvent.GetType();
        return new
        {
            integrationEvent.EventId,
            Type = IntegrationEventTypes.NameOf(type),
            Payload = JsonSerializer.Serialize(integrationEvent, type, IntegrationEventTypes.Json),
            integrationEvent.OccurredAt,
            StoredAt = storedAt,
        };
    }
}

/// <summary>How the dispatcher calls one consumer: its name (the inbox key) and a typed invoker.</summary>
public sealed record ConsumerRegistration(string ConsumerName, Type EventType, Func<IServiceProvider, IIntegrationEvent, CancellationToken, Task> Invoke)
{
    public string EventName => IntegrationEventTypes.NameOf(EventType);

    internal static ConsumerRegistration For<TEvent, TConsumer>()
        where TEvent : IIntegrationEvent
        where TConsumer : IIntegrationEventConsumer<TEvent>
    {
        return new ConsumerRegistration(
            typeof(TConsumer).FullName!,
            typeof(TEvent),
            (services, e, ct) => ((TConsumer)services.GetService(typeof(TConsumer))!).HandleAsync((TEvent)e, ct));
    }
}
