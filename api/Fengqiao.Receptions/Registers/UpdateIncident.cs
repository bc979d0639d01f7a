using System.Text.Json.Serialization;
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

/// <summary>Corrects a registered emergency: the town or village, the day or the description. Needs If-Match.</summary>
internal sealed record UpdateIncident(Guid RegionId, DateOnly Day, string Description) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid IncidentId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class UpdateIncidentValidator : AbstractValidator<UpdateIncident>
{
    public UpdateIncidentValidator(TimeProvider clock)
    {
        RuleFor(c => c.RegionId).NotEmpty();
        RuleFor(c => c.Day).Must(d => d <= WorkCalendar.LocalDate(clock.GetUtcNow())).WithMessage("An incident is registered once it has happened.");
        RuleFor(c => c.Description).NotEmpty().MaximumLength(2000);
    }
}

internal sealed class UpdateIncidentHandler(IDbSession session, RegisterEntries entries, RegisterPlaces places, IAuditLog audit)
    : ICommandHandler<UpdateIncident, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(UpdateIncident command, CancellationToken cancellationToken)
    {
        var before = await entries.IncidentForChangeAsync(command.IncidentId, command.ExpectedVersion, cancellationToken);
        var region = await places.PlaceAsync(command.RegionId, nameof(UpdateIncident.RegionId), cancellationToken);
        var description = command.Description.Trim();
        await session.ExecuteVersionedAsync(RegisterSql.UpdateIncident, new
        {
            Id = before.Id,
            RegionId = region.Id,
            RegionPath = region.Path,
            RegionName = region.Name,
            command.Day,
            Description = description,
            command.ExpectedVersion,
        }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("reception.incident_changed", "reception_incident", before.Id,
            new { before.RegionId, before.Day, before.Description, before.Version },
            new { RegionId = region.Id, command.Day, Description = description, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class UpdateIncidentEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapPut("/incidents/{id:guid}", Handle)
            .WithName("UpdateMustVisitIncident")
            .WithDescription("Corrects a registered emergency: the town or village, the day or the description. If-Match carries the ETag from the register. 400 for a day in the future; 404 outside the jurisdiction.")
            .ProducesETag()
            .WithSummary("Corrects a registered emergency (the petition bureau); needs If-Match.")
            .RequireCapability(Capability.ManageReceptionRegisters)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, UpdateIncident request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { IncidentId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
