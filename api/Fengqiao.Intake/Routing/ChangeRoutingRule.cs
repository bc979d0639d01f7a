using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Intake.Routing;

/// <summary>Changes a rule's category, region or unit; needs If-Match with the version read.</summary>
internal sealed record ChangeRoutingRule(string Category, Guid RegionId, Guid UnitId) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid RuleId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class ChangeRoutingRuleValidator : AbstractValidator<ChangeRoutingRule>
{
    public ChangeRoutingRuleValidator()
    {
        RuleFor(c => c.Category).NotEmpty().MaximumLength(100);
        RuleFor(c => c.RegionId).NotEmpty();
        RuleFor(c => c.UnitId).NotEmpty();
    }
}

internal sealed class ChangeRoutingRuleHandler(IDbSession session, RoutingRuleTargets targets, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<ChangeRoutingRule, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ChangeRoutingRule command, CancellationToken cancellationToken)
    {
        var before = await targets.GetInJurisdictionAsync(command.RuleId, cancellationToken);
        if (before.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException(before.Version);
        }

        var target = await targets.ResolveAsync(command.RuleId, command.Category, command.RegionId, command.UnitId, cancellationToken);
        var changed = await session.ExecuteAsync(
            RoutingSql.Update,
            new { Id = command.RuleId, target.Category, RegionPath = target.Region.Path, UnitId = target.Unit.Id, command.ExpectedVersion, Now = clock.GetUtcNow() },
            cancellationToken);
        if (changed == 0)
        {
            throw new PreconditionFailedException(command.ExpectedVersion);
        }

        audit.Record(new AuditEntry("routing_rule.changed", "routing_rule", command.RuleId, before,
            new { target.Category, RegionPath = target.Region.Path, UnitId = target.Unit.Id, Version = before.Version + 1 }));
        return new EntityVersion(command.RuleId, before.Version + 1);
    }
}

internal static class ChangeRoutingRuleEndpoint
{
    public static void Map(IEndpointRouteBuilder rules) =>
        rules.MapPut("/{id:guid}", Handle)
            .WithName("ChangeRoutingRule")
            .WithSummary("Changes a routing rule's category, region or unit.")
            .WithDescription("Replaces the rule's category, region and lead unit; If-Match carries the ETag read. Petitions already accepted keep the suggestion they got. 404 outside the administrator's jurisdiction; 409 when another rule already covers the new category and region.")
            .ProducesETag()
            .RequireCapability(Capability.ManageRoutingRules)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, ChangeRoutingRule request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { RuleId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
