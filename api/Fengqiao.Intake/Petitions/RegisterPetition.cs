using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Intake.Rules;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Intake.Petitions;

/// <summary>Staff register a petition received through any channel, for a region within their jurisdiction.</summary>
internal sealed record RegisterPetition(
    Channel Channel,
    IReadOnlyList<PetitionerInput> Petitioners,
    int Persons,
    string Request,
    string Facts,
    string Reasons,
    string Category,
    Guid RegionId,
    DateTimeOffset ReceivedAt,
    string? ChannelReference,
    bool Urgent,
    bool CrossBoundary) : ICommand<RegisteredPetition>;

internal sealed class RegisterPetitionValidator : AbstractValidator<RegisterPetition>
{
    public RegisterPetitionValidator(IntakeRules rules, TimeProvider clock)
    {
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.Petitioners).NotEmpty().Must(p => p is null || p.Count <= 50).WithMessage("At most 50 petitioners.");
        RuleForEach(c => c.Petitioners).NotNull().SetValidator(new PetitionerValidator(clock));
        RuleFor(c => c.Persons).InclusiveBetween(1, 100_000);
        RuleFor(c => c.Persons).GreaterThanOrEqualTo(c => c.Petitioners == null ? 1 : c.Petitioners.Count)
            .WithMessage("The number of persons cannot be smaller than the number of petitioners listed.");
        RuleFor(c => c.Petitioners)
            .Must((c, petitioners) => petitioners is null || c.Persons < rules.CollectiveThreshold || petitioners.Count(p => p is { IsRepresentative: true }) <= rules.MaxRepresentatives(c.Persons))
            .WithMessage(c => $"A group of {c.Persons} may send at most {rules.MaxRepresentatives(c.Persons)} representatives ({rules.RuleSet} rules).");
        RuleFor(c => c.Request).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Facts).NotNull().MaximumLength(8000);
        RuleFor(c => c.Reasons).NotNull().MaximumLength(4000);
        RuleFor(c => c.Category).NotEmpty().MaximumLength(40);
        RuleFor(c => c.RegionId).NotEmpty();
        RuleFor(c => c.ReceivedAt)
            .Must(at => at <= clock.GetUtcNow().AddMinutes(5)).WithMessage("The received time cannot be in the future.")
            .Must(at => at >= clock.GetUtcNow().AddYears(-2)).WithMessage("The received time is more than two years ago.");
        RuleFor(c => c.ChannelReference).MaximumLength(100);
        RuleFor(c => c.ChannelReference).NotEmpty().When(c => c.Channel is Channel.Hotline12345 or Channel.BusinessHotline)
            .WithMessage("Hotline petitions carry the 12345 work-order number.");
    }
}

