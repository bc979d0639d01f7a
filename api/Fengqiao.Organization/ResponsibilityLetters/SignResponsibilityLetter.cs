using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Organization;
using Fengqiao.Organization.JointMeetings;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.ResponsibilityLetters;

/// <summary>
/// Records a responsibility letter of a year, signed level by level: the receiving region lies directly below the issuing
/// one (district → town, town → village), which is in the caller's jurisdiction. Units, when named, belong to their side's
/// region. One letter per year and pair of regions.
/// </summary>
internal sealed record SignResponsibilityLetter(
    int Year, Guid IssuingRegionId, Guid? IssuingUnitId, Guid ReceivingRegionId, Guid? ReceivingUnitId, IReadOnlyList<Signatory> Signatories, DateOnly SignedOn)
    : ICommand<EntityVersion>;

internal sealed class SignResponsibilityLetterValidator : AbstractValidator<SignResponsibilityLetter>
{
    public const int MaxSignatories = 10;

    public SignResponsibilityLetterValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100);
        RuleFor(c => c.IssuingRegionId).NotEmpty();
        RuleFor(c => c.IssuingUnitId).NotEqual(Guid.Empty);
        RuleFor(c => c.ReceivingRegionId).NotEmpty();
        RuleFor(c => c.ReceivingUnitId).NotEqual(Guid.Empty);
        RuleFor(c => c.Signatories).NotEmpty().Must(s => s is null || s.Count <= MaxSignatories).WithMessage($"At most {MaxSignatories} signatories.");
        RuleForEach(c => c.Signatories).SetValidator(new SignatoryValidator());
        // A year's letters are signed in that year, or at the end of the one before.
        RuleFor(c => c.SignedOn).Must((c, d) => d.Year == c.Year || d.Year == c.Year - 1).WithMessage("A day of the letter's year or of the year before.");
    }
}

internal sealed class SignatoryValidator : AbstractValidator<Signatory>
{
    public SignatoryValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(50);
        RuleFor(x => x.Post).NotEmpty().MaximumLength(100);
    }
}

internal sealed record LetterRegion
{
    public required Guid Id { get; init; }

    public required string Path { get; init; }

    public required string Level { get; init; }
}

internal sealed class SignResponsibilityLetterHandler(
    IDbSession session, ICurrentUser caller, ResponsibilityLetterStore store, IEventPublisher events, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<SignResponsibilityLetter, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(SignResponsibilityLetter command, CancellationToken cancellationToken)
    {
        var issuing = await session.QuerySingleInJurisdictionAsync<LetterRegion>(
                caller, ResponsibilityLetterSql.IssuingRegionInJurisdiction, new { RegionId = command.IssuingRegionId }, cancellationToken)
            ?? throw Invalid(nameof(SignResponsibilityLetter.IssuingRegionId), "No such active region in your jurisdiction.");
        var receiving = await session.QuerySingleOrDefaultAsync<LetterRegion>(
                ResponsibilityLetterSql.ReceivingRegionBelow, new { RegionId = command.ReceivingRegionId, ParentId = issuing.Id }, cancellationToken)
            ?? throw Invalid(nameof(SignResponsibilityLetter.ReceivingRegionId), "Letters are signed level by level: the receiving region must be an active region directly below the issuing one.");
        await store.CheckUnitAsync(command.IssuingUnitId, issuing.Id, nameof(SignResponsibilityLetter.IssuingUnitId), cancellationToken);
        await store.CheckUnitAsync(command.ReceivingUnitId, receiving.Id, nameof(SignResponsibilityLetter.ReceivingUnitId), cancellationToken);
        if (command.SignedOn > WorkCalendar.LocalDate(clock.GetUtcNow()))
        {
            throw Invalid(nameof(SignResponsibilityLetter.SignedOn), "A letter is recorded once signed.");
        }

        if (await session.ExecuteScalarAsync<long>(ResponsibilityLetterSql.PairSigned,
                new { command.Year, IssuingRegionId = issuing.Id, ReceivingRegionId = receiving.Id }, cancellationToken) > 0)
        {
            throw new ConflictException("responsibility_letter_exists", "The two regions already signed a letter for this year.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await session.ExecuteAsync(
            ResponsibilityLetterSql.Insert,
            new
            {
                Id = id,
                command.Year,
                IssuingRegionId = issuing.Id,
                IssuingRegionPath = issuing.Path,
                command.IssuingUnitId,
                ReceivingRegionId = receiving.Id,
                ReceivingRegionPath = receiving.Path,
                ReceivingLevel = receiving.Level,
                command.ReceivingUnitId,
                Signatories = ResponsibilityLetterStore.WriteSignatories(command.Signatories),
                command.SignedOn,
                Now = now,
            },
            cancellationToken);

        var created = await store.GetAsync(id, cancellationToken);
        events.Publish(new ResponsibilityLetterSigned(
            Guid.CreateVersion7(now), now, id, command.Year, issuing.Id, issuing.Path, receiving.Id, receiving.Path, receiving.Level.ToLowerInvariant(), command.SignedOn));
        audit.Record(new AuditEntry("responsibility_letter.signed", "responsibility_letter", id, After: created));
        return new EntityVersion(id, created.Version);
    }

    private static ValidationException Invalid(string property, string message) => ResponsibilityLetterStore.Invalid(property, message);
}

internal static class SignResponsibilityLetterEndpoint
{
    public static void Map(IEndpointRouteBuilder letters) =>
        letters.MapPost("/", Handle)
            .WithName("SignResponsibilityLetter")
            .WithDescription("Records the responsibility letter of a year signed between a region of the caller's jurisdiction and a region directly below it (district → town, town → village), with its signatories and signing day. 400 names the field when the regions are not one level apart or the day is outside the letter's year or the year before; 409 when the two regions already signed a letter for that year.")
            .ProducesETag()
            .WithSummary("Records a responsibility letter signed between a region of the caller's jurisdiction and a region directly below it. 400 naming issuingRegionId, receivingRegionId (not directly below: letters go level by level), a unit not of its side's region, or signedOn; 409 when the pair already signed one for the year.")
            .RequireCapability(Capability.ManageJointMeetingsAndLetters)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Created<EntityVersion>> Handle(SignResponsibilityLetter request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/responsibility-letters/{created.Id}", created);
    }
}
