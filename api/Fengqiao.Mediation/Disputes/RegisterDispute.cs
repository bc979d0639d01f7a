using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Mediation.Mediators;
using Fengqiao.Mediation.Rooms;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Disputes;

/// <summary>A party of a dispute: a person (ID number and phone optional, protected when given) or an organisation (its credit code).</summary>
internal sealed record DisputePartyInput(DisputeSide Side, PartyKind Kind, string Name, string? IdNumber, string? Phone, string? OrganisationCode);

/// <summary>
/// Registers a dispute brought to a room: its parties, type, summary and claims, the amount claimed, the region, how it came
/// (a court's referral names the court and case number) and the lead and assisting mediators, all serving in the room.
/// A referred petition opens its dispute itself. Each side may name representatives, as many as the rule set allows for the type.
/// </summary>
internal sealed record RegisterDispute(
    string DisputeType,
    string Summary,
    string Claims,
    decimal? AmountClaimed,
    Guid RegionId,
    DisputeSource Source,
    string? CourtName,
    string? CourtCaseNumber,
    Guid RoomId,
    Guid LeadMediatorId,
    IReadOnlyList<Guid>? AssistingMediatorIds,
    IReadOnlyList<DisputePartyInput> Parties,
    IReadOnlyList<DisputeRepresentativeInput>? Representatives = null) : ICommand<EntityVersion>;

internal sealed class RegisterDisputeValidator : AbstractValidator<RegisterDispute>
{
    public const int MaxParties = 20;

    public RegisterDisputeValidator(TimeProvider clock, IRuleSets ruleSets)
    {
        RuleFor(c => c.DisputeType).NotEmpty().MaximumLength(50);
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Claims).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.AmountClaimed).InclusiveBetween(0m, 1_000_000_000_000m).When(c => c.AmountClaimed is not null);
        RuleFor(c => c.RegionId).NotEmpty();
        RuleFor(c => c.Source).IsInEnum();
        RuleFor(c => c.Source).NotEqual(DisputeSource.ReferredPetition).WithMessage("A petition referred to mediation opens its dispute itself.");
        RuleFor(c => c.Source).NotEqual(DisputeSource.OnlineApplication).WithMessage("An online application comes from the party's own page.");
        RuleFor(c => c.CourtName).NotEmpty().MaximumLength(200).When(c => c.Source == DisputeSource.CourtPreLitigation).WithMessage("Name the referring court.");
        RuleFor(c => c.CourtCaseNumber).NotEmpty().MaximumLength(100).When(c => c.Source == DisputeSource.CourtPreLitigation).WithMessage("Give the court's case number.");
        RuleFor(c => c.CourtName).Null().When(c => c.Source != DisputeSource.CourtPreLitigation).WithMessage("Only a court's referral names a court.");
        RuleFor(c => c.CourtCaseNumber).Null().When(c => c.Source != DisputeSource.CourtPreLitigation).WithMessage("Only a court's referral has a case number.");
        RuleFor(c => c.RoomId).NotEmpty();
        RuleFor(c => c.LeadMediatorId).NotEmpty();
        RuleFor(c => c.AssistingMediatorIds).Must(ids => ids!.Count <= 5 && ids.Distinct().Count() == ids.Count && !ids.Contains(Guid.Empty))
            .When(c => c.AssistingMediatorIds is not null).WithMessage("Name up to five assisting mediators, each once.");
        RuleFor(c => c.Parties).NotEmpty().Must(p => p.Count <= MaxParties).WithMessage($"Name the parties, at most {MaxParties}.");
        RuleFor(c => c.Parties).Must(p => p.Any(x => x?.Side == DisputeSide.Applicant) && p.Any(x => x?.Side == DisputeSide.Respondent))
            .When(c => c.Parties is { Count: > 0 }).WithMessage("Name at least one applicant and one respondent.");
        RuleForEach(c => c.Parties).NotNull().ChildRules(party =>
        {
            party.RuleFor(p => p.Side).IsInEnum();
            party.RuleFor(p => p.Kind).IsInEnum();
            party.RuleFor(p => p.Name).NotEmpty().MaximumLength(100);
            party.RuleFor(p => p.IdNumber).Must(id => IdentityNumbers.IsValidIdNumber(id!.Trim(), WorkCalendar.LocalDate(clock.GetUtcNow())))
                .When(p => !string.IsNullOrWhiteSpace(p.IdNumber)).WithMessage("Not a valid resident ID number.");
            party.RuleFor(p => p.IdNumber).Empty().When(p => p.Kind == PartyKind.Organisation).WithMessage("An organisation has a credit code, not an ID number.");
            party.RuleFor(p => p.Phone).Must(phone => IdentityNumbers.IsValidPhone(IdentityNumbers.NormalisePhone(phone!)))
                .When(p => !string.IsNullOrWhiteSpace(p.Phone)).WithMessage("Not a valid phone number.");
            party.RuleFor(p => p.OrganisationCode).Matches("^[0-9A-HJ-NPQRTUWXY]{18}$").When(p => !string.IsNullOrWhiteSpace(p.OrganisationCode))
                .WithMessage("A unified social credit code has 18 characters.");
            party.RuleFor(p => p.OrganisationCode).Empty().When(p => p.Kind == PartyKind.Person).WithMessage("Only an organisation has a credit code.");
        });
        RuleForEach(c => c.Representatives).NotNull().SetValidator(new DisputeRepresentativeInputValidator(clock));
        RuleFor(c => c.Representatives)
            .Must((c, representatives) => representatives!.Where(r => r is not null).GroupBy(r => r.Side)
                .All(side => side.Count() <= RepresentativeLimits.PerSide(ruleSets, c.DisputeType)))
            .When(c => c.Representatives is { Count: > 0 } && !string.IsNullOrEmpty(c.DisputeType))
            .WithMessage(c => RepresentativeLimits.Exceeded(RepresentativeLimits.PerSide(ruleSets, c.DisputeType), c.DisputeType));
        RuleFor(c => c.Representatives)
            .Must(representatives => representatives!.Where(r => !string.IsNullOrWhiteSpace(r?.Phone)).Select(r => IdentityNumbers.NormalisePhone(r.Phone))
                .GroupBy(phone => phone).All(same => same.Count() == 1))
            .When(c => c.Representatives is { Count: > 0 })
            .WithMessage("Name each representative once.");
    }
}

