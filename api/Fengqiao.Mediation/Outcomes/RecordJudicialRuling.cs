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
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Outcomes;

/// <summary>The court's ruling on an application for judicial confirmation.</summary>
public enum JudicialRuling
{
    /// <summary>确认有效: the agreement may be enforced by the court.</summary>
    Confirmed,

    /// <summary>驳回申请: the parties may change the agreement, mediate again, or sue.</summary>
    Refused,
}

/// <summary>Records the court's ruling on the parties' application for judicial confirmation, once. Needs If-Match.</summary>
internal sealed record RecordJudicialRuling(JudicialRuling Ruling, DateOnly DecidedOn, string? Note) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class RecordJudicialRulingValidator : AbstractValidator<RecordJudicialRuling>
{
    public RecordJudicialRulingValidator(TimeProvider clock)
    {
        RuleFor(c => c.Ruling).IsInEnum();
        RuleFor(c => c.DecidedOn).Must(day => day <= WorkCalendar.LocalDate(clock.GetUtcNow())).WithMessage("Not a day in the future.");
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}

internal sealed class RecordJudicialRulingHandler(IDbSession session, DisputeStore disputes, IAuditLog audit, IEventPublisher events, TimeProvider clock)
    : ICommandHandler<RecordJudicialRuling, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RecordJudicialRuling command, CancellationToken cancellationToken)
    {
        var before = await disputes.GetForChangeAsync(command.DisputeId, command.ExpectedVersion, cancellationToken);
        var agreement = await session.QuerySingleOrDefaultAsync<AgreementView>(OutcomeSql.AgreementOf, new { DisputeId = before.Id }, cancellationToken);
        if (agreement?.ConfirmationAppliedOn is not { } appliedOn)
        {
            throw new ConflictException("confirmation_not_applied", "A ruling answers an application for judicial confirmation: record the application first.");
        }

        if (agreement.ConfirmationRuling is not null)
        {
            throw new ConflictException("confirmation_already_decided", $"The court already ruled: {agreement.ConfirmationRuling}.");
        }

        if (command.DecidedOn < appliedOn)
        {
            throw Rooms.RoomStore.Invalid(nameof(RecordJudicialRuling.DecidedOn), "A ruling comes on or after the day of the application.");
        }

        var now = clock.GetUtcNow();
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        await session.ExecuteVersionedAsync(ConfirmationSql.TouchDispute, new { before.Id, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        await session.ExecuteAsync(ConfirmationSql.Decide, new { DisputeId = before.Id, Ruling = command.Ruling.ToString(), command.DecidedOn, Note = note }, cancellationToken);
        audit.Record(new AuditEntry("mediation.confirmation_decided", "mediation_dispute", before.Id, new { before.Version },
            new { command.Ruling, command.DecidedOn, Version = before.Version + 1 }));
        events.Publish(new JudicialConfirmationDecided(Guid.CreateVersion7(now), now, before.Id, before.Number, before.DisputeType, before.Source.ToSnakeCase(), before.RegionPath,
            before.RoomId, before.PetitionId, agreement.ConfirmationCourt ?? string.Empty, command.Ruling.ToSnakeCase(), appliedOn, command.DecidedOn, agreement.AmountAgreed));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class RecordJudicialRulingEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/{id:guid}/judicial-confirmation/ruling", Handle)
            .WithName("RecordJudicialConfirmationRuling")
            .WithSummary("Records the court's ruling (confirmed or refused) on the application for judicial confirmation; needs If-Match.")
            .WithDescription("Records the court's ruling on the application for judicial confirmation, confirmed or refused, with the day and a note; publishes JudicialConfirmationDecided. 409 confirmation_not_applied or confirmation_already_decided.")
            .ProducesETag()
            .RequireCapability(Capability.MediateDisputes)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, RecordJudicialRuling request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { DisputeId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
