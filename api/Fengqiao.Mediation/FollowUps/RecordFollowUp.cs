using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Mediation.Disputes;
using Fengqiao.Mediation.Outcomes;
using Fengqiao.Mediation.Rooms;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.FollowUps;

/// <summary>A return visit 回访 as the dispute page shows it.</summary>
internal sealed record FollowUpView
{
    public required Guid Id { get; init; }

    public required DateOnly VisitedOn { get; init; }

    public required Performance Performance { get; init; }

    public required string Note { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>
/// Records a return visit 回访 after an agreement, made on <see cref="VisitedOn"/>: whether the agreement was performed, partly
/// performed or not performed, with a note. A visit that finds it performed makes the dispute performed, after which no visit
/// is needed; the others keep it on the list of agreements awaiting performance. Needs If-Match.
/// </summary>
internal sealed record RecordFollowUp(DateOnly VisitedOn, Performance Performance, string Note) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class RecordFollowUpValidator : AbstractValidator<RecordFollowUp>
{
    public RecordFollowUpValidator(TimeProvider clock)
    {
        RuleFor(c => c.VisitedOn).Must(day => day <= WorkCalendar.LocalDate(clock.GetUtcNow())).WithMessage("A visit is recorded after it took place.");
        RuleFor(c => c.Performance).IsInEnum();
        RuleFor(c => c.Note).NotEmpty().MaximumLength(2000).WithMessage("Note what the visit found.");
    }
}

internal sealed class RecordFollowUpHandler(
    IDbSession session,
    DisputeStore disputes,
    ICurrentUser caller,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock) : ICommandHandler<RecordFollowUp, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RecordFollowUp command, CancellationToken cancellationToken)
    {
        var before = await disputes.GetForChangeAsync(command.DisputeId, command.ExpectedVersion, cancellationToken);
        DisputeStateMachine.Apply(before.State, DisputeAction.RecordFollowUp);
        var agreement = await session.QuerySingleOrDefaultAsync<AgreementView>(OutcomeSql.AgreementOf, new { DisputeId = before.Id }, cancellationToken)
            ?? throw new ConflictException("no_agreement", "A return visit follows up an agreement.");
        if (command.VisitedOn < agreement.EffectiveOn)
        {
            throw RoomStore.Invalid(nameof(RecordFollowUp.VisitedOn), "A return visit comes on or after the day the agreement took effect.");
        }

        var now = clock.GetUtcNow();
        var note = command.Note.Trim();
        DateOnly? performedOn = command.Performance == Performance.Performed ? command.VisitedOn : null;
        await session.ExecuteVersionedAsync(FollowUpSql.RecordOnDispute,
            new { before.Id, Performance = command.Performance.ToString(), PerformedOn = performedOn, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        await session.ExecuteAsync(FollowUpSql.Insert, new
        {
            Id = Guid.CreateVersion7(now),
            DisputeId = before.Id,
            command.VisitedOn,
            Performance = command.Performance.ToString(),
            Note = note,
            RecordedBy = caller.UserId,
            RecordedAt = now,
        }, cancellationToken);
        audit.Record(new AuditEntry("mediation.follow_up_recorded", "mediation_dispute", before.Id, new { before.Performance, before.Version },
            new { command.Performance, command.VisitedOn, Version = before.Version + 1 }));
        events.Publish(new AgreementPerformanceRecorded(Guid.CreateVersion7(now), now, before.Id, before.Number, before.DisputeType, before.Source.ToSnakeCase(),
            before.RegionId, before.RegionPath, before.RoomId, before.RoomName, before.PetitionId, before.AmountClaimed, agreement.AmountAgreed,
            command.Performance.ToSnakeCase(), command.VisitedOn, agreement.EffectiveOn, agreement.PerformanceDeadline));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class RecordFollowUpEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/{id:guid}/follow-ups", Handle)
            .WithName("RecordMediationFollowUp")
            .WithSummary("Records a return visit after an agreement: performed, partly performed or not performed, with a note; needs If-Match.")
            .WithDescription("Records a return visit (回访) after a mediation agreement and what it found of the agreement's performance (履行情况): performed, partly performed or not performed, with a note. A visit that finds it performed makes the dispute performed (and a referred petition resolved, through AgreementPerformanceRecorded); until then the dispute stays on the worklist of agreements awaiting performance. 409 when the dispute has no agreement or was already found performed.")
            .ProducesETag()
            .RequireCapability(Capability.MediateDisputes)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, RecordFollowUp request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { DisputeId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
