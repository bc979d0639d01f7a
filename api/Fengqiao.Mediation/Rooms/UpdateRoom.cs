using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Rooms;

/// <summary>Changes a room's name, kind, region, address, opening hours, intro and specialties; needs If-Match.</summary>
internal sealed record UpdateRoom(
    string Name,
    MediationRoomKind Kind,
    Guid RegionId,
    string Address,
    string OpeningHours,
    string? Intro,
    IReadOnlyList<string> Specialties) : ICommand<EntityVersion>, IRoomFields
{
    [JsonIgnore]
    public Guid RoomId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class UpdateRoomValidator : RoomFieldsValidator<UpdateRoom>;

internal sealed class UpdateRoomHandler(IDbSession session, RoomStore store, IAuditLog audit) : ICommandHandler<UpdateRoom, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(UpdateRoom command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.RoomId, command.ExpectedVersion, cancellationToken);
        var region = await store.RegionAsync(command.RegionId, nameof(UpdateRoom.RegionId), null, cancellationToken);
        await store.RequireKnownTypesAsync(command.Specialties, nameof(UpdateRoom.Specialties), cancellationToken);
        var specialtiesBefore = (await store.SpecialtiesOfAsync([before.Id], cancellationToken))[before.Id].ToList();
        await session.ExecuteVersionedAsync(RoomSql.Update, new
        {
            before.Id,
            Name = command.Name.Trim(),
            Kind = command.Kind.ToString(),
            RegionId = region.Id,
            RegionPath = region.Path,
            RegionName = region.Name,
            Address = command.Address.Trim(),
            OpeningHours = command.OpeningHours.Trim(),
            Intro = string.IsNullOrWhiteSpace(command.Intro) ? null : command.Intro.Trim(),
            command.ExpectedVersion,
        }, command.ExpectedVersion, cancellationToken);
        await store.ReplaceSpecialtiesAsync(before.Id, command.Specialties, cancellationToken);
        audit.Record(new AuditEntry("mediation.room_changed", "mediation_room", before.Id,
            new { before.Name, before.Kind, before.RegionId, before.Address, before.OpeningHours, before.Intro, Specialties = specialtiesBefore, before.Version },
            new { command.Name, command.Kind, RegionId = region.Id, command.Address, command.OpeningHours, command.Intro, command.Specialties, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class UpdateRoomEndpoint
{
    public static void Map(IEndpointRouteBuilder rooms) =>
        rooms.MapPut("/{id:guid}", Handle)
            .WithName("UpdateMediationRoom")
            .WithDescription("Changes a room's name, kind, region, address, opening hours, introduction and specialties; If-Match carries the ETag read. 400 names the field as on registration; 404 outside the caller's jurisdiction.")
            .ProducesETag()
            .WithSummary("Changes a room's name, kind, region, address, opening hours, intro and specialties; needs If-Match.")
            .RequireCapability(Capability.ManageMediationRooms)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, UpdateRoom request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { RoomId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
