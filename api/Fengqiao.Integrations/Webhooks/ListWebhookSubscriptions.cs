using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Integrations.Webhooks;

internal sealed record SubscriptionCursor(DateTimeOffset C, Guid I);

/// <summary>The subscriptions the caller manages, newest first; disabled ones carry when and why they stopped.</summary>
internal sealed record ListWebhookSubscriptions(string? Cursor, int? Limit) : IQuery<Page<WebhookSubscription>>;

internal sealed class ListWebhookSubscriptionsValidator : AbstractValidator<ListWebhookSubscriptions>
{
    public ListWebhookSubscriptionsValidator() => RuleFor(q => q.Limit).ValidLimit();
}

internal sealed class ListWebhookSubscriptionsHandler(IDbSession session, WebhookSubscriptions subscriptions)
    : IQueryHandler<ListWebhookSubscriptions, Page<WebhookSubscription>>
{
    public async ValueTask<Page<WebhookSubscription>> Handle(ListWebhookSubscriptions query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var after = Cursor.Decode<SubscriptionCursor>(query.Cursor);
        var rows = await session.QueryAsync<SubscriptionRow>(
            WebhookSql.Subscriptions(session.Dialect)[after is null ? "first" : "after"],
            subscriptions.Parameters(new { Limit = limit + 1, AfterCreatedAt = after?.C, AfterId = after?.I }),
            cancellationToken);
        var page = Cursor.ToPage(rows, limit, r => new SubscriptionCursor(r.CreatedAt, r.Id));
        return new Page<WebhookSubscription>(await subscriptions.WithEventTypesAsync(page.Items, cancellationToken), page.NextCursor);
    }
}

internal static class ListWebhookSubscriptionsEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapGet("/", Handle)
            .WithName("ListWebhookSubscriptions")
            .WithSummary("The webhook subscriptions the caller manages, newest first.")
            .WithDescription("An administrator sees those owned within the jurisdiction, an API client its own. A subscription disabled "
                + "after failing continuously shows status disabled with disabledAt: the notice to its owner.")
            .RequireWebhookManager()
            .ProducesValidationProblem();

    private static async Task<Ok<Page<WebhookSubscription>>> Handle(string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListWebhookSubscriptions(cursor, limit), cancellationToken));
}
