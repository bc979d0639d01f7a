using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Mediation.Disputes;
using Fengqiao.Mediation.Mediators;
using Fengqiao.Mediation.Rooms;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Sessions;

/// <summary>
/// Schedules a session of an accepted dispute in its room, from <see cref="StartsAt"/> to <see cref="EndsAt"/> (on whole or
/// half hours), with <see cref="MediatorIds"/> of the room (the dispute's lead and assisting mediators when none are named),
/// inviting <see cref="InvitedPartyIds"/> of the dispute's parties (all of them when none are named; one side alone for a
/// separate talk 背靠背调解). Neither the room nor a mediator is ever double-booked: a clash answers 409 naming the session it clashes with.
/// </summary>
internal sealed record ScheduleSession(DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<Guid>? MediatorIds, IReadOnlyList<Guid>? InvitedPartyIds = null)
    : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }
}

internal sealed class ScheduleSessionValidator : AbstractValidator<ScheduleSession>
{
    public ScheduleSessionValidator()
    {
        RuleFor(c => c.StartsAt).Must(SessionSlots.IsOnSlotBoundary).WithMessage("Start on a whole or half hour.");
        RuleFor(c => c.EndsAt).Must(SessionSlots.IsOnSlotBoundary).WithMessage("End on a whole or half hour.");
        RuleFor(c => c.EndsAt).GreaterThan(c => c.StartsAt).WithMessage("End after the start.");
        RuleFor(c => c.EndsAt).Must((c, end) => end - c.StartsAt <= SessionSlots.Longest).When(c => c.EndsAt > c.StartsAt)
            .WithMessage("A session lasts at most eight hours.");
        RuleFor(c => c.StartsAt).InclusiveBetween(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero));
        RuleFor(c => c.MediatorIds).Must(ids => ids!.Count is > 0 and <= 6 && ids.Distinct().Count() == ids.Count).When(c => c.MediatorIds is not null)
            .WithMessage("Name one to six mediators, each once.");
        RuleFor(c => c.InvitedPartyIds).Must(ids => ids!.Count is > 0 and <= RegisterDisputeValidator.MaxParties && ids.Distinct().Count() == ids.Count)
            .When(c => c.InvitedPartyIds is not null).WithMessage("Invite at least one party, each once.");
    }
}

internal sealed class ScheduleSessionHandler(
    IDbSession session,
    ICurrentUser caller,
    DisputeStore disputes,
    MediatorStore mediators,
    SessionBooking booking,
    IAuditLog audit,
    TimeProvider clock) : ICommandHandler<ScheduleSession, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ScheduleSession command, CancellationToken cancellationToken)
    {
        var dispute = await disputes.GetAsync(command.DisputeId, cancellationToken);
        if (dispute.Status != DisputeStatus.Accepted || dispute.RoomId is not { } roomId)
        {
            throw new ConflictException("dispute_not_accepted", "Sessions are scheduled for accepted disputes in a room.");
        }

        var serving = (await mediators.ServingOfAsync(roomId, cancellationToken)).ToDictionary(m => m.Id);
        var wanted = command.MediatorIds ?? await DisputeMediatorsAsync(dispute, cancellationToken);
        var chosen = wanted.Select(id => serving.GetValueOrDefault(id)).ToList();
        if (chosen.Count == 0 || chosen.Any(m => m is null))
        {
            throw RoomStore.Invalid(nameof(ScheduleSession.MediatorIds), "Name mediators serving in the dispute's room.");
        }

        var parties = (await session.QueryAsync<DisputePartyView>(DisputeSql.PartiesOf, new { DisputeId = dispute.Id }, cancellationToken)).ToDictionary(p => p.Id);
        var invited = command.InvitedPartyIds?.Select(id => parties.GetValueOrDefault(id)).ToList();
        if (invited is not null && invited.Any(p => p is null))
        {
            throw RoomStore.Invalid(nameof(ScheduleSession.InvitedPartyIds), "Invite parties of the dispute.");
        }

        var mediatorKeys = chosen.Select(m => (m!.UserId ?? m.Id).ToString("D")).Distinct().ToList();
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await session.ExecuteAsync(SessionSql.Insert, new
        {
            Id = id,
            DisputeId = dispute.Id,
            RoomId = roomId,
            RoomName = dispute.RoomName ?? string.Empty,
            StartsAt = command.StartsAt.ToUniversalTime(),
            EndsAt = command.EndsAt.ToUniversalTime(),
            ScheduledBy = caller.UserId,
            ScheduledAt = now,
        }, cancellationToken);
        foreach (var mediator in chosen)
        {
            await session.ExecuteAsync(SessionSql.InsertMediator, new { SessionId = id, MediatorId = mediator!.Id, MediatorName = mediator.Name }, cancellationToken);
        }

        if (invited is null)
        {
            await session.ExecuteAsync(SessionSql.InviteAllParties, new { SessionId = id, DisputeId = dispute.Id }, cancellationToken);
        }
        else
        {
            foreach (var party in invited)
            {
                await session.ExecuteAsync(SessionSql.InsertInvitee, new { SessionId = id, PartyId = party!.Id, PartyName = party.Name }, cancellationToken);
            }
        }

        await booking.ClaimAsync(id, roomId, mediatorKeys, command.StartsAt, command.EndsAt, cancellationToken);

        audit.Record(new AuditEntry("mediation.session_scheduled", "mediation_session", id, After: new
        {
            DisputeId = dispute.Id, RoomId = roomId, command.StartsAt, command.EndsAt, MediatorIds = chosen.Select(m => m!.Id).ToList(),
            InvitedPartyIds = invited?.Select(p => p!.Id).ToList() ?? [.. parties.Keys],
        }));
        return new EntityVersion(id, 1);
    }

    private async Task<IReadOnlyList<Guid>> DisputeMediatorsAsync(DisputeRow dispute, CancellationToken cancellationToken)
    {
        var assistants = await session.QueryAsync<AssistingMediatorView>(DisputeSql.AssistantsOf, new { DisputeId = dispute.Id }, cancellationToken);
        return [.. dispute.LeadMediatorId is { } lead ? [lead] : Array.Empty<Guid>(), .. assistants.Select(a => a.MediatorId)];
    }
}

internal static class ScheduleSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/{id:guid}/sessions", Handle)
            .WithName("ScheduleMediationSession")
            .WithDescription("Schedules a session of an accepted dispute in its room, on whole or half hours for at most eight hours, with one to six mediators of the room, inviting the parties named (all of the dispute's parties when none are; 400 for one that is not a party of it). 409 `dispute_not_accepted` before both sides consented; `room_booked` or `mediator_booked`, naming the clashing session, when the room or a mediator is taken then.")
            .ProducesETag()
            .WithSummary("Schedules a session of an accepted dispute in its room; a room or mediator already booked answers 409 naming that session.")
            .RequireCapability(Capability.MediateDisputes)
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Created<EntityVersion>> Handle(Guid id, ScheduleSession request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request with { DisputeId = id }, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/mediation/disputes/{id}", created);
    }
}
