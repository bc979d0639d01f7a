using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.PersonalData;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Integrations.Webhooks;

/// <summary>
/// Issues a new signing secret for a subscription; for <paramref name="OverlapHours"/> (0: none) each delivery is signed with the
/// previous secret too, so the receiver can switch secrets without refusing a webhook in between. Needs If-Match.
/// </summary>
internal sealed record RotateWebhookSecret(int OverlapHours) : ICommand<RotatedWebhookSecret>
{
    [JsonIgnore]
    public Guid SubscriptionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

/// <param name="Secret">The new signing secret, shown this once.</param>
/// <param name="PreviousSecretExpiresAt">Until when deliveries are also signed with the previous secret; null without an overlap.</param>
internal sealed record RotatedWebhookSecret(Guid Id, long Version, string Secret, DateTimeOffset? PreviousSecretExpiresAt);

internal sealed class RotateWebhookSecretValidator : AbstractValidator<RotateWebhookSecret>
{
    public RotateWebhookSecretValidator() => RuleFor(c => c.OverlapHours).InclusiveBetween(0, 720);
}

internal sealed class RotateWebhookSecretHandler(IDbSession session, WebhookSubscriptions subscriptions, PersonalDataProtector protector, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RotateWebhookSecret, RotatedWebhookSecret>
{
    public async ValueTask<RotatedWebhookSecret> Handle(RotateWebhookSecret command, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.ForChangeAsync(command.SubscriptionId, command.ExpectedVersion, cancellationToken);
        DateTimeOffset? previousExpiresAt = command.OverlapHours == 0 ? null : clock.GetUtcNow().AddHours(command.OverlapHours);
        var secret = WebhookSignature.NewSecret();
        await session.ExecuteVersionedAsync(WebhookSql.RotateSecret, new
        {
            subscription.Id,
            SecretProtected = protector.Encrypt(secret),
            PreviousExpiresAt = previousExpiresAt,
            command.ExpectedVersion,
        }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("webhook.secret_rotated", "webhook_subscription", subscription.Id, After: new { command.OverlapHours, PreviousSecretExpiresAt = previousExpiresAt }));
        return new RotatedWebhookSecret(subscription.Id, subscription.Version + 1, secret, previousExpiresAt);
    }
}

internal static class RotateWebhookSecretEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapPost("/{id:guid}/secret-rotation", Handle)
            .WithName("RotateWebhookSecret")
            .WithSummary("Issues a new signing secret for a webhook subscription, the old one still signing for the overlap given; needs If-Match.")
            .WithDescription("Issues a new signing secret and shows it once. For the overlap hours given (0: none, at most 720) every delivery carries a second signature made with the previous secret in webhook-signature, as the Standard Webhooks specification allows, so the receiver can deploy the new secret before the old one stops. If-Match carries the ETag read. Audited.")
            .ProducesETag()
            .RequireWebhookManager()
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<RotatedWebhookSecret>> Handle(Guid id, RotateWebhookSecret request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var rotated = await sender.Send(request with { SubscriptionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, rotated.Version);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(rotated);
    }
}