internal sealed class PetitionerValidator : AbstractValidator<PetitionerInput>
{
    public PetitionerValidator(TimeProvider clock)
    {
        RuleFor(p => p.Name).NotEmpty().MaximumLength(50);
        RuleFor(p => p.IdNumber)
            .Must(id => IdentityNumbers.IsValidIdNumber(id!.Trim(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
            .When(p => !string.IsNullOrWhiteSpace(p.IdNumber))
            .WithMessage("Not a valid resident identity number (GB 11643: 18 characters with a matching check digit).");
        RuleFor(p => p.Phone)
            .Must(phone => IdentityNumbers.IsValidPhone(IdentityNumbers.NormalisePhone(phone!)))
            .When(p => !string.IsNullOrWhiteSpace(p.Phone))
            .WithMessage("Not a mainland mobile (1xxxxxxxxxx) or landline with area code (0xxx-xxxxxxxx).");
        RuleFor(p => p.Address).MaximumLength(200);
    }
}

internal sealed class RegisterPetitionHandler(
    ICurrentUser caller,
    IOrganizationDirectory directory,
    PetitionRegistrar registrar,
    PetitionCategories categories,
    IAuditLog audit,
    IEventPublisher events,
    PetitionReader reader,
    TimeProvider clock) : ICommandHandler<RegisterPetition, RegisteredPetition>
{
    public async ValueTask<RegisteredPetition> Handle(RegisterPetition command, CancellationToken cancellationToken)
    {
        var region = await directory.FindRegionAsync(command.RegionId, cancellationToken);
        if (region is null || !Jurisdiction.Contains(caller.RegionPath, region.Path))
        {
            throw Invalid(nameof(RegisterPetition.RegionId), "No such region in your jurisdiction.");
        }

        if (!await categories.ExistsAsync(command.Category, cancellationToken))
        {
            throw Invalid(nameof(RegisterPetition.Category), "Unknown category.");
        }

        var unit = caller.UnitId is { } unitId ? await directory.FindUnitAsync(unitId, cancellationToken) : null;
        var registered = await registrar.RegisterAsync(
            new NewPetition(command.Channel, command.Petitioners, command.Persons, command.Request.Trim(), command.Facts.Trim(), command.Reasons.Trim(),
                command.Category, region, command.ReceivedAt, command.ChannelReference?.Trim(), command.Urgent, command.CrossBoundary),
            new Registrar(caller.UnitId, unit?.Name, caller.RegionPath, caller.UserId),
            null,
            null,
            cancellationToken);

        audit.Record(new AuditEntry("petition.registered", "petition", registered.Id, After: new { registered.Number, command.Channel, command.Category, command.RegionId, registered.Flags }));
        events.Publish(new PetitionRegistered(Guid.CreateVersion7(), clock.GetUtcNow(), registered.Id, registered.Number, command.Channel.ToString(), command.Category,
            region.Id, region.Path, command.ReceivedAt, registered.Flags.Select(f => f.Flag.ToSnakeCase()).Distinct().ToList(), command.Persons));

        // The registering caller is told only what it could read in the petition afterwards.
        return registered with { Flags = await reader.FlagsAsSeenAsync(registered.Flags, cancellationToken) };
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}

internal static class RegisterPetitionEndpoint
{
    public static void Map(IEndpointRouteBuilder petitions) =>
        petitions.MapPost("/", Handle)
            .WithName("RegisterPetition")
            .WithDescription("Staff register a petition received by letter, phone, visit, the 12345 hotline or any other channel, for a region within their jurisdiction. The server numbers it, flags it (first-time, repeat, skip-level, collective, final matter, ...) with the reasons, and sets the acceptance deadline. 400 lists invalid fields (an ID number with a wrong check digit, too many representatives for the group's size, a hotline petition without its work-order number, a received time in the future).")
            .ProducesETag()
            .WithSummary("Registers a petition from any channel; computes its number, flags and acceptance deadline.")
            .RequireCapability(Capability.RegisterPetition)
            .WithIdempotency()
            .ProducesValidationProblem()
            .WithRequestExample(Example);

    private static readonly RegisterPetition Example = new(
        Channel.Visit,
        [new PetitionerInput("王建国", "33060219680512123X", "13905751234", "越城区府山街道胜利西路 18 号 3 幢", IsRepresentative: false)],
        Persons: 1,
        Request: "请求督促开发商按合同约定交付房产证。",
        Facts: "2021 年购买的商品房至今未办理不动产权证，多次向开发商反映无果。",
        Reasons: "购房合同约定交房后 360 日内办证，开发商已逾期两年。",
        Category: "urban_rural_construction",
        RegionId: Guid.Parse("0193b2c4-5e6f-7a81-9b2c-3d4e5f6a7b8c"),
        ReceivedAt: new DateTimeOffset(2026, 3, 9, 9, 30, 0, TimeSpan.FromHours(8)),
        ChannelReference: null,
        Urgent: false,
        CrossBoundary: false);

    private static async Task<Created<RegisteredPetition>> Handle(RegisterPetition request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var registered = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, registered.Version);
        return TypedResults.Created($"/api/v1/petitions/{registered.Id}", registered);
    }
}
