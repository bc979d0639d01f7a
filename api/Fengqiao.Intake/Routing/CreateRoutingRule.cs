using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Intake.Routing;

/// <summary>A rule that suggests <c>unitId</c> as lead unit for accepted petitions of a category in a region's subtree.</summary>
internal sealed record CreateRoutingRule(string Category, Guid RegionId, Guid UnitId) : ICommand<EntityVersion>;

internal sealed class CreateRoutingRuleValidator : AbstractValidator<CreateRoutingRule>
{
    public CreateRoutingRuleValidator()
    {
        RuleFor(c => c.Category).NotEmpty().MaximumLength(100);
        RuleFor(c => c.RegionId).NotEmpty();
        RuleFor(c => c.UnitId).NotEmpty();
    }
}

internal sealed class CreateRoutingRuleHandler(IDbSession session, RoutingRuleTargets targets, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateRoutingRule, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(CreateRoutingRule command, CancellationToken cancellationToken)
    {
        var target = await targets.ResolveAsync(null, command.Category, command.RegionId, command.UnitId, cancellationToken);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await session.ExecuteAsync(
            RoutingSql.Insert,
            new { Id = id, target.Category, RegionPath = target.Region.Path, UnitId = target.Unit.Id, Now = now },
            cancellationToken);
        audit.Record(new AuditEntry("routing_rule.created", "routing_rule", id,
            After: new { target.Category, RegionPath = target.Region.Path, UnitId = target.Unit.Id, Version = 1 }));
        return new EntityVersion(id, 1);
    }
}

internal static class CreateRoutingRuleEndpoint
{
    public static void Map(IEndpointRouteBuilder rules) =>
        rules.MapPost("/", Handle)
            .WithName("CreateRoutingRule")
            .WithSummary("Adds a routing rule: for a category in a region's subtree, which unit to suggest as lead unit.")
            .WithDescription("Creates a rule that suggests the given unit as lead unit for accepted petitions of a category in the region's subtree. The region and unit must lie in the administrator's jurisdiction (400 otherwise). 409 when a rule for this category and region exists already: change that one instead.")
            .ProducesETag()
            .RequireCapability(Capability.ManageRoutingRules)
            .WithIdempotency()
            .ProducesValidationProblem();

    private static async Task<Created<EntityVersion>> Handle(CreateRoutingRule request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/routing-rules/{created.Id}", created);
    }
}
