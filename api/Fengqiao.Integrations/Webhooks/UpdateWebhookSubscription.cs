using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
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

/// <summary>
/// Changes a subscription's URL, description or event types, pauses it, or resumes it (a disabled one too: its failing run
/// starts afresh and its pending deliveries go out). Needs If-Match.
/// </summary>
/// <param name="IsActive">false pauses it (a disabled one stays disabled); true resumes it.</param>
internal sealed record UpdateWebhookSubscription(string Url, string? Description, IReadOnlyList<string> EventTypes, bool IsActive) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid SubscriptionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class UpdateWebhookSubscriptionValidator : AbstractValidator<UpdateWebhookSubscription>
{
    public UpdateWebhookSubscriptionValidator()
    {
        RuleFor(c => c.Url).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.Description).MaximumLength(500);
        RuleFor(c => c.EventTypes).ValidEventTypes();
    }
}

internal sealed class UpdateWebhookSubscriptionHandler(IDbSession session, WebhookSubscriptions subscriptions, OutboundAddressPolicy policy, IAuditLog audit)
    : ICommandHandler<UpdateWebhookSubscription, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(UpdateWebhookSubscription command, CancellationToken cancellationToken)
    {
        var before = await subscriptions.ForChangeAsync(command.SubscriptionId, command.ExpectedVersion, cancellationToken);
        await policy.RequireReachableAsync(command.Url, cancellationToken);
        var url = command.Url.Trim();
        var description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
        var status = command.IsActive ? WebhookSubscriptionStatus.Active
            : before.Status == WebhookSubscriptionStatus.Disabled ? WebhookSubscriptionStatus.Disabled
            : WebhookSubscriptionStatus.Paused;
        var resumed = status == WebhookSubscriptionStatus.Active && before.Status != WebhookSubscriptionStatus.Active;
        await session.ExecuteVersionedAsync(WebhookSql.UpdateSubscription, new
        {
            Id = before.Id,
            Url = url,
            Description = description,
            Status = WebhookStatuses.Stored(status),
            FailingSince = resumed ? null : before.FailingSince,
            DisabledAt = status == WebhookSubscriptionStatus.Disabled ? before.DisabledAt : null,
            command.ExpectedVersion,
        }, command.ExpectedVersion, cancellationToken);
        await session.ExecuteAsync(WebhookSql.DeleteSubscriptionEvents, new { before.Id }, cancellationToken);
        await session.ExecuteAsync(WebhookSql.InsertSubscriptionEvent, command.EventTypes.Select(t => new { SubscriptionId = before.Id, EventType = t }).ToList(), cancellationToken);
        audit.Record(new AuditEntry("webhook.subscription_changed", "webhook_subscription", before.Id,
            new { before.Url, before.Description, before.EventTypes, before.Status, before.Version },
            new { Url = url, Description = description, command.EventTypes, Status = status, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class UpdateWebhookSubscriptionEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapPut("/{id:guid}", Handle)
            .WithName("UpdateWebhookSubscription")
            .WithSummary("Changes, pauses or resumes a webhook subscription; needs If-Match.")
            .WithDescription("Changes a subscription's URL, description and event types, or pauses or resumes it; the URL is checked again against the outbound address policy (no private, loopback or link-local target unless configuration allows it; 400 on url). Resuming clears the failure record. Audited.")
            .ProducesETag()
            .RequireWebhookManager()
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, UpdateWebhookSubscription request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { SubscriptionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
