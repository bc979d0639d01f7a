namespace Fengqiao.Contracts.Organization;

public sealed record UserCreated(Guid EventId, DateTimeOffset OccurredAt, Guid UserId, string UserName, Guid UnitId, IReadOnlyList<string> Roles)
    : IIntegrationEvent;

public sealed record UserChanged(Guid EventId, DateTimeOffset OccurredAt, Guid UserId, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled)
    : IIntegrationEvent;
