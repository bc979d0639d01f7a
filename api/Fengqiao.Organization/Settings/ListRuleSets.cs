using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.RuleSets;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Settings;

/// <summary>Every statutory rule set (national, Zhejiang, …); exactly one is active.</summary>
internal sealed record ListRuleSets : IQuery<RuleSetList>;

internal sealed record RuleSetSummary(string Name, string Title, bool IsActive, long Version, DateTimeOffset UpdatedAt);

internal sealed record RuleSetList(IReadOnlyList<RuleSetSummary> Items);

internal sealed class ListRuleSetsHandler(RuleSetStore store) : IQueryHandler<ListRuleSets, RuleSetList>
{
    public async ValueTask<RuleSetList> Handle(ListRuleSets query, CancellationToken cancellationToken) =>
        new((await store.ListAsync(cancellationToken)).Select(r => new RuleSetSummary(r.Name, r.Title, r.IsActive, r.Version, r.UpdatedAt)).ToList());
}

internal static class ListRuleSetsEndpoint
{
    public static void Map(IEndpointRouteBuilder ruleSets) =>
        ruleSets.MapGet("/", Handle)
            .WithName("ListRuleSets")
            .WithSummary("The statutory rule sets (national, Zhejiang, ...), with which one is active.")
            .WithDescription("Every statutory rule set the deadlines and limits can follow (the national Regulations on Letters and Visits, Zhejiang's, ...), with its title and whether it is the active one; exactly one is.")
            .RequireCapability(Capability.ManageSettings);

    private static async Task<Ok<RuleSetList>> Handle(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListRuleSets(), cancellationToken));
}
