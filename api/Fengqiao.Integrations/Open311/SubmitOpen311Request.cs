using System.Globalization;
using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Fengqiao.Integrations.Open311;

/// <summary>
/// A GeoReport v2 request, as posted form-encoded: an online petition in the posting client's region, filed by intake's own
/// registration. The person is named by family and given name (at least one: a petition names its petitioner); lat/long and
/// address_string become the petition's facts. The specification's email has no place on a petition and is not kept.
/// </summary>
internal sealed record Open311NewRequest(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("lat")] double? Lat,
    [property: JsonPropertyName("long")] double? Long,
    [property: JsonPropertyName("address_string")] string? AddressString,
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name")] string? LastName,
    [property: JsonPropertyName("phone")] string? Phone) : ICommand<Open311Receipt>
{
    /// <summary>Unparseable coordinates are kept as NaN so validation names the field rather than dropping it.</summary>
    public static Open311NewRequest From(IFormCollection form)
    {
        static string? Text(IFormCollection form, string key) => form[key].ToString() is { Length: > 0 } value ? value.Trim() : null;
        static double? Coordinate(IFormCollection form, string key) => Text(form, key) is not { } text
            ? null
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
        return new Open311NewRequest(
            Text(form, "service_code") ?? string.Empty, Text(form, "description") ?? string.Empty, Coordinate(form, "lat"), Coordinate(form, "long"),
            Text(form, "address_string"), Text(form, "first_name"), Text(form, "last_name"), Text(form, "phone"));
    }

    /// <summary>The specification's field name for a validation failure, whether raised here or by intake's registration.</summary>
    public static string FieldOf(string property) => property switch
    {
        nameof(ServiceCode) or nameof(ReceivedPetition.Category) => "service_code",
        nameof(Description) or nameof(ReceivedPetition.Request) => "description",
        nameof(Lat) => "lat",
        nameof(Long) => "long",
        nameof(AddressString) or nameof(ReceivedPetition.Facts) => "address_string",
        nameof(FirstName) or nameof(LastName) => "first_name/last_name",
        _ when property.EndsWith(".Phone", StringComparison.Ordinal) || property == nameof(Phone) => "phone",
        _ when property.EndsWith(".Name", StringComparison.Ordinal) => "first_name/last_name",
        _ => property,
    };
}

internal sealed class Open311NewRequestValidator : AbstractValidator<Open311NewRequest>
{
    public Open311NewRequestValidator()
    {
        RuleFor(r => r.ServiceCode).NotEmpty().MaximumLength(40);
        RuleFor(r => r.Description).NotEmpty().MaximumLength(4000);
        RuleFor(r => r.Lat).InclusiveBetween(-90, 90).When(r => r.Lat is not null);
        RuleFor(r => r.Long).InclusiveBetween(-180, 180).When(r => r.Long is not null);
        RuleFor(r => r.AddressString).MaximumLength(200);
        RuleFor(r => r.AddressString).NotEmpty().When(r => r.Lat is null || r.Long is null).WithMessage("Give lat and long, or address_string.");
        RuleFor(r => r.LastName).NotEmpty().When(r => string.IsNullOrEmpty(r.FirstName)).WithMessage("A petition names its petitioner: give first_name or last_name.");
        RuleFor(r => $"{r.LastName}{r.FirstName}").MaximumLength(50).OverridePropertyName(nameof(Open311NewRequest.FirstName));
    }
}

internal sealed class SubmitOpen311RequestHandler(ICurrentUser caller, IOrganizationDirectory directory, IPetitionRegistration petitions, TimeProvider clock)
    : ICommandHandler<Open311NewRequest, Open311Receipt>
{
    public async ValueTask<Open311Receipt> Handle(Open311NewRequest command, CancellationToken cancellationToken)
    {
        // Open311 carries no region: the petition is the client's own region's, as the public form's would be the chosen one's.
        var regionPath = caller.RegionPath ?? string.Empty;
        var region = (await directory.FindRegionsByPathAsync([regionPath], cancellationToken)).SingleOrDefault()
            ?? throw new ValidationException([new ValidationFailure("region", "The API client's region is unknown.")]);
        var place = command.Lat is { } lat && command.Long is { } lon
            ? string.Create(CultureInfo.InvariantCulture, $"{command.AddressString} ({lat:0.######}, {lon:0.######})").Trim()
            : command.AddressString ?? string.Empty;
        // Chinese names put the family name first.
        var name = $"{command.LastName}{command.FirstName}";
        var petition = await petitions.RegisterAsync(
            new ReceivedPetition(
                "online",
                [new ReceivedPetitioner(name, null, command.Phone)],
                1,
                command.Description,
                place,
                command.ServiceCode,
                region.Id,
                clock.GetUtcNow(),
                false,
                new PetitionReceiver(caller.UserId, caller.UnitId, regionPath)),
            cancellationToken);
        var id = petition.Id.ToString();
        return new Open311Receipt(id, id, $"Registered as petition {petition.Number}; intake decides on accepting it within the statutory time.");
    }
}
