namespace Fengqiao.Contracts;

/// <summary>A fact one module publishes for others, delivered at least once through the outbox.</summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }
}
