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

namespace Fengqiao.Organization.Units;

/// <summary>A new unit in an active region of the admin's jurisdiction, optionally reporting to another unit.</summary>
internal sealed record CreateUnit(string Name, UnitKind Kind, Guid RegionId, Guid? ParentUnitId, string? ContactPhone, string? ContactAddress)
    : ICommand<EntityVersion>, IUnitFields;

internal sealed class CreateUnitValidator : AbstractValidator<CreateUnit>
{
    public CreateUnitValidator() => this.AddUnitFieldRules();
}

internal sealed class CreateUnitHandler(IDbSession session, UnitStore store, IAuditLog audit, TimeProvider clock) : ICommandHandler<CreateUnit, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(CreateUnit command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var placement = await store.PlaceAsync(id, command, cancellationToken);
        await session.ExecuteAsync(
            UnitSql.Insert,
            new
            {
                Id = id,
                command.Name,
                Kind = command.Kind.ToString(),
                command.RegionId,
                placement.RegionPath,
                command.ParentUnitId,
                ContactPhone = UnitStore.Optional(command.ContactPhone),
                ContactAddress = UnitStore.Optional(command.ContactAddress),
                Now = now,
            },
            cancellationToken);

        var created = await store.GetAsync(id, cancellationToken);
        audit.Record(new AuditEntry("unit.created", "unit", id, After: created));
        return new EntityVersion(id, created.Version);
    }
}

internal static class CreateUnitEndpoint
{
    public static void Map(IEndpointRouteBuilder units) =>
        units.MapPost("/", Handle)
            .WithName("CreateUnit")
            .WithDescription("Adds a unit in an active region of the administrator's jurisdiction, optionally reporting to a parent unit of the same jurisdiction. 400 names `regionId` or `parentUnitId` when they are not active ones of the jurisdiction; 409 when an active unit of the region has the name.")
            .ProducesETag()
            .WithSummary("Creates a unit in an active region of the caller's jurisdiction; 400 naming regionId or parentUnitId when they are not active ones of it, 409 when an active unit of the region has the name.")
            .RequireCapability(Capability.ManageOrganization)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Created<EntityVersion>> Handle(CreateUnit request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/units/{created.Id}", created);
    }
}
