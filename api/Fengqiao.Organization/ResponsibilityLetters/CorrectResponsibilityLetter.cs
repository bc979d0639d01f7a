using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.ResponsibilityLetters;

/// <summary>
/// Corrects what was recorded wrongly on a letter: its units, signatories and signing day, with the reason, which the audit
/// trail keeps beside the letter before and after. The year and the two regions make the letter: a wrong one is withdrawn
/// and the right one signed.
/// </summary>
internal sealed record CorrectResponsibilityLetter(Guid? IssuingUnitId, Guid? ReceivingUnitId, IReadOnlyList<Signatory> Signatories, DateOnly SignedOn, string Reason)
    : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid LetterId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class CorrectResponsibilityLetterValidator : AbstractValidator<CorrectResponsibilityLetter>
{
    public CorrectResponsibilityLetterValidator()
    {
        RuleFor(c => c.IssuingUnitId).NotEqual(Guid.Empty);
        RuleFor(c => c.ReceivingUnitId).NotEqual(Guid.Empty);
        RuleFor(c => c.Signatories).NotEmpty().Must(s => s is null || s.Count <= SignResponsibilityLetterValidator.MaxSignatories)
            .WithMessage($"At most {SignResponsibilityLetterValidator.MaxSignatories} signatories.");
        RuleForEach(c => c.Signatories).SetValidator(new SignatoryValidator());
        RuleFor(c => c.SignedOn).Must(d => d.Year >= 1999).WithMessage("A date from 1999 on.");
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

internal sealed class CorrectResponsibilityLetterHandler(IDbSession session, ResponsibilityLetterStore store, IEventPublisher events, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<CorrectResponsibilityLetter, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(CorrectResponsibilityLetter command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.LetterId, command.ExpectedVersion, cancellationToken);
        await store.CheckUnitAsync(command.IssuingUnitId, before.IssuingRegionId, nameof(CorrectResponsibilityLetter.IssuingUnitId), cancellationToken);
        await store.CheckUnitAsync(command.ReceivingUnitId, before.ReceivingRegionId, nameof(CorrectResponsibilityLetter.ReceivingUnitId), cancellationToken);
        var now = clock.GetUtcNow();
        // As when it was signed: a day of the letter's year or the end of the one before, and not ahead.
        if ((command.SignedOn.Year != before.Year && command.SignedOn.Year != before.Year - 1) || command.SignedOn > WorkCalendar.LocalDate(now))
        {
            throw ResponsibilityLetterStore.Invalid(nameof(CorrectResponsibilityLetter.SignedOn), "A day of the letter's year or of the year before, not ahead.");
        }

        await session.ExecuteVersionedAsync(
            ResponsibilityLetterSql.Correct,
            new
            {
                before.Id,
                command.IssuingUnitId,
                command.ReceivingUnitId,
                Signatories = ResponsibilityLetterStore.WriteSignatories(command.Signatories),
                command.SignedOn,
                command.ExpectedVersion,
            },
            command.ExpectedVersion,
            cancellationToken);
        var after = await store.GetAsync(before.Id, cancellationToken);
        audit.Record(new AuditEntry("responsibility_letter.corrected", "responsibility_letter", before.Id, before, new { Letter = after, Reason = command.Reason.Trim() }));
        events.Publish(new ResponsibilityLetterCorrected(Guid.CreateVersion7(now), now, before.Id, before.Year, before.IssuingRegionId, before.IssuingRegionPath,
            before.ReceivingRegionId, before.ReceivingRegionPath, before.ReceivingLevel.ToString().ToLowerInvariant(), command.SignedOn));
        return new EntityVersion(after.Id, after.Version);
    }
}

internal static class CorrectResponsibilityLetterEndpoint
{
    public static void Map(IEndpointRouteBuilder letters) =>
        letters.MapPut("/{id:guid}", Handle)
            .WithName("CorrectResponsibilityLetter")
            .WithDescription("Corrects a letter's units, signatories and signing day, giving the reason; the audit trail keeps the letter before and after. The year and the two regions stay: a letter between the wrong regions is withdrawn and the right one signed. If-Match carries the ETag read. 400 names the field for a unit not of its side's region or a day outside the letter's year and the year before; 404 unless the issuing region lies in the caller's jurisdiction; 409 `responsibility_letter_withdrawn` once withdrawn.")
            .ProducesETag()
            .WithSummary("Corrects a letter's units, signatories and signing day, with the reason; needs If-Match. 404 unless the issuing region is in the caller's jurisdiction; 409 once withdrawn.")
            .RequireCapability(Capability.ManageJointMeetingsAndLetters)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, CorrectResponsibilityLetter request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var corrected = await sender.Send(request with { LetterId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, corrected.Version);
        return TypedResults.Ok(corrected);
    }
}
