using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Mediation.Rooms;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Mediators;

/// <summary>Changes a serving mediator's name, specialty, region or account; needs If-Match.</summary>
internal sealed record UpdateMediator(string Name, string Specialty, Guid RegionId, Guid? UserId) : ICommand<EntityVersion>, IMediatorFields
{
    [JsonIgnore]
    public Guid RoomId { get; init; }

    [JsonIgnore]
    public Guid MediatorId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class UpdateMediatorValidator : MediatorFieldsValidator<UpdateMediator>;

internal sealed class UpdateMediatorHandler(IDbSession session, RoomStore rooms, MediatorStore mediators, IAuditLog audit)
    : ICommandHandler<UpdateMediator, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(UpdateMediator command, CancellationToken cancellationToken)
    {
        var before = await mediators.GetForChangeAsync(command.RoomId, command.MediatorId, command.ExpectedVersion, cancellationToken);
        if (before.IsRetired)
        {
            throw new ConflictException("mediator_retired", "A retired mediator is kept as they were on past work.");
        }

        var room = await rooms.GetAsync(command.RoomId, cancellationToken);
        var values = await mediators.CheckAsync(room, command, before.Id, cancellationToken);
        await session.ExecuteVersionedAsync(MediatorSql.Update, new
        {
            before.Id,
            values.Name,
            values.Specialty,
            RegionId = values.Region.Id,
            RegionPath = values.Region.Path,
            RegionName = values.Region.Name,
            values.UserId,
            values.UserDisplayName,
            command.ExpectedVersion,
        }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("mediation.mediator_changed", "mediation_mediator", before.Id,
            new { before.Name, before.Specialty, before.RegionId, before.UserId, before.Version },
            new { values.Name, values.Specialty, RegionId = values.Region.Id, values.UserId, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class UpdateMediatorEndpoint
{
    public static void Map(IEndpointRouteBuilder rooms) =>
        rooms.MapPut("/{id:guid}/mediators/{mediatorId:guid}", Handle)
            .WithName("UpdateMediator")
            .WithDescription("Changes a serving mediator's name, specialty, region or account; If-Match carries the ETag from the room. 409 `mediator_retired` for a retired mediator, who is kept as they were on past work.")
            .ProducesETag()
            .WithSummary("Changes a serving mediator's name, specialty, region or account; needs If-Match.")
            .RequireCapability(Capability.ManageMediationRooms)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, Guid mediatorId, UpdateMediator request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { RoomId = id, MediatorId = mediatorId, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
