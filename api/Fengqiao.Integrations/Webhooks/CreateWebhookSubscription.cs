using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Integrations.Webhooks;

/// <summary>
/// Subscribes a receiver's URL to event types. Its owner unit bounds what it receives to that unit's jurisdiction: an
/// administrator names a unit within theirs (their own by default), an API client's subscriptions belong to its unit. The
/// signing secret is answered here once and never again.
/// </summary>
/// <param name="Url">The receiver; https, and never a private, loopback or link-local address unless the configuration allows it.</param>
/// <param name="EventTypes">Public event names from <c>GET /integrations/webhooks/event-types</c>.</param>
/// <param name="OwnerUnitId">The owner unit; the caller's own when left out.</param>
internal sealed record CreateWebhookSubscription(string Url, string? Description, IReadOnlyList<string> EventTypes, Guid? OwnerUnitId)
    : ICommand<CreatedWebhookSubscription>;

/// <param name="Secret">The signing secret (<c>whsec_…</c>): shown only now; keep it to verify the webhook-signature header.</param>
internal sealed record CreatedWebhookSubscription(Guid Id, long Version, string Secret);

internal sealed class CreateWebhookSubscriptionValidator : AbstractValidator<CreateWebhookSubscription>
{
    public CreateWebhookSubscriptionValidator()
    {
        RuleFor(c => c.Url).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.Description).MaximumLength(500);
        RuleFor(c => c.EventTypes).ValidEventTypes();
    }
}

internal static class WebhookValidation
{
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> ValidEventTypes<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.NotEmpty().WithMessage("Choose at least one event type.")
            .Must(types => types is null || types.All(WebhookEventCatalog.IsKnown)).WithMessage("Unknown event type; choose from GET /api/v1/integrations/webhooks/event-types.")
            .Must(types => types is null || types.Distinct(StringComparer.Ordinal).Count() == types.Count).WithMessage("Name each event type once.");

    /// <summary>A URL the SSRF policy refuses is a 400 on the url field.</summary>
    public static async Task RequireReachableAsync(this OutboundAddressPolicy policy, string url, CancellationToken cancellationToken)
    {
        if (await policy.RefusalAsync(url.Trim(), cancellationToken) is { } refusal)
        {
            throw new ValidationException([new ValidationFailure("Url", refusal)]);
        }
    }
}

internal sealed class CreateWebhookSubscriptionHandler(
    IDbSession session,
    ICurrentUser caller,
    WebhookSubscriptions subscriptions,
    IOrganizationDirectory directory,
    OutboundAddressPolicy policy,
    PersonalDataProtector protector,
    IAuditLog audit,
    TimeProvider clock) : ICommandHandler<CreateWebhookSubscription, CreatedWebhookSubscription>
{
    public async ValueTask<CreatedWebhookSubscription> Handle(CreateWebhookSubscription command, CancellationToken cancellationToken)
    {
        await policy.RequireReachableAsync(command.Url, cancellationToken);
        var owner = await OwnerAsync(command.OwnerUnitId, cancellationToken);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var secret = WebhookSignature.NewSecret();
        var url = command.Url.Trim();
        var description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
        await session.ExecuteAsync(WebhookSql.InsertSubscription, new
        {
            Id = id,
            Url = url,
            Description = description,
            SecretProtected = protector.Encrypt(secret),
            OwnerUnitId = owner.Id,
            OwnerUnitName = owner.Name,
            OwnerRegionPath = owner.RegionPath,
            OwnerClientId = subscriptions.ClientId,
            CreatedBy = caller.UserId,
            CreatedAt = now,
        }, cancellationToken);
        await session.ExecuteAsync(WebhookSql.InsertSubscriptionEvent, command.EventTypes.Select(t => new { SubscriptionId = id, EventType = t }).ToList(), cancellationToken);
        audit.Record(new AuditEntry("webhook.subscription_created", "webhook_subscription", id,
            After: new { Url = url, Description = description, command.EventTypes, OwnerUnitId = owner.Id, OwnerClientId = subscriptions.ClientId }));
        return new CreatedWebhookSubscription(id, 1, secret);
    }

    private async Task<UnitSnapshot> OwnerAsync(Guid? requested, CancellationToken cancellationToken)
    {
        var unitId = subscriptions.ClientId is null ? requested ?? caller.UnitId : caller.UnitId;
        var unit = unitId is { } id ? await directory.FindUnitAsync(id, cancellationToken) : null;
        if (unit is null || !Jurisdiction.Contains(caller, unit.RegionPath))
        {
            throw new ValidationException([new ValidationFailure(nameof(CreateWebhookSubscription.OwnerUnitId), "Choose a unit within your jurisdiction.")]);
        }

        return unit;
    }
}

internal static class CreateWebhookSubscriptionEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapPost("/", Handle)
            .WithName("CreateWebhookSubscription")
            .WithSummary("Subscribes a receiver to event types; answers the signing secret once.")
            .ProducesETag()
            .WithDescription("Deliveries are signed as the Standard Webhooks specification describes (webhook-id, webhook-timestamp, "
                + "webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body keyed by the secret's bytes after whsec_>). "
                + "The URL must be https and must not lead to a private, loopback or link-local address unless the configuration allows it. "
                + "No Idempotency-Key: a stored replay would keep the secret in clear.")
            .RequireWebhookManager()
            .CarriesSecret()
            .ProducesValidationProblem();

    private static async Task<Created<CreatedWebhookSubscription>> Handle(CreateWebhookSubscription request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/integrations/webhooks/{created.Id}", created);
    }
}
