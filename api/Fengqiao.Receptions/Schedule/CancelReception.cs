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

/// <summary>Cancels a scheduled reception with a reason; it leaves the public list. Needs If-Match.</summary>
internal sealed record CancelReception(string Reason) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid ReceptionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class CancelReceptionValidator : AbstractValidator<CancelReception>
{
    public CancelReceptionValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
}

internal sealed class CancelReceptionHandler(IDbSession session, ReceptionStore store, IAuditLog audit, TimeProvider clock) : ICommandHandler<CancelReception, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(CancelReception command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.ReceptionId, command.ExpectedVersion, ReceptionAction.Change, cancellationToken);
        await session.ExecuteVersionedAsync(
            ReceptionSql.Cancel, new { before.Id, Reason = command.Reason.Trim(), Now = clock.GetUtcNow(), command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("reception.cancelled", "reception", before.Id,
            new { before.Status, before.Version }, new { Status = ReceptionStatus.Cancelled, Reason = command.Reason.Trim(), Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class CancelReceptionEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapPost("/{id:guid}/cancellation", Handle)
            .WithName("CancelReception")
            .WithDescription("Cancels a scheduled reception with the reason; it leaves the public list. If-Match carries the ETag read. 409 when it was held or cancelled already.")
            .ProducesETag()
            .WithSummary("Cancels a scheduled reception with a reason; needs If-Match.")
            .RequireRoles(ReceptionActions.RolesFor(ReceptionAction.Change))
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, CancelReception request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { ReceptionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
