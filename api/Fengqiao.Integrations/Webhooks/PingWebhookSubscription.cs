using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Integrations.Webhooks;

/// <summary>Queues a <c>webhook.ping</c> delivery to an active subscription, to try the receiver and its signature check.</summary>
internal sealed record PingWebhookSubscription(Guid SubscriptionId) : ICommand<QueuedWebhookDelivery>;

/// <param name="DeliveryId">The delivery to follow in the log; its id is the webhook-id header's value.</param>
internal sealed record QueuedWebhookDelivery(Guid DeliveryId);

internal sealed class PingWebhookSubscriptionHandler(IDbSession session, WebhookSubscriptions subscriptions, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<PingWebhookSubscription, QueuedWebhookDelivery>
{
    public async ValueTask<QueuedWebhookDelivery> Handle(PingWebhookSubscription command, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetAsync(command.SubscriptionId, cancellationToken);
        if (subscription.Status != WebhookSubscriptionStatus.Active)
        {
            throw new ConflictException("subscription_not_active", "Resume the subscription first: only an active subscription's deliveries go out.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await session.ExecuteAsync(WebhookSql.InsertDelivery, new
        {
            Id = id,
            SubscriptionId = subscription.Id,
            EventId = Guid.CreateVersion7(now),
            EventType = WebhookEventCatalog.Ping,
            AggregateKey = $"ping:{subscription.Id}",
            OccurredAt = now,
            Sequence = await session.ExecuteScalarAsync<long>(WebhookSql.NextSequence(session.Dialect), null, cancellationToken),
            Body = WebhookFanOut.Body(WebhookEventCatalog.Ping, now, new JsonObject { ["subscriptionId"] = subscription.Id }),
            Now = now,
        }, cancellationToken);
        audit.Record(new AuditEntry("webhook.pinged", "webhook_subscription", subscription.Id, After: new { DeliveryId = id }));
        return new QueuedWebhookDelivery(id);
    }
}

internal static class PingWebhookSubscriptionEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapPost("/{id:guid}/ping", Handle)
            .WithName("PingWebhookSubscription")
            .WithSummary("Queues a signed webhook.ping delivery to an active subscription's receiver.")
            .WithDescription("Queues a signed webhook.ping delivery to the subscription's receiver, to check the URL and the receiver's signature verification; it appears in the delivery log. 409 subscription_not_active when paused or disabled.")
            .RequireWebhookManager()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Accepted<QueuedWebhookDelivery>> Handle(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        var queued = await sender.Send(new PingWebhookSubscription(id), cancellationToken);
        return TypedResults.Accepted($"/api/v1/integrations/webhooks/{id}/deliveries/{queued.DeliveryId}", queued);
    }
}
