namespace Fengqiao.Integrations.Webhooks;

/// <summary>active: deliveries go out; paused: its owner stopped them; disabled: it failed for days and was stopped.</summary>
internal enum WebhookSubscriptionStatus
{
    Active,
    Paused,
    Disabled,
}

/// <summary>pending: not yet received (it may be retrying); delivered: the receiver answered 2xx; withheld: never to go out.</summary>
internal enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Withheld,
}

internal static class WebhookStatuses
{
    public static string Stored(WebhookSubscriptionStatus status) => status.ToString().ToLowerInvariant();

    public static string Stored(WebhookDeliveryStatus status) => status.ToString().ToLowerInvariant();

    public static WebhookSubscriptionStatus Subscription(string stored) => Enum.Parse<WebhookSubscriptionStatus>(stored, ignoreCase: true);

    public static WebhookDeliveryStatus Delivery(string stored) => Enum.Parse<WebhookDeliveryStatus>(stored, ignoreCase: true);
}

/// <summary>A webhook subscription as its managers see it; the secret is shown only when it is created.</summary>
/// <param name="OwnerClientId">The API client that manages it; null when an administrator does.</param>
/// <param name="FailingSince">Start of the unbroken run of failed attempts it is in; null while deliveries succeed.</param>
/// <param name="DisabledAt">When it was disabled for failing continuously; null unless its status is disabled.</param>
internal sealed record WebhookSubscription(
    Guid Id,
    string Url,
    string? Description,
    IReadOnlyList<string> EventTypes,
    Guid OwnerUnitId,
    string OwnerUnitName,
    Guid? OwnerClientId,
    WebhookSubscriptionStatus Status,
    DateTimeOffset? FailingSince,
    DateTimeOffset? DisabledAt,
    DateTimeOffset CreatedAt,
    long Version);

internal sealed record SubscriptionRow
{
    public required Guid Id { get; init; }

    public required string Url { get; init; }

    public required string? Description { get; init; }

    public required Guid OwnerUnitId { get; init; }

    public required string OwnerUnitName { get; init; }

    public required Guid? OwnerClientId { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset? FailingSince { get; init; }

    public required DateTimeOffset? DisabledAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required long Version { get; init; }

    public WebhookSubscription With(IReadOnlyList<string> eventTypes) =>
        new(Id, Url, Description, eventTypes, OwnerUnitId, OwnerUnitName, OwnerClientId, WebhookStatuses.Subscription(Status), FailingSince, DisabledAt, CreatedAt, Version);
}

internal sealed record SubscriptionEventRow
{
    public required Guid SubscriptionId { get; init; }

    public required string EventType { get; init; }
}

/// <summary>One event's delivery to one subscription, with its latest attempt.</summary>
/// <param name="Id">The webhook-id header's value: the same on every attempt, so a receiver can drop repeats.</param>
/// <param name="NextAttemptAt">When a pending delivery is tried next.</param>
/// <param name="LastDurationMs">How long the latest attempt took, in milliseconds.</param>
internal sealed record WebhookDelivery
{
    public required Guid Id { get; init; }

    public required Guid EventId { get; init; }

    public required string EventType { get; init; }

    public required WebhookDeliveryStatus Status { get; init; }

    public required int Attempts { get; init; }

    public required DateTimeOffset NextAttemptAt { get; init; }

    public required DateTimeOffset? LastAttemptAt { get; init; }

    public required int? LastStatusCode { get; init; }

    public required int? LastDurationMs { get; init; }

    public required string? LastError { get; init; }

    public required DateTimeOffset? DeliveredAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

internal sealed record DeliveryRow
{
    public required Guid Id { get; init; }

    public required Guid EventId { get; init; }

    public required string EventType { get; init; }

    public required string Status { get; init; }

    public required int Attempts { get; init; }

    public required DateTimeOffset NextAttemptAt { get; init; }

    public required DateTimeOffset? LastAttemptAt { get; init; }

    public required int? LastStatusCode { get; init; }

    public required int? LastDurationMs { get; init; }

    public required string? LastError { get; init; }

    public required DateTimeOffset? DeliveredAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required long Sequence { get; init; }

    public WebhookDelivery ToDelivery() => new()
    {
        Id = Id,
        EventId = EventId,
        EventType = EventType,
        Status = WebhookStatuses.Delivery(Status),
        Attempts = Attempts,
        NextAttemptAt = NextAttemptAt,
        LastAttemptAt = LastAttemptAt,
        LastStatusCode = LastStatusCode,
        LastDurationMs = LastDurationMs,
        LastError = LastError,
        DeliveredAt = DeliveredAt,
        CreatedAt = CreatedAt,
    };
}
