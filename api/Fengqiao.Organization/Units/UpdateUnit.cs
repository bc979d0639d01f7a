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

namespace Fengqiao.Organization.Units;

/// <summary>
/// Renames a unit, changes its kind or contact details, or moves it to another region or parent unit; needs If-Match.
/// A move ends the access tokens of the unit's users, whose jurisdiction moves with it.
/// </summary>
internal sealed record UpdateUnit(string Name, UnitKind Kind, Guid RegionId, Guid? ParentUnitId, string? ContactPhone, string? ContactAddress)
    : ICommand<EntityVersion>, IUnitFields
{
    [JsonIgnore]
    public Guid UnitId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class UpdateUnitValidator : AbstractValidator<UpdateUnit>
{
    public UpdateUnitValidator() => this.AddUnitFieldRules();
}

internal sealed class UpdateUnitHandler(IDbSession session, UnitStore store, IAuditLog audit) : ICommandHandler<UpdateUnit, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(UpdateUnit command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.UnitId, command.ExpectedVersion, cancellationToken);
        var placement = await store.PlaceAsync(command.UnitId, command, cancellationToken);
        var parameters = new { Id = command.UnitId, RegionPrefix = placement.RegionPath + "%", Kind = command.Kind.ToString() };
        if (command.Kind != before.Kind && await session.ExecuteScalarAsync<long>(UnitSql.UsersWithRolesBarredFromKind, parameters, cancellationToken) > 0)
        {
            throw new ConflictException("unit_kind_conflicts_with_roles", "Users of the unit hold roles a unit of this kind cannot hold; change their roles first.");
        }

        var moved = placement.RegionPath != before.RegionPath;
        if (moved && await session.ExecuteScalarAsync<long>(UnitSql.ActiveSubUnitsOutside, parameters, cancellationToken) > 0)
        {
            throw new ConflictException("unit_has_sub_units_elsewhere", "Units reporting to this one lie outside the new region; move them first.");
        }

        await session.ExecuteVersionedAsync(
            UnitSql.Update,
            new
            {
                Id = command.UnitId,
                command.Name,
                Kind = command.Kind.ToString(),
                command.RegionId,
                placement.RegionPath,
                command.ParentUnitId,
                ContactPhone = UnitStore.Optional(command.ContactPhone),
                ContactAddress = UnitStore.Optional(command.ContactAddress),
                command.ExpectedVersion,
            },
            command.ExpectedVersion,
            cancellationToken);
        if (moved)
        {
            await session.ExecuteAsync(UnitSql.ChangeSecurityStampsOfUnit, new { Id = command.UnitId }, cancellationToken);
        }

        var after = await store.GetAsync(command.UnitId, cancellationToken);
        audit.Record(new AuditEntry(moved ? "unit.moved" : "unit.updated", "unit", command.UnitId, before, after));
        return new EntityVersion(after.Id, after.Version);
    }
}

internal static class UpdateUnitEndpoint
{
    public static void Map(IEndpointRouteBuilder units) =>
        units.MapPut("/{id:guid}", Handle)
            .WithName("UpdateUnit")
            .WithDescription("Renames a unit, changes its kind or contact details, or moves it to another region or parent unit; If-Match carries the ETag read. A move ends the access tokens of the unit's users, whose jurisdiction moves with it. 409 when the unit's users hold roles the new kind cannot hold, or units reporting to it would end up outside its new region.")
            .ProducesETag()
            .WithSummary("Renames, re-kinds or moves a unit (region, parent unit) and sets its contact details. The new region and parent must be active ones of the caller's jurisdiction (400 otherwise); 409 for a retired unit, a taken name, a kind its users' roles forbid, or units reporting to it outside the new region. A move ends the access tokens of the unit's users.")
            .RequireCapability(Capability.ManageOrganization)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(
        Guid id, UpdateUnit request, ISender sender, ISecurityStamps stamps, HttpContext context, CancellationToken cancellationToken)
    {
        var updated = await sender.Send(request with { UnitId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        await stamps.RefreshAsync(cancellationToken);
        Versioning.SetETag(context, updated.Version);
        return TypedResults.Ok(updated);
    }
}
