using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Mediation.Disputes;
using Fengqiao.Mediation.Sessions;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Outcomes;

/// <summary>
/// Records the mediation agreement 调解协议 of an accepted dispute after at least one held session, ending the dispute as agreed:
/// the terms, the amount agreed, its form, which parties signed (a written agreement takes effect once both have, Art 29), the
/// day it took effect and the performance deadline. The judicial-confirmation deadline follows from the rule set. Needs If-Match.
/// </summary>
internal sealed record RecordAgreement(
    string Terms,
    decimal? AmountAgreed,
    AgreementForm Form,
    bool ApplicantSigned,
    bool RespondentSigned,
    DateOnly EffectiveOn,
    DateOnly PerformanceDeadline) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class RecordAgreementValidator : AbstractValidator<RecordAgreement>
{
    public RecordAgreementValidator(TimeProvider clock)
    {
        RuleFor(c => c.Terms).NotEmpty().MaximumLength(20000);
        RuleFor(c => c.AmountAgreed).InclusiveBetween(0m, 1_000_000_000m);
        RuleFor(c => c.Form).IsInEnum();
        RuleFor(c => c.ApplicantSigned).Equal(true).When(c => c.Form == AgreementForm.Written).WithMessage("A written agreement takes effect once both parties have signed it.");
        RuleFor(c => c.RespondentSigned).Equal(true).When(c => c.Form == AgreementForm.Written).WithMessage("A written agreement takes effect once both parties have signed it.");
        RuleFor(c => c.EffectiveOn).Must(day => day <= WorkCalendar.LocalDate(clock.GetUtcNow())).WithMessage("An agreement records the day it took effect, not a later one.")
            .GreaterThan(new DateOnly(2000, 1, 1));
        RuleFor(c => c.PerformanceDeadline).GreaterThanOrEqualTo(c => c.EffectiveOn).WithMessage("The performance deadline is on or after the day the agreement took effect.")
            .LessThan(new DateOnly(2999, 1, 1));
    }
}

internal sealed class RecordAgreementHandler(
    IDbSession session,
    DisputeStore disputes,
    ICurrentUser caller,
    IRuleSets ruleSets,
    WorkCalendar calendar,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock) : ICommandHandler<RecordAgreement, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RecordAgreement command, CancellationToken cancellationToken)
    {
        var before = await disputes.GetForChangeAsync(command.DisputeId, command.ExpectedVersion, cancellationToken);
        var after = DisputeStateMachine.Apply(before.State, DisputeAction.RecordAgreement);
        if (await session.ExecuteScalarAsync<long>(SessionSql.HeldCount, new { DisputeId = before.Id }, cancellationToken) == 0)
        {
            throw new ConflictException("no_session_held", "An agreement is reached at a session: record a held session first.");
        }

        var now = clock.GetUtcNow();
        var confirmationDueOn = MediationRuleSection.From(ruleSets).JudicialConfirmationWindow.From(command.EffectiveOn, calendar);
        await session.ExecuteVersionedAsync(OutcomeSql.Agree, new { before.Id, Now = now, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        await session.ExecuteAsync(OutcomeSql.InsertAgreement, new
        {
            DisputeId = before.Id,
            Terms = command.Terms.Trim(),
            command.AmountAgreed,
            Form = command.Form.ToString(),
            command.ApplicantSigned,
            command.RespondentSigned,
            command.EffectiveOn,
            command.PerformanceDeadline,
            ConfirmationDueOn = confirmationDueOn,
            RecordedBy = caller.UserId,
            RecordedAt = now,
        }, cancellationToken);
        audit.Record(new AuditEntry("mediation.agreement_recorded", "mediation_dispute", before.Id, new { before.Status, before.Version },
            new { after.Status, command.AmountAgreed, command.Form, command.EffectiveOn, command.PerformanceDeadline, ConfirmationDueOn = confirmationDueOn, Version = before.Version + 1 }));
        events.Publish(new MediationAgreementReached(Guid.CreateVersion7(now), now, before.Id, before.Number, before.DisputeType, before.Source.ToSnakeCase(), before.RegionPath,
            before.RoomId, before.RoomName, before.PetitionId, before.AmountClaimed, command.AmountAgreed, command.Form.ToSnakeCase(), command.EffectiveOn,
            command.PerformanceDeadline, confirmationDueOn));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class RecordAgreementEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/{id:guid}/agreement", Handle)
            .WithName("RecordMediationAgreement")
            .WithSummary("Records the mediation agreement of an accepted dispute with a held session, ending it as agreed; needs If-Match.")
            .WithDescription("Records what the parties agreed: the terms, any amount, written or oral (a written agreement needs both sides' signatures), the day it took effect and the performance deadline. The dispute must be accepted and have a held session (409 no_session_held otherwise); it ends as agreed, the judicial-confirmation window of the rule set (人民调解法 Art 33) runs from the day of effect, and a referred petition learns the outcome through MediationAgreementReached.")
            .ProducesETag()
            .RequireCapability(Capability.MediateDisputes)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, RecordAgreement request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { DisputeId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
