using Fengqiao.BuildingBlocks.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Integrations.Webhooks;

/// <summary>An event type a subscription may take: its public name and what it tells.</summary>
internal sealed record WebhookEventType(string Name, string Description);

internal static class ListWebhookEventTypesEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapGet("/event-types", Handle)
            .WithName("ListWebhookEventTypes")
            .WithSummary("The event types webhooks may subscribe to.")
            .WithDescription("Each delivery's body is {\"type\": name, \"timestamp\": when it happened, \"data\": the event's fields}. "
                + "Only events within the subscription owner's jurisdiction are delivered, and nothing of accusation material.")
            .RequireWebhookManager();

    private static Ok<IReadOnlyList<WebhookEventType>> Handle() =>
        TypedResults.Ok<IReadOnlyList<WebhookEventType>>(WebhookEventCatalog.All.Select(k => new WebhookEventType(k.Name, k.Description)).ToList());
}
