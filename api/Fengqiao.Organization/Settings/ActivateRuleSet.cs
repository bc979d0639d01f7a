using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.RuleSets;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Settings;

/// <summary>
/// Makes a rule set the active one: deadlines computed from now on follow it (existing deadlines stay). Needs
/// If-Match with the rule set's version; only a city administrator switches rule sets.
/// </summary>
internal sealed record ActivateRuleSet(string Name, long ExpectedVersion) : ICommand<RuleSetVersion>;

internal sealed class ActivateRuleSetHandler(RuleSetStore store, ICurrentUser caller, IRuleSets ruleSets, IAuditLog audit) : ICommandHandler<ActivateRuleSet, RuleSetVersion>
{
    public async ValueTask<RuleSetVersion> Handle(ActivateRuleSet command, CancellationToken cancellationToken)
    {
        Jurisdiction.RequireWholeTree(caller);
        var previous = ruleSets.Active.Name;
        var version = await store.ActivateAsync(command.Name, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("rule_set.activated", "rule_set", null, new { Active = previous }, new { Active = command.Name, Version = version }));
        return new RuleSetVersion(command.Name, version);
    }
}

internal static class ActivateRuleSetEndpoint
{
    public static void Map(IEndpointRouteBuilder ruleSets) =>
        ruleSets.MapPost("/{name}/activation", Handle)
            .WithName("ActivateRuleSet")
            .WithSummary("Makes a rule set the active one for deadlines computed from now on.")
            .WithDescription("Makes the rule set the active one; If-Match carries its ETag. Deadlines computed from now on follow it, and existing deadlines stay as they are. Only an administrator of the city switches rule sets (403 for one of a district or town).")
            .ProducesETag()
            .RequireCapability(Capability.ManageSettings)
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<RuleSetVersion>> Handle(string name, ISender sender, IRuleSets ruleSets, HttpContext context, CancellationToken cancellationToken)
    {
        var activated = await sender.Send(new ActivateRuleSet(name, Versioning.RequiredIfMatch(context)), cancellationToken);
        await ruleSets.RefreshAsync(cancellationToken);
        Versioning.SetETag(context, activated.Version);
        return TypedResults.Ok(activated);
    }
}
