using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Integrations.Webhooks;

/// <summary>One subscription the caller manages, with its ETag for a change.</summary>
internal sealed record GetWebhookSubscription(Guid Id) : IQuery<WebhookSubscription>;

internal sealed class GetWebhookSubscriptionHandler(WebhookSubscriptions subscriptions) : IQueryHandler<GetWebhookSubscription, WebhookSubscription>
{
    public async ValueTask<WebhookSubscription> Handle(GetWebhookSubscription query, CancellationToken cancellationToken) =>
        await subscriptions.GetAsync(query.Id, cancellationToken);
}

internal static class GetWebhookSubscriptionEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapGet("/{id:guid}", Handle)
            .WithName("GetWebhookSubscription")
            .WithSummary("A webhook subscription the caller manages; its secret is never shown again.")
            .WithDescription("One webhook subscription the caller manages (an admin within its jurisdiction, or the API client that owns it): URL, event types, state and since when it has been failing. The signing secret was shown once at creation and is never returned again.")
            .ProducesETag()
            .RequireWebhookManager()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<WebhookSubscription>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var subscription = await sender.Send(new GetWebhookSubscription(id), cancellationToken);
        Versioning.SetETag(context, subscription.Version);
        return TypedResults.Ok(subscription);
    }
}
