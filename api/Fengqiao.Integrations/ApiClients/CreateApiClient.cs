using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Integrations.ApiClients;

/// <summary>
/// Registers a third party's API client for a unit within the administrator's jurisdiction; the unit's region subtree becomes
/// the client's. The answer carries the key once; only its hash is kept.
/// </summary>
/// <param name="Scopes">petitions:read, petitions:write, cases:read, cases:write, webhooks:manage.</param>
/// <param name="RateLimitPerMinute">Requests a minute beyond which the client is answered 429 with Retry-After.</param>
internal sealed record CreateApiClient(string Name, Guid UnitId, IReadOnlyList<string> Scopes, int RateLimitPerMinute) : ICommand<IssuedApiKey>;

internal sealed class CreateApiClientValidator : AbstractValidator<CreateApiClient>
{
    public CreateApiClientValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.UnitId).NotEmpty();
        RuleFor(c => c.Scopes).NotEmpty()
            .Must(scopes => scopes is null || scopes.Distinct(StringComparer.Ordinal).Count() == scopes.Count).WithMessage("Name each scope once.");
        RuleForEach(c => c.Scopes).Must(scope => scope is not null && ApiScopes.IsKnown(scope))
            .WithMessage($"Not a scope: use {string.Join(", ", ApiScopes.All.Select(s => s.Name))}.");
        RuleFor(c => c.RateLimitPerMinute).InclusiveBetween(1, 10_000);
    }
}

internal sealed class CreateApiClientHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateApiClient, IssuedApiKey>
{
    public async ValueTask<IssuedApiKey> Handle(CreateApiClient command, CancellationToken cancellationToken)
    {
        var unit = await directory.FindUnitAsync(command.UnitId, cancellationToken);
        if (unit is null || unit.IsRetired || !Jurisdiction.Contains(caller, unit.RegionPath))
        {
            throw ApiClientStore.Invalid(nameof(CreateApiClient.UnitId), "No such unit in your jurisdiction.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var scopes = ApiScopes.All.Select(s => s.Name).Where(command.Scopes.Contains).ToList();
        var secret = ApiKeys.NewSecret();
        await session.ExecuteAsync(ApiClientSql.Insert, new
        {
            Id = id,
            Name = command.Name.Trim(),
            UnitId = unit.Id,
            UnitName = unit.Name,
            unit.RegionPath,
            Scopes = string.Join(' ', scopes),
            command.RateLimitPerMinute,
            CreatedBy = caller.UserId,
            CreatedAt = now,
        }, cancellationToken);
        await session.ExecuteAsync(ApiClientSql.InsertSecret, new { Id = Guid.CreateVersion7(now), ClientId = id, SecretHash = ApiKeys.HashOf(secret), CreatedAt = now }, cancellationToken);
        audit.Record(new AuditEntry("integration.api_client_created", "api_client", id,
            After: new { Name = command.Name.Trim(), UnitId = unit.Id, Scopes = scopes, command.RateLimitPerMinute }));
        return new IssuedApiKey(id, 1, ApiKeys.KeyOf(id, secret), null);
    }
}

internal static class CreateApiClientEndpoint
{
    public static void Map(IEndpointRouteBuilder clients) =>
        clients.MapPost("/", Handle)
            .WithName("CreateApiClient")
            .ProducesETag()
            .WithDescription("Registers a third party's API client for a unit of the administrator's jurisdiction: its jurisdiction is the unit's region subtree, its scopes (petitions:read, petitions:write, cases:read, cases:write, webhooks:manage) the operations it may call, and its rate limit the requests a minute beyond which it gets 429. The answer carries the key once; only its hash is kept. 400 names the field, an unknown scope or a unit outside the jurisdiction among them.")
            .WithSummary("Registers a third party's API client for a unit with scopes; the answer shows its key once (administrators).")
            .RequireCapability(Capability.ManageIntegrations)
            .ProducesValidationProblem();

    private static async Task<Created<IssuedApiKey>> Handle(CreateApiClient request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var issued = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, issued.Version);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/integrations/clients/{issued.Id}", issued);
    }
}
