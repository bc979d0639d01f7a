using Dapper;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;

namespace Fengqiao.Integrations.Webhooks;

/// <summary>
/// The subscriptions the caller manages: an administrator those owned within the jurisdiction, an API client its own. One
/// outside that answers 404, as a missing one does.
/// </summary>
internal sealed class WebhookSubscriptions(IDbSession session, ICurrentUser caller)
{
    /// <summary>The API client acting, or null for a person.</summary>
    public Guid? ClientId => caller.IsApiClient ? caller.UserId : null;

    /// <summary>The scope parameters of <see cref="WebhookSql"/>'s queries, merged with <paramref name="parameters"/>.</summary>
    public DynamicParameters Parameters(object? parameters = null)
    {
        var merged = Jurisdiction.Parameters(caller, parameters);
        merged.Add("ClientId", ClientId);
        return merged;
    }

    public async Task<WebhookSubscription> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<SubscriptionRow>(WebhookSql.SubscriptionById, Parameters(new { Id = id }), cancellationToken)
            ?? throw new NotFoundException("Webhook subscription");
        return (await WithEventTypesAsync([row], cancellationToken))[0];
    }

    /// <summary>The subscription at the version the caller read; 412 when it changed since.</summary>
    public async Task<WebhookSubscription> ForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var subscription = await GetAsync(id, cancellationToken);
        return subscription.Version == expectedVersion ? subscription : throw new PreconditionFailedException(subscription.Version);
    }

    public async Task<IReadOnlyList<WebhookSubscription>> WithEventTypesAsync(IReadOnlyList<SubscriptionRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        // Dapper expands an IN list without the type handlers: ids go as the text SQLite stores.
        var types = (await session.QueryAsync<SubscriptionEventRow>(WebhookSql.EventTypesOf, new { Ids = rows.Select(r => r.Id.ToString("D")).ToList() }, cancellationToken))
            .ToLookup(t => t.SubscriptionId, t => t.EventType);
        return rows.Select(r => r.With(types[r.Id].ToList())).ToList();
    }
}
