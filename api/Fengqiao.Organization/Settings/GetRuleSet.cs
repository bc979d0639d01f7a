using System.Text.Json;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.RuleSets;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Settings;

/// <summary>A rule set with its document (one section per module, e.g. <c>intake</c>, <c>dispatch</c>) and its ETag.</summary>
internal sealed record GetRuleSet(string Name) : IQuery<RuleSetView>;

internal sealed record RuleSetView(string Name, string Title, bool IsActive, long Version, DateTimeOffset UpdatedAt, JsonElement Document);

internal sealed class GetRuleSetHandler(RuleSetStore store) : IQueryHandler<GetRuleSet, RuleSetView>
{
    public async ValueTask<RuleSetView> Handle(GetRuleSet query, CancellationToken cancellationToken)
    {
        var ruleSet = await store.FindAsync(query.Name, cancellationToken) ?? throw new NotFoundException("Rule set");
        return new RuleSetView(ruleSet.Name, ruleSet.Title, ruleSet.IsActive, ruleSet.Version, ruleSet.UpdatedAt, ruleSet.Document);
    }
}

internal static class GetRuleSetEndpoint
{
    public static void Map(IEndpointRouteBuilder ruleSets) =>
        ruleSets.MapGet("/{name}", Handle)
            .WithName("GetRuleSet")
            .WithSummary("One rule set with its document of per-module sections.")
            .WithDescription("A rule set with its JSON document, one section per module (for example `intake` periods and limits, `dispatch` deadlines), and the ETag to update or activate it. 404 for an unknown name.")
            .ProducesETag()
            .RequireCapability(Capability.ManageSettings)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<RuleSetView>> Handle(string name, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetRuleSet(name), cancellationToken);
        Versioning.SetETag(context, view.Version);
        return TypedResults.Ok(view);
    }
}
