using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts;
using Fengqiao.Contracts.Intake;

namespace Fengqiao.Integrations.Webhooks;

/// <summary>
/// The outbox's consumer for webhooks: records one delivery per subscription that takes the event and whose owner's
/// jurisdiction holds it, in the dispatcher's transaction with its inbox row, so an event is recorded once and never lost;
/// the sender sends what is recorded. Nothing of a petition referred to discipline inspection is recorded, and what was
/// recorded of it but had not gone out is withheld.
/// </summary>
internal sealed class WebhookFanOut(IDbSession session, TimeProvider clock)
{
    /// <summary>The inbox key of this consumer, one for every event type it takes.</summary>
    public const string ConsumerName = "Fengqiao.Integrations.Webhooks.WebhookFanOut";

    private const string ReferredToDiscipline = "refer_to_discipline";

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private sealed record Subscriber
    {
        public required Guid Id { get; init; }

        public required Guid OwnerUnitId { get; init; }

        public required string OwnerRegionPath { get; init; }
    }

    private sealed record KnownPetition
    {
        public required string RegionPath { get; init; }

        public required bool Withheld { get; init; }
    }

    public async Task HandleAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var kind = WebhookEventCatalog.Of(integrationEvent.GetType());
        if (kind is null)
        {
            return;
        }

        var scope = kind.ScopeOf(integrationEvent);
        var regionPath = scope.RegionPath;
        if (integrationEvent is PetitionRegistered registered)
        {
            await session.ExecuteAsync(WebhookSql.InsertPetition, new { registered.PetitionId, registered.RegionPath }, cancellationToken);
        }

        if (scope.PetitionId is { } petitionId)
        {
            if (integrationEvent is PetitionClassified { Decision: ReferredToDiscipline })
            {
                await WithholdAsync(petitionId, cancellationToken);
                return;
            }

            var petition = await session.QuerySingleOrDefaultAsync<KnownPetition>(WebhookSql.PetitionById, new { PetitionId = petitionId }, cancellationToken);
            if (petition is { Withheld: true })
            {
                return;
            }

            if (regionPath is null && petition is { RegionPath.Length: > 0 })
            {
                regionPath = petition.RegionPath;
            }
        }

        var subscribers = (await session.QueryAsync<Subscriber>(WebhookSql.SubscribersOf, new { EventType = kind.Name }, cancellationToken))
            .Where(s => (regionPath is not null && Jurisdiction.Contains(s.OwnerRegionPath, regionPath)) || scope.UnitIds.Contains(s.OwnerUnitId))
            .ToList();
        if (subscribers.Count == 0)
        {
            return;
        }

        var body = Body(kind.Name, integrationEvent.OccurredAt, WebhookEventCatalog.DataOf(kind, integrationEvent));
        var sequence = await session.ExecuteScalarAsync<long>(WebhookSql.NextSequence(session.Dialect), null, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var subscriber in subscribers)
        {
            await session.ExecuteAsync(WebhookSql.InsertDelivery, new
            {
                Id = Guid.CreateVersion7(now),
                SubscriptionId = subscriber.Id,
                integrationEvent.EventId,
                EventType = kind.Name,
                scope.AggregateKey,
                integrationEvent.OccurredAt,
                Sequence = sequence++,
                Body = body,
                Now = now,
            }, cancellationToken);
        }
    }

    /// <summary>The JSON a receiver gets: the event's public name, when it happened, and its data.</summary>
    public static string Body(string eventType, DateTimeOffset occurredAt, JsonObject data) =>
        JsonSerializer.Serialize(new JsonObject { ["type"] = eventType, ["timestamp"] = occurredAt.ToUniversalTime(), ["data"] = data }, BodyJson);

    private async Task WithholdAsync(Guid petitionId, CancellationToken cancellationToken)
    {
        if (await session.ExecuteAsync(WebhookSql.WithholdPetition, new { PetitionId = petitionId }, cancellationToken) == 0)
        {
            await session.ExecuteAsync(WebhookSql.InsertWithheldPetition, new { PetitionId = petitionId }, cancellationToken);
        }

        await session.ExecuteAsync(WebhookSql.WithholdPendingDeliveries, new { AggregateKey = $"petition:{petitionId}" }, cancellationToken);
    }
}