internal sealed class RegisterDisputeHandler(
    DisputeStore disputes,
    RoomStore rooms,
    MediatorStore mediators,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock) : ICommandHandler<RegisterDispute, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RegisterDispute command, CancellationToken cancellationToken)
    {
        await rooms.RequireKnownTypesAsync([command.DisputeType], nameof(RegisterDispute.DisputeType), cancellationToken);
        var region = await rooms.RegionAsync(command.RegionId, nameof(RegisterDispute.RegionId), null, cancellationToken);
        var room = await rooms.FindAsync(command.RoomId, cancellationToken) ?? throw RoomStore.Invalid(nameof(RegisterDispute.RoomId), "No such room in your jurisdiction.");
        var serving = (await mediators.ServingOfAsync(room.Id, cancellationToken)).ToDictionary(m => m.Id);
        if (!serving.TryGetValue(command.LeadMediatorId, out var lead))
        {
            throw RoomStore.Invalid(nameof(RegisterDispute.LeadMediatorId), "The lead mediator is not serving in the room.");
        }

        var assistants = (command.AssistingMediatorIds ?? []).Select(id => serving.GetValueOrDefault(id)).ToList();
        if (assistants.Any(a => a is null || a.Id == lead.Id))
        {
            throw RoomStore.Invalid(nameof(RegisterDispute.AssistingMediatorIds), "Each assisting mediator serves in the room and is not the lead.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var number = await disputes.NextNumberAsync(region.DistrictName, region.Name, WorkCalendar.LocalDate(now).Year, cancellationToken);
        var parties = command.Parties.Select(p => new PartyInput(p.Side, p.Kind, p.Name, p.IdNumber, p.Phone, p.OrganisationCode)).ToList();
        await disputes.InsertAsync(id, new NewDispute(number, command.DisputeType, command.Summary.Trim(), command.Claims.Trim(), command.AmountClaimed, region,
            command.Source, command.CourtName?.Trim(), command.CourtCaseNumber?.Trim(), null, null, room.Id, room.Name, lead.Id, lead.Name), parties, now, cancellationToken);
        await disputes.AddAssistantsAsync(id, assistants.Select(a => (a!.Id, a.Name)), cancellationToken);
        var representatives = command.Representatives ?? [];
        await disputes.InsertRepresentativesAsync(id, representatives.Select(r => (Guid.CreateVersion7(now), (IRepresentativeFields)r)), now, cancellationToken);
        audit.Record(new AuditEntry("mediation.dispute_registered", "mediation_dispute", id, After: new
        {
            number, command.DisputeType, command.Source, RegionId = region.Id, RoomId = room.Id, LeadMediatorId = lead.Id, command.AmountClaimed, Parties = parties.Count, Representatives = representatives.Count,
        }));
        events.Publish(new DisputeOpened(Guid.CreateVersion7(now), now, id, number, command.DisputeType, command.Source.ToSnakeCase(), region.Id, region.Path,
            room.Id, null, command.AmountClaimed));
        return new EntityVersion(id, 1);
    }
}

internal static class RegisterDisputeEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/", Handle)
            .WithName("RegisterDispute")
            .WithDescription("Registers a dispute brought to a room: its parties (persons, with ID number and phone protected when given, or organisations by unified social credit code), type, summary and claims, amount claimed, region, source (a court's referral names the court and case number), the lead and up to five assisting mediators, all serving in the room, and each side's representatives (relation, contact phone and ID number protected), as many per side as the rule set allows for the type (e.g. five in medical disputes). A petition referred to mediation opens its dispute itself and is not registered here. 400 names the field.")
            .ProducesETag()
            .WithSummary("Registers a dispute brought to a room: parties, type, summary, claims, amount, region, source and mediators.")
            .RequireCapability(Capability.MediateDisputes)
            .WithIdempotency()
            .ProducesValidationProblem();

    private static async Task<Created<EntityVersion>> Handle(RegisterDispute request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/mediation/disputes/{created.Id}", created);
    }
}
