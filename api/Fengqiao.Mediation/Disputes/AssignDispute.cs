using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Mediation.Mediators;
using Fengqiao.Mediation.Rooms;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Disputes;

/// <summary>
/// Puts an open dispute in a room of the caller's jurisdiction under a lead mediator and up to five assisting mediators, all
/// serving in the room: what an online application and a referred petition arrive without, and a re-assignment later. The room
/// does not change while sessions of the dispute are booked in it. Needs If-Match.
/// </summary>
internal sealed record AssignDispute(Guid RoomId, Guid LeadMediatorId, IReadOnlyList<Guid>? AssistingMediatorIds) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class AssignDisputeValidator : AbstractValidator<AssignDispute>
{
    public AssignDisputeValidator()
    {
        RuleFor(c => c.RoomId).NotEmpty();
        RuleFor(c => c.LeadMediatorId).NotEmpty();
        RuleFor(c => c.AssistingMediatorIds).Must(ids => ids!.Count <= 5 && ids.Distinct().Count() == ids.Count && !ids.Contains(Guid.Empty))
            .When(c => c.AssistingMediatorIds is not null).WithMessage("Name up to five assisting mediators, each once.");
    }
}

internal sealed class AssignDisputeHandler(IDbSession session, DisputeStore disputes, RoomStore rooms, MediatorStore mediators, IAuditLog audit)
    : ICommandHandler<AssignDispute, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(AssignDispute command, CancellationToken cancellationToken)
    {
        var before = await disputes.GetForChangeAsync(command.DisputeId, command.ExpectedVersion, cancellationToken);
        DisputeStateMachine.Apply(before.State, DisputeAction.Assign);
        var room = await rooms.FindAsync(command.RoomId, cancellationToken) ?? throw RoomStore.Invalid(nameof(AssignDispute.RoomId), "No such room in your jurisdiction.");
        var serving = (await mediators.ServingOfAsync(room.Id, cancellationToken)).ToDictionary(m => m.Id);
        if (!serving.TryGetValue(command.LeadMediatorId, out var lead))
        {
            throw RoomStore.Invalid(nameof(AssignDispute.LeadMediatorId), "The lead mediator is not serving in the room.");
        }

        var assistants = (command.AssistingMediatorIds ?? []).Select(id => serving.GetValueOrDefault(id)).ToList();
        if (assistants.Any(a => a is null || a.Id == lead.Id))
        {
            throw RoomStore.Invalid(nameof(AssignDispute.AssistingMediatorIds), "Each assisting mediator serves in the room and is not the lead.");
        }

        if (before.RoomId != room.Id
            && await session.ExecuteScalarAsync<long>(DisputeSql.ScheduledSessionCount, new { DisputeId = before.Id }, cancellationToken) > 0)
        {
            throw new ConflictException("dispute_has_scheduled_sessions", "Sessions of the dispute are booked in its room: hold, move or cancel them before changing the room.");
        }

        var previousAssistants = await session.QueryAsync<AssistingMediatorView>(DisputeSql.AssistantsOf, new { DisputeId = before.Id }, cancellationToken);
        await session.ExecuteVersionedAsync(DisputeSql.Assign, new
        {
            before.Id,
            RoomId = room.Id,
            RoomName = room.Name,
            LeadMediatorId = lead.Id,
            LeadMediatorName = lead.Name,
            command.ExpectedVersion,
        }, command.ExpectedVersion, cancellationToken);
        await session.ExecuteAsync(DisputeSql.DeleteAssistants, new { DisputeId = before.Id }, cancellationToken);
        await disputes.AddAssistantsAsync(before.Id, assistants.Select(a => (a!.Id, a.Name)), cancellationToken);
        audit.Record(new AuditEntry("mediation.dispute_assigned", "mediation_dispute", before.Id,
            new { before.RoomId, before.LeadMediatorId, AssistingMediatorIds = previousAssistants.Select(a => a.MediatorId).ToList(), before.Version },
            new { RoomId = room.Id, LeadMediatorId = lead.Id, AssistingMediatorIds = assistants.Select(a => a!.Id).ToList(), Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class AssignDisputeEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/{id:guid}/assignment", Handle)
            .WithName("AssignDispute")
            .WithDescription("Puts an open dispute in a room of the caller's jurisdiction under a lead mediator and up to five assisting mediators, all serving in the room; the assisting mediators named replace the earlier ones. An online application and a referred petition arrive without them, and sessions need a room. If-Match carries the ETag read. 400 names the field (a room outside the jurisdiction, a mediator not serving in the room); 409 `dispute_action_not_allowed` when the dispute has ended, `dispute_has_scheduled_sessions` when the room would change under booked sessions.")
            .ProducesETag()
            .WithSummary("Assigns an open dispute's room, lead and assisting mediators; needs If-Match.")
            .RequireCapability(Capability.MediateDisputes)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, AssignDispute request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { DisputeId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
