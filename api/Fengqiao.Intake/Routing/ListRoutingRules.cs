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

namespace Fengqiao.Intake.Routing;

/// <summary>Routing rules of the admin's jurisdiction; <c>regionId</c> narrows to rules in that region's subtree.</summary>
internal sealed record ListRoutingRules(string? Category, Guid? RegionId, string? Cursor, int? Limit) : IQuery<Page<RoutingRuleItem>>;

/// <param name="RegionId">Null when the region no longer exists.</param>
internal sealed record RoutingRuleItem(
    Guid Id,
    string Category,
    Guid? RegionId,
    string RegionPath,
    string? RegionName,
    Guid UnitId,
    string? UnitName,
    long Version);

internal sealed record RoutingRuleCursor(string RegionPath, string Category, Guid Id);

internal sealed class ListRoutingRulesValidator : AbstractValidator<ListRoutingRules>
{
    public ListRoutingRulesValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Category).MaximumLength(100);
    }
}

internal sealed class ListRoutingRulesHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory)
    : IQueryHandler<ListRoutingRules, Page<RoutingRuleItem>>
{
    public async ValueTask<Page<RoutingRuleItem>> Handle(ListRoutingRules query, CancellationToken cancellationToken)
    {
        var regions = await directory.ListRegionsAsync(cancellationToken);
        var regionPrefix = "%";
        if (query.RegionId is { } regionId)
        {
            var region = regions.FirstOrDefault(r => r.Id == regionId);
            if (region is null || !Jurisdiction.Contains(caller, region.Path))
            {
                return new Page<RoutingRuleItem>([], null);
            }

            regionPrefix = region.Path + "%";
        }

        var after = Cursor.Decode<RoutingRuleCursor>(query.Cursor);
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var rows = await session.QueryInJurisdictionAsync<RoutingRuleRow>(
            caller,
            RoutingSql.List(session.Dialect),
            new
            {
                RegionPrefix = regionPrefix,
                Category = string.IsNullOrWhiteSpace(query.Category) ? null : query.Category.Trim(),
                AfterPath = after?.RegionPath,
                AfterCategory = after?.Category,
                AfterId = after?.Id,
                Limit = limit + 1,
            },
            cancellationToken);
        var page = Cursor.ToPage(rows, limit, r => new RoutingRuleCursor(r.RegionPath, r.Category, r.Id));
        var regionsByPath = regions.ToDictionary(r => r.Path, StringComparer.Ordinal);
        var units = (await directory.FindUnitsAsync(page.Items.Select(r => r.UnitId).Distinct().ToList(), cancellationToken)).ToDictionary(u => u.Id);
        var items = page.Items.Select(r =>
        {
            var region = regionsByPath.GetValueOrDefault(r.RegionPath);
            return new RoutingRuleItem(r.Id, r.Category, region?.Id, r.RegionPath, region?.Name, r.UnitId, units.GetValueOrDefault(r.UnitId)?.Name, r.Version);
        }).ToList();
        return new Page<RoutingRuleItem>(items, page.NextCursor);
    }
}

internal static class ListRoutingRulesEndpoint
{
    public static void Map(IEndpointRouteBuilder rules) =>
        rules.MapGet("/", Handle)
            .WithName("ListRoutingRules")
            .WithDescription("The routing rules within the administrator's jurisdiction: for a petition category in a region's subtree, the unit suggested as lead unit when such a petition is accepted. `regionId` narrows the list to rules in that region's subtree.")
            .WithSummary("Routing rules (category × region → lead unit) of the admin's jurisdiction, by region path and category.")
            .RequireCapability(Capability.ManageRoutingRules)
            .ProducesValidationProblem();

    private static async Task<Ok<Page<RoutingRuleItem>>> Handle(
        string? category, Guid? regionId, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListRoutingRules(category, regionId, cursor, limit), cancellationToken));
}
