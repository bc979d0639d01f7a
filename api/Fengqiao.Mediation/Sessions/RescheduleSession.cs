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

namespace Fengqiao.Mediation.Sessions;

/// <summary>
/// Moves a scheduled session to <see cref="StartsAt"/>–<see cref="EndsAt"/> with the same room and mediators, giving the
/// reason: its old slots are freed and the new ones claimed, so a clash with another session answers 409 naming it. Needs If-Match.
/// </summary>
internal sealed record RescheduleSession(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Reason) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public Guid SessionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class RescheduleSessionValidator : AbstractValidator<RescheduleSession>
{
    public RescheduleSessionValidator()
    {
        RuleFor(c => c.StartsAt).Must(SessionSlots.IsOnSlotBoundary).WithMessage("Start on a whole or half hour.");
        RuleFor(c => c.EndsAt).Must(SessionSlots.IsOnSlotBoundary).WithMessage("End on a whole or half hour.");
        RuleFor(c => c.EndsAt).GreaterThan(c => c.StartsAt).WithMessage("End after the start.");
        RuleFor(c => c.EndsAt).Must((c, end) => end - c.StartsAt <= SessionSlots.Longest).When(c => c.EndsAt > c.StartsAt)
            .WithMessage("A session lasts at most eight hours.");
        RuleFor(c => c.StartsAt).InclusiveBetween(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero));
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
    }
}

internal sealed class RescheduleSessionHandler(IDbSession session, SessionBooking booking, IAuditLog audit) : ICommandHandler<RescheduleSession, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RescheduleSession command, CancellationToken cancellationToken)
    {
        var (_, before) = await booking.GetScheduledForChangeAsync(command.DisputeId, command.SessionId, command.ExpectedVersion, cancellationToken);
        await session.ExecuteVersionedAsync(SessionSql.Reschedule, new
        {
            before.Id,
            StartsAt = command.StartsAt.ToUniversalTime(),
            EndsAt = command.EndsAt.ToUniversalTime(),
            Reason = command.Reason.Trim(),
            command.ExpectedVersion,
        }, command.ExpectedVersion, cancellationToken);

        // The session's own slots are freed first, so that a move overlapping its old time is no clash with itself.
        var mediatorKeys = await booking.MediatorKeysOfAsync(before.Id, cancellationToken);
        await booking.FreeAsync(before.Id, cancellationToken);
        await booking.ClaimAsync(before.Id, before.RoomId, mediatorKeys, command.StartsAt, command.EndsAt, cancellationToken);
        audit.Record(new AuditEntry("mediation.session_rescheduled", "mediation_session", before.Id, new { before.StartsAt, before.EndsAt, before.Version },
            new { command.StartsAt, command.EndsAt, command.Reason, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class RescheduleSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/{id:guid}/sessions/{sessionId:guid}/rescheduling", Handle)
            .WithName("RescheduleMediationSession")
            .ProducesETag()
            .WithDescription("Moves a scheduled session to a new start and end with the same room and mediators, giving the reason: its old slots are freed and the new ones claimed. If-Match carries the session's ETag. 409 `room_booked` or `mediator_booked` naming the clashing session, `session_not_scheduled` for a session that is no longer scheduled.")
            .WithSummary("Moves a scheduled session, with the reason; a room or mediator already booked then answers 409 naming that session. Needs If-Match.")
            .RequireCapability(Capability.MediateDisputes)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, Guid sessionId, RescheduleSession request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { DisputeId = id, SessionId = sessionId, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
