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

namespace Fengqiao.Receptions.Registers;

/// <summary>
/// Registers a major policy likely to cause disputes (重大政策, e.g. a land requisition or a school catchment change) for the
/// town or village it applies to, from the day it takes effect (to the day it ends, if it does): the third must-visit.
/// </summary>
internal sealed record RegisterPolicy(string Title, Guid RegionId, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string? Note) : ICommand<EntityVersion>;

internal sealed class RegisterPolicyValidator : AbstractValidator<RegisterPolicy>
{
    public RegisterPolicyValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.RegionId).NotEmpty();
        RuleFor(c => c.EffectiveTo).GreaterThanOrEqualTo(c => c.EffectiveFrom).When(c => c.EffectiveTo is not null).WithMessage("The policy ends on or after the day it takes effect.");
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}

internal sealed class RegisterPolicyHandler(IDbSession session, ICurrentUser caller, RegisterPlaces places, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RegisterPolicy, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RegisterPolicy command, CancellationToken cancellationToken)
    {
        var region = await places.PlaceAsync(command.RegionId, nameof(RegisterPolicy.RegionId), cancellationToken);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await session.ExecuteAsync(RegisterSql.InsertPolicy, new
        {
            Id = id,
            Title = command.Title.Trim(),
            RegionId = region.Id,
            RegionPath = region.Path,
            RegionName = region.Name,
            command.EffectiveFrom,
            command.EffectiveTo,
            Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
            RegisteredBy = caller.UserId,
            RegisteredAt = now,
        }, cancellationToken);
        audit.Record(new AuditEntry("reception.policy_registered", "reception_policy", id, After: new { command.Title, RegionId = region.Id, command.EffectiveFrom, command.EffectiveTo }));
        return new EntityVersion(id, 1);
    }
}

internal static class RegisterPolicyEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapPost("/policies", Handle)
            .WithName("RegisterMustVisitPolicy")
            .WithDescription("The petition bureau registers a major policy likely to cause disputes (重大政策: a land requisition, a school catchment change, ...) for the town or village it applies to, from the day it takes effect to the day it ends, if it does; it makes the town a must-visit candidate. 400 for an end before the start.")
            .ProducesETag()
            .WithSummary("Registers a major policy likely to cause disputes, for the town or village it applies to (the petition bureau).")
            .RequireCapability(Capability.ManageReceptionRegisters)
            .ProducesValidationProblem();

    private static async Task<Created<EntityVersion>> Handle(RegisterPolicy request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/receptions/policies?regionId={request.RegionId}", created);
    }
}
