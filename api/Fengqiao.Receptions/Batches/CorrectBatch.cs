using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Receptions;
using Fengqiao.Receptions.Schedule;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Batches;

/// <summary>
/// Corrects a batch's person count or outcome (between solved on the spot and explained), with the reason; the audit trail
/// keeps before and after. Needs If-Match with the batch's version.
/// </summary>
internal sealed record CorrectReceptionBatch(int Persons, BatchOutcome Outcome, string Reason) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid ReceptionId { get; init; }

    [JsonIgnore]
    public Guid BatchId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class CorrectReceptionBatchValidator : AbstractValidator<CorrectReceptionBatch>
{
    public CorrectReceptionBatchValidator()
    {
        RuleFor(c => c.Persons).InclusiveBetween(1, 100_000);
        RuleFor(c => c.Outcome).IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
    }
}

internal sealed class CorrectReceptionBatchHandler(IDbSession session, ICurrentUser caller, ReceptionStore store, IAuditLog audit, IEventPublisher events, TimeProvider clock)
    : ICommandHandler<CorrectReceptionBatch, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(CorrectReceptionBatch command, CancellationToken cancellationToken)
    {
        var reception = await store.GetAsync(command.ReceptionId, cancellationToken);
        var before = await session.QuerySingleOrDefaultAsync<BatchRow>(BatchSql.ById, new { command.BatchId, ReceptionId = reception.Id }, cancellationToken)
            ?? throw new NotFoundException("Batch");
        if (before.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException(before.Version);
        }

        ReceptionActions.Require(ReceptionAction.CorrectBatch, reception.Kind, reception.Status, reception.HostUserId, caller);
        BatchRules.RequireCorrectable(before.Outcome, command.Outcome);
        var named = (int)await session.ExecuteScalarAsync<long>(BatchSql.CountPetitioners, new { command.BatchId }, cancellationToken);
        if (command.Persons < BatchRules.MinimumPersons(named))
        {
            throw ReceptionStore.Invalid(nameof(CorrectReceptionBatch.Persons), $"The batch names {named} petitioner(s); it counts at least as many persons.");
        }

        await session.ExecuteVersionedAsync(
            BatchSql.Correct, new { before.Id, command.Persons, Outcome = command.Outcome.ToString(), command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("reception.batch_corrected", "reception_batch", before.Id,
            new { before.Persons, before.Outcome, before.Version },
            new { command.Persons, command.Outcome, Reason = command.Reason.Trim(), Version = before.Version + 1 }));
        var now = clock.GetUtcNow();
        events.Publish(new ReceptionBatchCorrected(Guid.CreateVersion7(now), now, reception.Id, reception.Kind.ToSnakeCase(), reception.Level.ToSnakeCase(), reception.HostUserId,
            reception.UnitId, reception.RegionPath, reception.Day, before.Id, before.Persons, before.Outcome.ToSnakeCase(), command.Persons, command.Outcome.ToSnakeCase()));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class CorrectReceptionBatchEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapPost("/{id:guid}/batches/{batchId:guid}/correction", Handle)
            .WithName("CorrectReceptionBatch")
            .WithDescription("Corrects a batch's person count or outcome (between solved on the spot and explained) with the reason; the audit trail keeps the values before and after. If-Match carries the batch's ETag (from GetReception), not the reception's. 409 `assignment_not_correctable` when the outcome would change to or from assigned.")
            .ProducesETag()
            .WithSummary("Corrects a batch's person count or outcome with a reason; audited; needs If-Match with the batch's version.")
            .RequireRoles(ReceptionActions.RolesFor(ReceptionAction.CorrectBatch))
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, Guid batchId, CorrectReceptionBatch request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { ReceptionId = id, BatchId = batchId, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
