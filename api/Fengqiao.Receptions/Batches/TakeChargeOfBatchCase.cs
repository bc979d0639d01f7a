using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Receptions.Schedule;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Batches;

/// <summary>
/// 包案: a leader takes personal charge of the case of an assigned batch's petition, recorded by the dispatch module's own
/// rule (<see cref="ICaseLeadership"/>) and noted on the batch. Needs If-Match with the batch's version; 409 <c>case_not_open</c>
/// while the dispatch module has not opened the case yet.
/// </summary>
internal sealed record TakeChargeOfBatchCase(string Note) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid ReceptionId { get; init; }

    [JsonIgnore]
    public Guid BatchId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class TakeChargeOfBatchCaseValidator : AbstractValidator<TakeChargeOfBatchCase>
{
    public TakeChargeOfBatchCaseValidator() => RuleFor(c => c.Note).NotEmpty().MaximumLength(2000);
}

internal sealed class TakeChargeOfBatchCaseHandler(IDbSession session, ICurrentUser caller, ReceptionStore store, ICaseLeadership cases, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<TakeChargeOfBatchCase, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(TakeChargeOfBatchCase command, CancellationToken cancellationToken)
    {
        var reception = await store.GetAsync(command.ReceptionId, cancellationToken);
        var before = await session.QuerySingleOrDefaultAsync<BatchRow>(BatchSql.ById, new { command.BatchId, ReceptionId = reception.Id }, cancellationToken)
            ?? throw new NotFoundException("Batch");
        ReceptionActions.Require(ReceptionAction.TakeCharge, reception.Kind, reception.Status, reception.HostUserId, caller);
        if (before.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException(before.Version);
        }

        if (before.Outcome != BatchOutcome.Assigned || before.PetitionId is not { } petitionId)
        {
            throw new ConflictException("not_assigned", "Only an assigned batch has a case to take charge of.");
        }

        var taken = await cases.TakeChargeOfPetitionCaseAsync(petitionId, command.Note.Trim(), cancellationToken)
            ?? throw new ConflictException("case_not_open", "The case of this batch's petition is not open to you yet; try again in a moment.");
        await session.ExecuteVersionedAsync(
            BatchSql.RecordCharge,
            new { before.Id, caller.UserId, UserName = caller.DisplayName, taken.CaseId, CaseNumber = taken.Number, Now = clock.GetUtcNow(), command.ExpectedVersion },
            command.ExpectedVersion,
            cancellationToken);
        audit.Record(new AuditEntry("reception.batch_case_in_charge", "reception_batch", before.Id,
            new { before.InChargeUserId, before.Version }, new { InChargeUserId = caller.UserId, taken.CaseId, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class TakeChargeOfBatchCaseEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapPost("/{id:guid}/batches/{batchId:guid}/charge", Handle)
            .WithName("TakeChargeOfReceptionBatchCase")
            .WithDescription("A leader takes personal charge (包案) of the case of an assigned batch's petition; the case records it by the dispatch rules and the batch notes it. If-Match carries the batch's ETag. 409 `not_assigned` for a batch that was not assigned, `case_not_open` when the case is not open to the leader yet.")
            .ProducesETag()
            .WithSummary("A leader takes personal charge (包案) of the case of an assigned batch; needs If-Match with the batch's version.")
            .RequireRoles(ReceptionActions.RolesFor(ReceptionAction.TakeCharge))
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, Guid batchId, TakeChargeOfBatchCase request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { ReceptionId = id, BatchId = batchId, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
