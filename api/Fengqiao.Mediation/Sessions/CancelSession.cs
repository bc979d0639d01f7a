using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Mediation.Disputes;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Sessions;

/// <summary>Cancels a scheduled session with the reason, freeing its slots for other bookings. Needs If-Match.</summary>
internal sealed record CancelSession(string Reason) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public Guid SessionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class CancelSessionValidator : AbstractValidator<CancelSession>
{
    public CancelSessionValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
}

internal sealed class CancelSessionHandler(IDbSession session, SessionBooking booking, IAuditLog audit, TimeProvider clock) : ICommandHandler<CancelSession, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(CancelSession command, CancellationToken cancellationToken)
    {
        var (_, before) = await booking.GetScheduledForChangeAsync(command.DisputeId, command.SessionId, command.ExpectedVersion, cancellationToken);
        await session.ExecuteVersionedAsync(SessionSql.Cancel, new { before.Id, Reason = command.Reason.Trim(), Now = clock.GetUtcNow(), command.ExpectedVersion },
            command.ExpectedVersion, cancellationToken);
        await booking.FreeAsync(before.Id, cancellationToken);
        audit.Record(new AuditEntry("mediation.session_cancelled", "mediation_session", before.Id, new { before.Status, before.Version },
            new { Status = SessionStatus.Cancelled, command.Reason, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class CancelSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/{id:guid}/sessions/{sessionId:guid}/cancellation", Handle)
            .WithName("CancelMediationSession")
            .ProducesETag()
            .WithDescription("Cancels a scheduled session with the reason, freeing its room and mediators for other bookings. If-Match carries the session's ETag. 409 `session_not_scheduled` for a session that was held or cancelled already.")
            .WithSummary("Cancels a scheduled session with the reason, freeing the room and mediators; needs If-Match.")
            .RequireCapability(Capability.MediateDisputes)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, Guid sessionId, CancelSession request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { DisputeId = id, SessionId = sessionId, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
