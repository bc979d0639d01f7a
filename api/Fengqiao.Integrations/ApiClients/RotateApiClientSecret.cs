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

namespace Fengqiao.Integrations.ApiClients;

/// <summary>
/// Issues a new secret; the earlier ones keep working for <paramref name="OverlapHours"/> (0: they stop at once), so the third
/// party can deploy the new key before the old one stops. Needs If-Match.
/// </summary>
internal sealed record RotateApiClientSecret(int OverlapHours) : ICommand<IssuedApiKey>
{
    [JsonIgnore]
    public Guid ClientId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class RotateApiClientSecretValidator : AbstractValidator<RotateApiClientSecret>
{
    public RotateApiClientSecretValidator() => RuleFor(c => c.OverlapHours).InclusiveBetween(0, 720);
}

internal sealed class RotateApiClientSecretHandler(IDbSession session, ApiClientStore clients, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RotateApiClientSecret, IssuedApiKey>
{
    public async ValueTask<IssuedApiKey> Handle(RotateApiClientSecret command, CancellationToken cancellationToken)
    {
        var client = await clients.ForChangeAsync(command.ClientId, command.ExpectedVersion, cancellationToken);
        var now = clock.GetUtcNow();
        var expiresAt = now.AddHours(command.OverlapHours);
        var secretId = Guid.CreateVersion7(now);
        var secret = ApiKeys.NewSecret();
        await session.ExecuteVersionedAsync(ApiClientSql.Touch, new { client.Id, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        await session.ExecuteAsync(ApiClientSql.InsertSecret, new { Id = secretId, ClientId = client.Id, SecretHash = ApiKeys.HashOf(secret), CreatedAt = now }, cancellationToken);
        await session.ExecuteAsync(ApiClientSql.ExpirePreviousSecrets, new { ClientId = client.Id, KeepId = secretId, ExpiresAt = expiresAt }, cancellationToken);
        audit.Record(new AuditEntry("integration.api_client_secret_rotated", "api_client", client.Id, After: new { command.OverlapHours, PreviousSecretsExpireAt = expiresAt }));
        return new IssuedApiKey(client.Id, client.Version + 1, ApiKeys.KeyOf(client.Id, secret), expiresAt);
    }
}

internal static class RotateApiClientSecretEndpoint
{
    public static void Map(IEndpointRouteBuilder clients) =>
        clients.MapPost("/{id:guid}/rotation", Handle)
            .WithName("RotateApiClientSecret")
            .ProducesETag()
            .WithDescription("Issues a new key for an API client and shows it once; the earlier keys keep working for the overlap hours given (0: they stop at once), so the third party can deploy the new key before the old one stops. If-Match carries the ETag read. 409 `api_client_revoked` for a revoked client.")
            .WithSummary("Issues a new key for an API client, the old one valid for the overlap given; shows the new key once; needs If-Match (administrators).")
            .RequireCapability(Capability.ManageIntegrations)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<IssuedApiKey>> Handle(Guid id, RotateApiClientSecret request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var issued = await sender.Send(request with { ClientId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, issued.Version);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(issued);
    }
}
