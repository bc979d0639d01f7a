using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Integrations.Webhooks;

/// <summary>Deletes a subscription with its delivery log; what had not gone out never will. Needs If-Match.</summary>
internal sealed record DeleteWebhookSubscription(Guid SubscriptionId, long ExpectedVersion) : ICommand<bool>;

internal sealed class DeleteWebhookSubscriptionHandler(IDbSession session, WebhookSubscriptions subscriptions, IAuditLog audit)
    : ICommandHandler<DeleteWebhookSubscription, bool>
{
    public async ValueTask<bool> Handle(DeleteWebhookSubscription command, CancellationToken cancellationToken)
    {
        var before = await subscriptions.ForChangeAsync(command.SubscriptionId, command.ExpectedVersion, cancellationToken);
        await session.ExecuteVersionedAsync(WebhookSql.DeleteSubscription, new { before.Id, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        await session.ExecuteAsync(WebhookSql.DeleteSubscriptionEvents, new { before.Id }, cancellationToken);
        await session.ExecuteAsync(WebhookSql.DeleteAttemptsOf, new { before.Id }, cancellationToken);
        await session.ExecuteAsync(WebhookSql.DeleteDeliveriesOf, new { before.Id }, cancellationToken);
        audit.Record(new AuditEntry("webhook.subscription_deleted", "webhook_subscription", before.Id,
            new { before.Url, before.Description, before.EventTypes, before.Status, before.OwnerUnitId, before.OwnerClientId, before.Version }));
        return true;
    }
}

internal static class DeleteWebhookSubscriptionEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapDelete("/{id:guid}", Handle)
            .WithName("DeleteWebhookSubscription")
            .WithSummary("Deletes a webhook subscription and its delivery log; needs If-Match.")
            .WithDescription("Deletes a webhook subscription with its delivery log; what had not gone out never will. Audited.")
            .RequireWebhookManager()
            .ProducesVersionedChangeProblems();

    private static async Task<NoContent> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteWebhookSubscription(id, Versioning.RequiredIfMatch(context)), cancellationToken);
        return TypedResults.NoContent();
    }
}
