using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Intake.Routing;

/// <summary>Deletes a rule; needs If-Match with the version read. Petitions already accepted keep their suggestion.</summary>
internal sealed record DeleteRoutingRule(Guid RuleId, long ExpectedVersion) : ICommand<bool>;

internal sealed class DeleteRoutingRuleHandler(IDbSession session, RoutingRuleTargets targets, IAuditLog audit)
    : ICommandHandler<DeleteRoutingRule, bool>
{
    public async ValueTask<bool> Handle(DeleteRoutingRule command, CancellationToken cancellationToken)
    {
        var before = await targets.GetInJurisdictionAsync(command.RuleId, cancellationToken);
        if (before.Version != command.ExpectedVersion
            || await session.ExecuteAsync(RoutingSql.Delete, new { Id = command.RuleId, command.ExpectedVersion }, cancellationToken) == 0)
        {
            throw new PreconditionFailedException(before.Version);
        }

        audit.Record(new AuditEntry("routing_rule.deleted", "routing_rule", command.RuleId, before));
        return true;
    }
}

internal static class DeleteRoutingRuleEndpoint
{
    public static void Map(IEndpointRouteBuilder rules) =>
        rules.MapDelete("/{id:guid}", Handle)
            .WithName("DeleteRoutingRule")
            .WithSummary("Deletes a routing rule.")
            .WithDescription("Deletes the rule; If-Match carries the ETag read. Petitions already accepted keep the lead unit it suggested. 404 outside the administrator's jurisdiction.")
            .RequireCapability(Capability.ManageRoutingRules)
            .ProducesVersionedChangeProblems();

    private static async Task<NoContent> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteRoutingRule(id, Versioning.RequiredIfMatch(context)), cancellationToken);
        return TypedResults.NoContent();
    }
}
