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

/// <summary>The API clients of units within the caller's jurisdiction, oldest first, revoked ones included.</summary>
internal sealed record ListApiClients(int? Limit, string? Cursor) : IQuery<Page<ApiClientView>>;

internal sealed class ListApiClientsValidator : AbstractValidator<ListApiClients>
{
    public ListApiClientsValidator() => RuleFor(q => q.Limit).ValidLimit();
}

internal sealed class ListApiClientsHandler(IDbSession session, ICurrentUser caller) : IQueryHandler<ListApiClients, Page<ApiClientView>>
{
    public async ValueTask<Page<ApiClientView>> Handle(ListApiClients query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var after = Cursor.Decode<ApiClientCursor>(query.Cursor);
        var rows = await session.QueryInJurisdictionAsync<ApiClientRow>(caller, ApiClientSql.List(session.Dialect), new { After = after?.Id, Limit = limit + 1 }, cancellationToken);
        return Cursor.ToPage(rows.Select(ApiClientView.Of).ToList(), limit, view => new ApiClientCursor(view.Id));
    }
}

internal sealed record ApiClientCursor(Guid Id);

/// <summary>One API client within the caller's jurisdiction, with its ETag for rotating or revoking it.</summary>
internal sealed record GetApiClient(Guid Id) : IQuery<ApiClientView>;

internal sealed class GetApiClientHandler(ApiClientStore clients) : IQueryHandler<GetApiClient, ApiClientView>
{
    public async ValueTask<ApiClientView> Handle(GetApiClient query, CancellationToken cancellationToken) =>
        ApiClientView.Of(await clients.GetAsync(query.Id, cancellationToken));
}

internal static class ListApiClientsEndpoint
{
    public static void Map(IEndpointRouteBuilder clients)
    {
        clients.MapGet("/", List)
            .WithName("ListApiClients")
            .WithDescription("The API clients registered for units within the administrator's jurisdiction, oldest first and revoked ones included, each with its unit, scopes, rate limit, state and when it was last used; keyset-paginated. Secrets are never shown again after issue.")
            .WithSummary("Lists the API clients of units within the caller's jurisdiction, with scopes, state and last use (administrators).")
            .RequireCapability(Capability.ManageIntegrations)
            .ProducesValidationProblem();
        clients.MapGet("/{id:guid}", Get)
            .WithName("GetApiClient")
            .ProducesETag()
            .WithDescription("One API client within the administrator's jurisdiction with its scopes, state and last use, and the ETag that rotation and revocation take in If-Match. 404 when it does not exist or lies outside the jurisdiction.")
            .WithSummary("Reads one API client, with its ETag (administrators).")
            .RequireCapability(Capability.ManageIntegrations)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<Page<ApiClientView>>> List(int? limit, string? cursor, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListApiClients(limit, cursor), cancellationToken));

    private static async Task<Ok<ApiClientView>> Get(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var client = await sender.Send(new GetApiClient(id), cancellationToken);
        Versioning.SetETag(context, client.Version);
        return TypedResults.Ok(client);
    }
}
