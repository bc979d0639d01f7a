using System.Text.Json.Serialization;
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

namespace Fengqiao.Organization.Regions;

/// <summary>Renames a village or community; needs If-Match. Its code and path stay, so what names it follows the new name.</summary>
internal sealed record RenameVillage(string Name) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid RegionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class RenameVillageValidator : AbstractValidator<RenameVillage>
{
    public RenameVillageValidator()
    {
        RuleFor(c => c.Name).ValidRegionName();
    }
}

internal sealed class RenameVillageHandler(IDbSession session, RegionStore store, IAuditLog audit) : ICommandHandler<RenameVillage, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RenameVillage command, CancellationToken cancellationToken)
    {
        var before = await store.GetVillageForChangeAsync(command.RegionId, command.ExpectedVersion, cancellationToken);
        await store.CheckNameFreeAsync(before.ParentId, before.Id, command.Name, cancellationToken);
        await session.ExecuteVersionedAsync(RegionSql.Rename, new { Id = command.RegionId, command.Name, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        var after = await store.GetAsync(command.RegionId, cancellationToken);
        audit.Record(new AuditEntry("region.renamed", "region", command.RegionId, before, after));
        return new EntityVersion(after.Id, after.Version);
    }
}

internal static class RenameVillageEndpoint
{
    public static void Map(IEndpointRouteBuilder regions) =>
        regions.MapPut("/{id:guid}", Handle)
            .WithName("RenameVillage")
            .WithDescription("Renames a village or community; If-Match carries the ETag read. Its code and path stay, so petitions, cases and units that name it follow the new name. 409 for a region of another level, a retired village, or a name an active sibling already has.")
            .ProducesETag()
            .WithSummary("Renames a village or community of the caller's jurisdiction. 409 for a region of another level, a retired one, or a name an active sibling has.")
            .RequireCapability(Capability.ManageOrganization)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, RenameVillage request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var renamed = await sender.Send(request with { RegionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, renamed.Version);
        return TypedResults.Ok(renamed);
    }
}
