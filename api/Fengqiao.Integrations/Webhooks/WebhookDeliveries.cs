using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Integrations.Webhooks;

internal sealed record DeliveryCursor(long S);

/// <summary>
/// A subscription's delivery log, latest first, optionally of one status. The bodies are not shown: they carry petition
/// data, which administrators do not read.
/// </summary>
internal sealed record ListWebhookDeliveries(Guid SubscriptionId, WebhookDeliveryStatus? Status, string? Cursor, int? Limit) : IQuery<Page<WebhookDelivery>>;

internal sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveries>
{
    public ListWebhookDeliveriesValidator() => RuleFor(q => q.Limit).ValidLimit();
}

internal sealed class ListWebhookDeliveriesHandler(IDbSession session, WebhookSubscriptions subscriptions) : IQueryHandler<ListWebhookDeliveries, Page<WebhookDelivery>>
{
    public async ValueTask<Page<WebhookDelivery>> Handle(ListWebhookDeliveries query, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetAsync(query.SubscriptionId, cancellationToken);
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var after = Cursor.Decode<DeliveryCursor>(query.Cursor);
        var rows = await session.QueryAsync<DeliveryRow>(WebhookSql.Deliveries(session.Dialect)[after is null ? "first" : "after"], new
        {
            SubscriptionId = subscription.Id,
            Status = query.Status is { } status ? WebhookStatuses.Stored(status) : null,
            Limit = limit + 1,
            AfterSequence = after?.S,
        }, cancellationToken);
        var page = Cursor.ToPage(rows, limit, r => new DeliveryCursor(r.Sequence));
        return new Page<WebhookDelivery>(page.Items.Select(r => r.ToDelivery()).ToList(), page.NextCursor);
    }
}

/// <summary>An attempt of a delivery: the receiver's status code (none when it could not be reached), how long it took, what failed.</summary>
internal sealed record WebhookAttempt
{
    public required DateTimeOffset AttemptedAt { get; init; }

    public required int? StatusCode { get; init; }

    public required int DurationMs { get; init; }

    public required bool Succeeded { get; init; }

    public required string? Error { get; init; }
}

/// <summary>A delivery with every attempt, latest first.</summary>
internal sealed record WebhookDeliveryDetail(WebhookDelivery Delivery, IReadOnlyList<WebhookAttempt> Attempts);

internal sealed record GetWebhookDelivery(Guid SubscriptionId, Guid DeliveryId) : IQuery<WebhookDeliveryDetail>;

internal sealed class GetWebhookDeliveryHandler(IDbSession session, WebhookSubscriptions subscriptions) : IQueryHandler<GetWebhookDelivery, WebhookDeliveryDetail>
{
    public async ValueTask<WebhookDeliveryDetail> Handle(GetWebhookDelivery query, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetAsync(query.SubscriptionId, cancellationToken);
        var row = await session.QuerySingleOrDefaultAsync<DeliveryRow>(WebhookSql.DeliveryById, new { query.DeliveryId, SubscriptionId = subscription.Id }, cancellationToken)
            ?? throw new NotFoundException("Webhook delivery");
        var attempts = await session.QueryAsync<WebhookAttempt>(WebhookSql.AttemptsOf, new { query.DeliveryId }, cancellationToken);
        return new WebhookDeliveryDetail(row.ToDelivery(), attempts);
    }
}

/// <summary>Sends a delivery again (a delivered one too), as soon as the aggregate's earlier deliveries have gone out.</summary>
internal sealed record RedeliverWebhookDelivery(Guid SubscriptionId, Guid DeliveryId) : ICommand<QueuedWebhookDelivery>;

internal sealed class RedeliverWebhookDeliveryHandler(IDbSession session, WebhookSubscriptions subscriptions, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RedeliverWebhookDelivery, QueuedWebhookDelivery>
{
    public async ValueTask<QueuedWebhookDelivery> Handle(RedeliverWebhookDelivery command, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetAsync(command.SubscriptionId, cancellationToken);
        var before = await session.QuerySingleOrDefaultAsync<DeliveryRow>(WebhookSql.DeliveryById, new { command.DeliveryId, SubscriptionId = subscription.Id }, cancellationToken)
            ?? throw new NotFoundException("Webhook delivery");
        if (await session.ExecuteAsync(WebhookSql.Redeliver, new { command.DeliveryId, SubscriptionId = subscription.Id, Now = clock.GetUtcNow() }, cancellationToken) == 0)
        {
            throw before.Status == WebhookStatuses.Stored(WebhookDeliveryStatus.Withheld)
                ? new ConflictException("delivery_withheld", "This delivery was withheld and never goes out.")
                : new ConflictException("delivery_in_flight", "This delivery is being sent right now; look again in a moment.");
        }

        audit.Record(new AuditEntry("webhook.redelivery_requested", "webhook_subscription", subscription.Id,
            new { DeliveryId = before.Id, before.Status, before.Attempts }, new { DeliveryId = before.Id, Status = WebhookDeliveryStatus.Pending }));
        return new QueuedWebhookDelivery(before.Id);
    }
}

internal static class ListWebhookDeliveriesEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapGet("/{id:guid}/deliveries", Handle)
            .WithName("ListWebhookDeliveries")
            .WithSummary("A webhook subscription's delivery log, latest first: status, attempts, the last status code, response time and error.")
            .WithDescription("A subscription's delivery log, latest first and paged by cursor, optionally of one status: each delivery's event type, status, attempts, the last status code, response time and error. Bodies are not shown.")
            .RequireWebhookManager()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();

    private static async Task<Ok<Page<WebhookDelivery>>> Handle(
        Guid id, [QueryEnum(typeof(WebhookDeliveryStatus))] string? status, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListWebhookDeliveries(id, QueryEnum.Parse<WebhookDeliveryStatus>(status, nameof(status)), cursor, limit), cancellationToken));
}

internal static class GetWebhookDeliveryEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapGet("/{id:guid}/deliveries/{deliveryId:guid}", Handle)
            .WithName("GetWebhookDelivery")
            .WithSummary("One delivery of a webhook subscription with all its attempts.")
            .WithDescription("One delivery of a subscription with every attempt: when, the status code, the response time and the error.")
            .RequireWebhookManager()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<WebhookDeliveryDetail>> Handle(Guid id, Guid deliveryId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetWebhookDelivery(id, deliveryId), cancellationToken));
}

internal static class RedeliverWebhookDeliveryEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redelivery", Handle)
            .WithName("RedeliverWebhookDelivery")
            .WithSummary("Queues a delivery to be sent again, with the same webhook-id.")
            .WithDescription("Queues a delivery to be sent again with the same webhook-id (receivers deduplicate on it), ahead of its retry schedule. 409 delivery_withheld for a delivery withheld from going out, delivery_in_flight while it is being sent.")
            .RequireWebhookManager()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Accepted<QueuedWebhookDelivery>> Handle(Guid id, Guid deliveryId, ISender sender, CancellationToken cancellationToken)
    {
        var queued = await sender.Send(new RedeliverWebhookDelivery(id, deliveryId), cancellationToken);
        return TypedResults.Accepted($"/api/v1/integrations/webhooks/{id}/deliveries/{queued.DeliveryId}", queued);
    }
}
