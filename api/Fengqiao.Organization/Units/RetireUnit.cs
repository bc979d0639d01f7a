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

namespace Fengqiao.Organization.Units;

/// <summary>
/// Retires a unit; needs If-Match. The row stays (cases, petitions and the audit trail name it) but the unit is offered
/// for no new work or user. Refused while it has enabled users or active units reporting to it.
/// </summary>
internal sealed record RetireUnit(Guid UnitId, long ExpectedVersion) : ICommand<EntityVersion>;

internal sealed class RetireUnitHandler(IDbSession session, UnitStore store, IAuditLog audit, TimeProvider clock) : ICommandHandler<RetireUnit, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RetireUnit command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.UnitId, command.ExpectedVersion, cancellationToken);
        if (await session.ExecuteScalarAsync<long>(UnitSql.ActiveUsers, new { Id = command.UnitId }, cancellationToken) > 0)
        {
            throw new ConflictException("unit_has_active_users", "The unit still has enabled users; move or disable them first.");
        }

        if (await session.ExecuteScalarAsync<long>(UnitSql.ActiveSubUnits, new { Id = command.UnitId }, cancellationToken) > 0)
        {
            throw new ConflictException("unit_has_sub_units", "Active units report to this one; retire or move them first.");
        }

        await session.ExecuteVersionedAsync(UnitSql.Retire, new { Id = command.UnitId, command.ExpectedVersion, Now = clock.GetUtcNow() }, command.ExpectedVersion, cancellationToken);
        var after = await store.GetAsync(command.UnitId, cancellationToken);
        audit.Record(new AuditEntry("unit.retired", "unit", command.UnitId, before, after));
        return new EntityVersion(after.Id, after.Version);
    }
}

internal static class RetireUnitEndpoint
{
    public static void Map(IEndpointRouteBuilder units) =>
        units.MapPost("/{id:guid}/retire", Handle)
            .WithName("RetireUnit")
            .WithDescription("Retires a unit; If-Match carries the ETag read. The unit stays, because cases, petitions and the audit trail name it, but it is offered for no new work or user. 409 while it has enabled users or active units reporting to it, or when it is already retired.")
            .ProducesETag()
            .WithSummary("Retires a unit: it stays for history but is no longer listed for choosing. 409 while it has enabled users or active units reporting to it, or when already retired.")
            .RequireCapability(Capability.ManageOrganization)
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var retired = await sender.Send(new RetireUnit(id, Versioning.RequiredIfMatch(context)), cancellationToken);
        Versioning.SetETag(context, retired.Version);
        return TypedResults.Ok(retired);
    }
}
