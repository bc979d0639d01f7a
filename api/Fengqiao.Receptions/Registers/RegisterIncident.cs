using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Registers;

/// <summary>Registers an emergency (突发事件) that happened on a day at a town or village: the fourth must-visit.</summary>
internal sealed record RegisterIncident(Guid RegionId, DateOnly Day, string Description) : ICommand<EntityVersion>;

internal sealed class RegisterIncidentValidator : AbstractValidator<RegisterIncident>
{
    public RegisterIncidentValidator(TimeProvider clock)
    {
        RuleFor(c => c.RegionId).NotEmpty();
        RuleFor(c => c.Day).Must(d => d <= WorkCalendar.LocalDate(clock.GetUtcNow())).WithMessage("An incident is registered once it has happened.");
        RuleFor(c => c.Description).NotEmpty().MaximumLength(2000);
    }
}

internal sealed class RegisterIncidentHandler(IDbSession session, ICurrentUser caller, RegisterPlaces places, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RegisterIncident, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RegisterIncident command, CancellationToken cancellationToken)
    {
        var region = await places.PlaceAsync(command.RegionId, nameof(RegisterIncident.RegionId), cancellationToken);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await session.ExecuteAsync(RegisterSql.InsertIncident, new
        {
            Id = id,
            RegionId = region.Id,
            RegionPath = region.Path,
            RegionName = region.Name,
            command.Day,
            Description = command.Description.Trim(),
            RegisteredBy = caller.UserId,
            RegisteredAt = now,
        }, cancellationToken);
        audit.Record(new AuditEntry("reception.incident_registered", "reception_incident", id, After: new { RegionId = region.Id, command.Day }));
        return new EntityVersion(id, 1);
    }
}

internal static class RegisterIncidentEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapPost("/incidents", Handle)
            .WithName("RegisterMustVisitIncident")
            .WithDescription("The petition bureau registers an emergency (突发事件) that happened on a day at a town or village; it makes the town a must-visit candidate. 400 for a day in the future.")
            .ProducesETag()
            .WithSummary("Registers an emergency that happened at a town or village (the petition bureau).")
            .RequireCapability(Capability.ManageReceptionRegisters)
            .ProducesValidationProblem();

    private static async Task<Created<EntityVersion>> Handle(RegisterIncident request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/receptions/incidents?regionId={request.RegionId}", created);
    }
}
