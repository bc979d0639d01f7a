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

namespace Fengqiao.Organization.Regions;

/// <summary>
/// Retires a village or community; needs If-Match. The row stays (petitions and cases name it) but it is offered for no
/// new work. Refused while active units belong to it.
/// </summary>
internal sealed record RetireVillage(Guid RegionId, long ExpectedVersion) : ICommand<EntityVersion>;

internal sealed class RetireVillageHandler(IDbSession session, RegionStore store, IAuditLog audit, TimeProvider clock) : ICommandHandler<RetireVillage, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RetireVillage command, CancellationToken cancellationToken)
    {
        var before = await store.GetVillageForChangeAsync(command.RegionId, command.ExpectedVersion, cancellationToken);
        if (await session.ExecuteScalarAsync<long>(RegionSql.ActiveUnitsIn, new { Id = command.RegionId }, cancellationToken) > 0)
        {
            throw new ConflictException("region_has_units", "Active units belong to the village; retire or move them first.");
        }

        await session.ExecuteVersionedAsync(RegionSql.Retire, new { Id = command.RegionId, command.ExpectedVersion, Now = clock.GetUtcNow() }, command.ExpectedVersion, cancellationToken);
        var after = await store.GetAsync(command.RegionId, cancellationToken);
        audit.Record(new AuditEntry("region.retired", "region", command.RegionId, before, after));
        return new EntityVersion(after.Id, after.Version);
    }
}

internal static class RetireVillageEndpoint
{
    public static void Map(IEndpointRouteBuilder regions) =>
        regions.MapPost("/{id:guid}/retire", Handle)
            .WithName("RetireVillage")
            .WithDescription("Retires a village or community; If-Match carries the ETag read. The region stays, because petitions and cases name it, but it is offered for no new work. 409 while active units belong to it, for a region of another level, or when it is already retired.")
            .ProducesETag()
            .WithSummary("Retires a village or community: it stays for history but is no longer listed for choosing. 409 while active units belong to it, for a region of another level, or when already retired.")
            .RequireCapability(Capability.ManageOrganization)
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var retired = await sender.Send(new RetireVillage(id, Versioning.RequiredIfMatch(context)), cancellationToken);
        Versioning.SetETag(context, retired.Version);
        return TypedResults.Ok(retired);
    }
}
