using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Mediation.Disputes;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Sessions;

/// <summary>Records that a scheduled session took place: whether each side attended, and the record 笔录. Needs If-Match (the session's version).</summary>
internal sealed record HoldSession(bool ApplicantAttended, bool RespondentAttended, string Record) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public Guid SessionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class HoldSessionValidator : AbstractValidator<HoldSession>
{
    public HoldSessionValidator() => RuleFor(c => c.Record).NotEmpty().MaximumLength(20000);
}

internal sealed class HoldSessionHandler(IDbSession session, SessionBooking booking, ICurrentUser caller, IAuditLog audit, IEventPublisher events, TimeProvider clock)
    : ICommandHandler<HoldSession, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(HoldSession command, CancellationToken cancellationToken)
    {
        var (dispute, before) = await booking.GetScheduledForChangeAsync(command.DisputeId, command.SessionId, command.ExpectedVersion, cancellationToken);
        var now = clock.GetUtcNow();
        if (before.StartsAt > now)
        {
            throw new ConflictException("session_not_started", "A session is recorded as held once it has started.");
        }

        await session.ExecuteVersionedAsync(SessionSql.Hold, new
        {
            before.Id,
            command.ApplicantAttended,
            command.RespondentAttended,
            Record = command.Record.Trim(),
            HeldBy = caller.UserId,
            Now = now,
            command.ExpectedVersion,
        }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("mediation.session_held", "mediation_session", before.Id, new { before.Status, before.Version },
            new { Status = SessionStatus.Held, command.ApplicantAttended, command.RespondentAttended, Version = before.Version + 1 }));
        events.Publish(new MediationSessionHeld(Guid.CreateVersion7(now), now, dispute.Id, dispute.Number, before.Id, dispute.DisputeType, dispute.Source.ToSnakeCase(),
            dispute.RegionPath, before.RoomId, before.StartsAt, before.EndsAt, command.ApplicantAttended, command.RespondentAttended));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class HoldSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/{id:guid}/sessions/{sessionId:guid}/holding", Handle)
            .WithName("HoldMediationSession")
            .ProducesETag()
            .WithDescription("Records that a scheduled session took place: whether each side attended, and the record (笔录). If-Match carries the session's ETag. 409 `session_not_started` before its start, `session_not_scheduled` when it was held or cancelled already.")
            .WithSummary("Records that a scheduled session took place, with each side's attendance and the record; needs If-Match.")
            .RequireCapability(Capability.MediateDisputes)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, Guid sessionId, HoldSession request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { DisputeId = id, SessionId = sessionId, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
