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

namespace Fengqiao.Receptions.Schedule;

/// <summary>
/// Moves or re-describes a scheduled reception (place, day, times, theme, purpose, publication); who receives and what kind
/// it is stay. Needs If-Match.
/// </summary>
internal sealed record UpdateReception(Guid RegionId, DateOnly Day, string StartsAt, string EndsAt, string Place, string? Theme, string? Purpose, bool IsPublished)
    : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid ReceptionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class UpdateReceptionValidator : AbstractValidator<UpdateReception>
{
    public UpdateReceptionValidator(TimeProvider clock)
    {
        RuleFor(c => c.RegionId).NotEmpty();
        ReceptionTimes.Rules(this, c => c.Day, c => c.StartsAt, c => c.EndsAt, clock);
        RuleFor(c => c.Place).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Theme).MaximumLength(1000);
        RuleFor(c => c.Purpose).MaximumLength(4000);
    }
}

internal sealed class UpdateReceptionHandler(IDbSession session, ReceptionStore store, IAuditLog audit) : ICommandHandler<UpdateReception, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(UpdateReception command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.ReceptionId, command.ExpectedVersion, ReceptionAction.Change, cancellationToken);
        if (command.IsPublished && !ReceptionRules.MayBePublished(before.Kind))
        {
            throw ReceptionStore.Invalid(nameof(UpdateReception.IsPublished), "Only reception days and duties are published; appointments and visits concern named people.");
        }

        if (string.IsNullOrWhiteSpace(command.Purpose) && before.Kind is ReceptionKind.HomeVisit or ReceptionKind.LeaderVisit)
        {
            throw ReceptionStore.Invalid(nameof(UpdateReception.Purpose), "Say what the visit is for.");
        }

        // The host's region bounds the place as when it was scheduled: a leader's or unit's level is the reception's.
        var hostRegion = HostRegionPath(before);
        var region = await store.RegionWithinAsync(command.RegionId, hostRegion, nameof(UpdateReception.RegionId), cancellationToken);
        await session.ExecuteVersionedAsync(
            ReceptionSql.Update,
            new
            {
                Id = before.Id,
                RegionId = region.Id,
                RegionPath = region.Path,
                RegionName = region.Name,
                command.Day,
                command.StartsAt,
                command.EndsAt,
                Place = command.Place.Trim(),
                Theme = command.Theme?.Trim(),
                Purpose = command.Purpose?.Trim(),
                command.IsPublished,
                command.ExpectedVersion,
            },
            command.ExpectedVersion,
            cancellationToken);
        audit.Record(new AuditEntry("reception.changed", "reception", before.Id,
            new { before.RegionId, before.Day, before.StartsAt, before.EndsAt, before.Place, before.Theme, before.Purpose, before.IsPublished, before.Version },
            new { RegionId = region.Id, command.Day, command.StartsAt, command.EndsAt, command.Place, command.Theme, command.Purpose, command.IsPublished, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }

    /// <summary>The subtree a reception may move within: its level's ancestor of its current region (the host's region at scheduling).</summary>
    private static string HostRegionPath(ReceptionRow row)
    {
        var depth = (int)row.Level + 1;
        var parts = row.RegionPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return "/" + string.Join('/', parts.Take(depth)) + "/";
    }
}

internal static class UpdateReceptionEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapPut("/{id:guid}", Handle)
            .WithName("UpdateReception")
            .WithDescription("Moves or re-describes a scheduled reception: place, day, times, theme, purpose or publication; who receives and what kind it is stay. If-Match carries the ETag read. 409 when the reception is held or cancelled; 400 for a region outside the subtree its level allows.")
            .ProducesETag()
            .WithSummary("Changes a scheduled reception's place, day, times, theme, purpose or publication; needs If-Match.")
            .RequireRoles(ReceptionActions.RolesFor(ReceptionAction.Change))
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, UpdateReception request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { ReceptionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
