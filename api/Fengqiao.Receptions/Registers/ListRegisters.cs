using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using Fengqiao.Receptions.Schedule;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Registers;

internal sealed record PolicyItem
{
    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    public required DateOnly? EffectiveTo { get; init; }

    public required string? Note { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required long Version { get; init; }
}

internal sealed record IncidentItem
{
    public required Guid Id { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required DateOnly Day { get; init; }

    public required string Description { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required long Version { get; init; }
}

internal sealed record RegisterCursor(DateOnly D, Guid I);

/// <summary>The major-policy register of the caller's jurisdiction, optionally of a region's subtree.</summary>
internal sealed record ListPolicies(Guid? RegionId, string? Cursor, int? Limit) : IQuery<Page<PolicyItem>>;

/// <summary>The incident register of the caller's jurisdiction, optionally of a region's subtree.</summary>
internal sealed record ListIncidents(Guid? RegionId, string? Cursor, int? Limit) : IQuery<Page<IncidentItem>>;

internal sealed class ListPoliciesValidator : AbstractValidator<ListPolicies>
{
    public ListPoliciesValidator() => RuleFor(q => q.Limit).ValidLimit();
}

internal sealed class ListIncidentsValidator : AbstractValidator<ListIncidents>
{
    public ListIncidentsValidator() => RuleFor(q => q.Limit).ValidLimit();
}

internal sealed class ListPoliciesHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory) : IQueryHandler<ListPolicies, Page<PolicyItem>>
{
    public async ValueTask<Page<PolicyItem>> Handle(ListPolicies query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var after = Cursor.Decode<RegisterCursor>(query.Cursor);
        var rows = await session.QueryInJurisdictionAsync<PolicyItem>(caller, RegisterSql.Policies(session.Dialect)[after is null ? "first" : "after"], new
        {
            RegionPrefix = await ListReceptionsHandler.RegionPrefixAsync(directory, query.RegionId, cancellationToken),
            Limit = limit + 1,
            AfterDay = after?.D,
            AfterId = after?.I,
        }, cancellationToken);
        return Cursor.ToPage(rows, limit, p => new RegisterCursor(p.EffectiveFrom, p.Id));
    }
}

internal sealed class ListIncidentsHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory) : IQueryHandler<ListIncidents, Page<IncidentItem>>
{
    public async ValueTask<Page<IncidentItem>> Handle(ListIncidents query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var after = Cursor.Decode<RegisterCursor>(query.Cursor);
        var rows = await session.QueryInJurisdictionAsync<IncidentItem>(caller, RegisterSql.Incidents(session.Dialect)[after is null ? "first" : "after"], new
        {
            RegionPrefix = await ListReceptionsHandler.RegionPrefixAsync(directory, query.RegionId, cancellationToken),
            Limit = limit + 1,
            AfterDay = after?.D,
            AfterId = after?.I,
        }, cancellationToken);
        return Cursor.ToPage(rows, limit, i => new RegisterCursor(i.Day, i.Id));
    }
}

internal static class ListPoliciesEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapGet("/policies", Handle)
            .WithName("ListMustVisitPolicies")
            .WithDescription("The register of major policies likely to cause disputes within the caller's jurisdiction, optionally of a region's subtree, latest effective first, with their ETags for correction.")
            .WithSummary("The register of major policies likely to cause disputes, in the caller's jurisdiction, latest effective first.")
            .RequireCapability(Capability.ViewReceptions)
            .ProducesValidationProblem();

    private static async Task<Ok<Page<PolicyItem>>> Handle(Guid? regionId, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListPolicies(regionId, cursor, limit), cancellationToken));
}

internal static class ListIncidentsEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapGet("/incidents", Handle)
            .WithName("ListMustVisitIncidents")
            .WithDescription("The register of emergencies (突发事件) within the caller's jurisdiction, optionally of a region's subtree, latest first, with their ETags for correction.")
            .WithSummary("The register of emergencies in the caller's jurisdiction, latest first.")
            .RequireCapability(Capability.ViewReceptions)
            .ProducesValidationProblem();

    private static async Task<Ok<Page<IncidentItem>>> Handle(Guid? regionId, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListIncidents(regionId, cursor, limit), cancellationToken));
}
