using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Mediation;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Mediation.Clock;
using Fengqiao.Mediation.Outcomes;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Disputes;

/// <summary>
/// Records one side's answer (人民调解法 Art 17): its consent, which with the other side's accepts the dispute, or its refusal,
/// which ends it as not mediated with <see cref="Guidance"/> to other channels (litigation, arbitration, administrative
/// handling). Needs If-Match.
/// </summary>
internal sealed record RecordConsent(DisputeSide Side, bool Consents, string? Guidance) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class RecordConsentValidator : AbstractValidator<RecordConsent>
{
    public RecordConsentValidator()
    {
        RuleFor(c => c.Side).IsInEnum();
        RuleFor(c => c.Guidance).NotEmpty().When(c => !c.Consents).WithMessage("Tell the parties where else they may turn (litigation, arbitration, …).");
        RuleFor(c => c.Guidance).Null().When(c => c.Consents).WithMessage("Guidance goes with a refusal.");
        RuleFor(c => c.Guidance).MaximumLength(2000);
    }
}

internal sealed class RecordConsentHandler(
    IDbSession session,
    DisputeStore store,
    IRuleSets ruleSets,
    WorkCalendar calendar,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock)
    : ICommandHandler<RecordConsent, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RecordConsent command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.DisputeId, command.ExpectedVersion, cancellationToken);
        var action = (command.Side, command.Consents) switch
        {
            (DisputeSide.Applicant, true) => DisputeAction.ApplicantConsents,
            (DisputeSide.Applicant, false) => DisputeAction.ApplicantRefuses,
            (_, true) => DisputeAction.RespondentConsents,
            _ => DisputeAction.RespondentRefuses,
        };
        var after = DisputeStateMachine.Apply(before.State, action);
        var now = clock.GetUtcNow();
        var accepted = after.Status == DisputeStatus.Accepted;
        await session.ExecuteVersionedAsync(DisputeSql.RecordConsent, new
        {
            before.Id,
            Status = after.Status.ToString(),
            ApplicantConsent = after.ApplicantConsent.ToString(),
            RespondentConsent = after.RespondentConsent.ToString(),
            Guidance = command.Consents ? before.Guidance : command.Guidance!.Trim(),
            AcceptedAt = accepted ? now : before.AcceptedAt,
            ClosedAt = after.Status == DisputeStatus.NotMediated ? now : before.ClosedAt,
            command.ExpectedVersion,
        }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("mediation.consent_recorded", "mediation_dispute", before.Id,
            new { before.Status, before.ApplicantConsent, before.RespondentConsent, before.Version },
            new { after.Status, after.ApplicantConsent, after.RespondentConsent, command.Side, command.Consents, Version = before.Version + 1 }));
        if (accepted && MediationRuleSection.From(ruleSets).TimeLimitOf(before.DisputeType) is { } limit)
        {
            // The time limit runs from acceptance (医疗纠纷预防和处理条例 Art 33: from the day the committee accepts the dispute).
            await session.ExecuteAsync(ClockSql.Start, new { before.Id, DueOn = MediationClock.DueOn(WorkCalendar.LocalDate(now), limit.Period, calendar) }, cancellationToken);
        }

        if (accepted)
        {
            events.Publish(new DisputeAccepted(Guid.CreateVersion7(now), now, before.Id, before.Number, before.DisputeType, before.Source.ToSnakeCase(), before.RegionPath,
                before.RoomId, before.PetitionId));
        }

        if (after.Status == DisputeStatus.NotMediated)
        {
            events.Publish(new DisputeNotMediated(Guid.CreateVersion7(now), now, before.Id, before.Number, before.DisputeType, before.Source.ToSnakeCase(), before.RegionPath,
                before.RoomId, before.RoomName, before.PetitionId, command.Side.ToSnakeCase(), command.Guidance!.Trim()));
        }

        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class RecordConsentEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/{id:guid}/consent", Handle)
            .WithName("RecordDisputeConsent")
            .WithDescription("Records one side's answer to mediation (人民调解法 Art 17): consent, which with the other side's accepts the dispute for mediation, or refusal, which ends it as not mediated with guidance on where else to turn (litigation, arbitration, ...) and publishes DisputeNotMediated, which a referred petition shows on its timeline. If-Match carries the ETag read. 400 for a refusal without guidance or guidance without refusal; 409 `dispute_action_not_allowed` when the dispute's status and consents do not allow it.")
            .ProducesETag()
            .WithSummary("Records a side's consent to mediation or its refusal (with guidance to other channels); needs If-Match.")
            .RequireCapability(Capability.MediateDisputes)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, RecordConsent request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { DisputeId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
