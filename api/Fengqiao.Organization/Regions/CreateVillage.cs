using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Regions;

/// <summary>A new village or community under a town of the admin's jurisdiction.</summary>
/// <param name="Code">The statistical code: the town's code followed by three digits.</param>
internal sealed record CreateVillage(string Code, string Name) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid TownId { get; init; }
}

internal sealed class CreateVillageValidator : AbstractValidator<CreateVillage>
{
    public CreateVillageValidator()
    {
        RuleFor(c => c.Code).NotEmpty().Matches("^[0-9]{4,20}$").WithMessage("Digits only: the town's code followed by three digits.");
        RuleFor(c => c.Name).ValidRegionName();
    }
}

internal static class RegionNameRules
{
    public static IRuleBuilderOptions<T, string> ValidRegionName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(100);
}

internal sealed class CreateVillageHandler(IDbSession session, RegionStore store, IAuditLog audit, TimeProvider clock) : ICommandHandler<CreateVillage, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(CreateVillage command, CancellationToken cancellationToken)
    {
        var town = await store.GetAsync(command.TownId, cancellationToken);
        if (town.Level != RegionLevel.Town)
        {
            throw new ConflictException("not_a_town", "Villages and communities are created under a town.");
        }

        if (command.Code.Length != town.Code.Length + 3 || !command.Code.StartsWith(town.Code, StringComparison.Ordinal))
        {
            throw new ValidationException([new ValidationFailure(nameof(CreateVillage.Code), $"The town's code {town.Code} followed by three digits.")]);
        }

        if (await session.ExecuteScalarAsync<long>(RegionSql.CodeTaken, new { command.Code }, cancellationToken) > 0)
        {
            throw new ConflictException("region_code_taken", $"A region with the code {command.Code} exists.");
        }

        var id = Guid.CreateVersion7(clock.GetUtcNow());
        await store.CheckNameFreeAsync(town.Id, id, command.Name, cancellationToken);
        await session.ExecuteAsync(
            RegionSql.InsertChild,
            new { Id = id, command.Code, command.Name, Level = nameof(RegionLevel.Village), ParentId = town.Id, Path = RegionPaths.Child(town.Path, command.Code) },
            cancellationToken);

        var created = await store.GetAsync(id, cancellationToken);
        audit.Record(new AuditEntry("region.created", "region", id, After: created));
        return new EntityVersion(id, created.Version);
    }
}

internal static class CreateVillageEndpoint
{
    public static void Map(IEndpointRouteBuilder regions) =>
        regions.MapPost("/{id:guid}/villages", Handle)
            .WithName("CreateVillage")
            .WithDescription("Adds a village or community under a town of the administrator's jurisdiction. Its code is the town's code followed by three digits (400 otherwise). 404 for a town outside the jurisdiction; 409 when the parent is not a town, or the code or an active sibling's name is taken.")
            .ProducesETag()
            .WithSummary("Creates a village or community under a town of the caller's jurisdiction (404 outside it). 409 when the region is not a town, or the code or an active sibling's name is taken.")
            .RequireCapability(Capability.ManageOrganization)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Created<EntityVersion>> Handle(Guid id, CreateVillage request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request with { TownId = id }, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/regions/{created.Id}", created);
    }
}
