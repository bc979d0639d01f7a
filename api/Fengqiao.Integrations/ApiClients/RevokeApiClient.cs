using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Integrations.ApiClients;

/// <summary>Revokes an API client: every secret of it stops at once (401), for good. Needs If-Match.</summary>
internal sealed record RevokeApiClient(Guid ClientId, long ExpectedVersion) : ICommand<EntityVersion>;

internal sealed class RevokeApiClientHandler(IDbSession session, ApiClientStore clients, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RevokeApiClient, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RevokeApiClient command, CancellationToken cancellationToken)
    {
        var client = await clients.ForChangeAsync(command.ClientId, command.ExpectedVersion, cancellationToken);
        await session.ExecuteVersionedAsync(ApiClientSql.Revoke, new { client.Id, command.ExpectedVersion, RevokedAt = clock.GetUtcNow() }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("integration.api_client_revoked", "api_client", client.Id, Before: new { client.Name, client.UnitId, Scopes = client.ScopeList }));
        return new EntityVersion(client.Id, client.Version + 1);
    }
}

internal static class RevokeApiClientEndpoint
{
    public static void Map(IEndpointRouteBuilder clients) =>
        clients.MapPost("/{id:guid}/revocation", Handle)
            .WithName("RevokeApiClient")
            .ProducesETag()
            .WithDescription("Revokes an API client for good: every key of it stops at once and answers 401. If-Match carries the ETag read. 409 `api_client_revoked` when it is revoked already.")
            .WithSummary("Revokes an API client: its keys stop working at once; needs If-Match (administrators).")
            .RequireCapability(Capability.ManageIntegrations)
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var revoked = await sender.Send(new RevokeApiClient(id, Versioning.RequiredIfMatch(context)), cancellationToken);
        Versioning.SetETag(context, revoked.Version);
        return TypedResults.Ok(revoked);
    }
}
