using System.Globalization;
using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Mediation.Disputes;
using Fengqiao.Mediation.Rooms;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Outcomes;

/// <summary>
/// Records the parties' application to <see cref="Court"/> for judicial confirmation of their agreement, made on
/// <see cref="AppliedOn"/>: within the window from the day the agreement took effect (人民调解法 Art 33), once. Needs If-Match.
/// </summary>
internal sealed record ApplyForJudicialConfirmation(DateOnly AppliedOn, string Court) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class ApplyForJudicialConfirmationValidator : AbstractValidator<ApplyForJudicialConfirmation>
{
    public ApplyForJudicialConfirmationValidator(TimeProvider clock)
    {
        RuleFor(c => c.AppliedOn).Must(day => day <= WorkCalendar.LocalDate(clock.GetUtcNow())).WithMessage("Not a day in the future.");
        RuleFor(c => c.Court).NotEmpty().MaximumLength(100);
    }
}

internal sealed class ApplyForJudicialConfirmationHandler(IDbSession session, DisputeStore disputes, IAuditLog audit)
    : ICommandHandler<ApplyForJudicialConfirmation, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ApplyForJudicialConfirmation command, CancellationToken cancellationToken)
    {
        var before = await disputes.GetForChangeAsync(command.DisputeId, command.ExpectedVersion, cancellationToken);
        var agreement = before.Status == DisputeStatus.Agreed
            ? await session.QuerySingleOrDefaultAsync<AgreementView>(OutcomeSql.AgreementOf, new { DisputeId = before.Id }, cancellationToken)
            : null;
        if (agreement is null)
        {
            throw new ConflictException("no_agreement", "Judicial confirmation is applied for an agreement.");
        }

        if (agreement.ConfirmationAppliedOn is not null)
        {
            throw new ConflictException("confirmation_already_applied", string.Create(CultureInfo.InvariantCulture, $"The parties applied to {agreement.ConfirmationCourt} on {agreement.ConfirmationAppliedOn:yyyy-MM-dd}."));
        }

        if (command.AppliedOn < agreement.EffectiveOn || command.AppliedOn > agreement.ConfirmationDueOn)
        {
            throw RoomStore.Invalid(nameof(ApplyForJudicialConfirmation.AppliedOn), string.Create(CultureInfo.InvariantCulture,
                $"Apply between the day the agreement took effect ({agreement.EffectiveOn:yyyy-MM-dd}) and the end of the window ({agreement.ConfirmationDueOn:yyyy-MM-dd})."));
        }

        await session.ExecuteVersionedAsync(ConfirmationSql.TouchDispute, new { before.Id, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        await session.ExecuteAsync(ConfirmationSql.Apply, new { DisputeId = before.Id, command.AppliedOn, Court = command.Court.Trim() }, cancellationToken);
        audit.Record(new AuditEntry("mediation.confirmation_applied", "mediation_dispute", before.Id, new { before.Version },
            new { command.AppliedOn, command.Court, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class ApplyForJudicialConfirmationEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/{id:guid}/judicial-confirmation", Handle)
            .WithName("ApplyForJudicialConfirmation")
            .WithSummary("Records the parties' application to a court for judicial confirmation of their agreement, within the window; needs If-Match.")
            .WithDescription("Records that the parties applied to a court for judicial confirmation (司法确认) of their agreement: the court and the day, which must fall within the window fixed when the agreement was recorded (400 on appliedOn otherwise). Recorded once: 409 no_agreement or confirmation_already_applied.")
            .ProducesETag()
            .RequireCapability(Capability.MediateDisputes)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, ApplyForJudicialConfirmation request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { DisputeId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
