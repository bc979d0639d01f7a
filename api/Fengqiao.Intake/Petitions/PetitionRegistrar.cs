using System.Text.Json;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.BuildingBlocks.Text;
using Fengqiao.Contracts.Organization;
using Fengqiao.Intake.Duplicates;
using Fengqiao.Intake.Rules;

namespace Fengqiao.Intake.Petitions;

internal sealed record PetitionerInput(string Name, string? IdNumber, string? Phone, string? Address, bool IsRepresentative);

/// <summary>Who registers: a staff member's unit, or nobody for the public online form.</summary>
internal sealed record Registrar(Guid? UnitId, string? UnitName, string RegionPath, Guid? UserId);

internal sealed record NewPetition(
    Channel Channel,
    IReadOnlyList<PetitionerInput> Petitioners,
    int Persons,
    string Request,
    string Facts,
    string Reasons,
    string Category,
    RegionSnapshot Region,
    DateTimeOffset ReceivedAt,
    string? ChannelReference,
    bool Urgent,
    bool CrossBoundary);

internal sealed record RegisteredPetition(Guid Id, string Number, long Version, DateOnly AcceptanceDue, IReadOnlyList<FlagReason> Flags);

/// <summary>
/// Stores a new petition from any channel: number, flags with reasons, encrypted personal data, duplicate
/// index keys and the first timeline entry. Used by staff registration and the public online form.
/// </summary>
internal sealed class PetitionRegistrar(
    IDbSession session,
    DuplicateFinder duplicates,
    PetitionNumbers numbers,
    Timeline timeline,
    PersonalDataProtector protector,
    IntakeRules rules,
    WorkCalendar calendar,
    IOrganizationDirectory directory,
    TimeProvider clock)
{
    public const string CityName = "绍兴";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) } };

    public async Task<RegisteredPetition> RegisterAsync(NewPetition petition, Registrar registrar, string? trackingSecretHash, string? trackingCode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var idHashes = petition.Petitioners.Where(p => !string.IsNullOrWhiteSpace(p.IdNumber)).Select(p => protector.Hash(p.IdNumber!)).Distinct().ToList();
        var signature = TextSignature.Compute($"{petition.Request} {petition.Facts} {petition.Reasons}");
        var earlier = await duplicates.FindAsync(idHashes, petition.Region.Id, petition.Category, signature, petition.ReceivedAt, null, cancellationToken);
        var input = new FlagInput(petition.Channel, petition.Category, petition.Persons, petition.Urgent, petition.CrossBoundary, petition.Region.Path,
            registrar.RegionPath, earlier, new Dictionary<string, string>());
        // Names are looked up only for the rare petition whose reason names regions, not on every registration.
        var toName = PetitionFlagging.RegionsToName(input, rules);
        if (toName.Count > 0)
        {
            input = input with { RegionNames = (await directory.FindRegionsByPathAsync(toName, cancellationToken)).ToDictionary(r => r.Path, r => r.Name, StringComparer.Ordinal) };
        }

        var flags = PetitionFlagging.Compute(input, rules);

        var number = await numbers.NextAsync(petition.Region.DistrictName, CityName, WorkCalendar.LocalDate(petition.ReceivedAt).Year, cancellationToken);
        var acceptanceDue = rules.AcceptanceDue(WorkCalendar.LocalDate(petition.ReceivedAt), calendar);
        await session.ExecuteAsync(
            PetitionSql.InsertPetition,
            new PetitionInsert
            {
                Id = id,
                Number = number,
                Channel = petition.Channel.ToString(),
                Status = nameof(PetitionStatus.Registered),
                RegionId = petition.Region.Id,
                RegionPath = petition.Region.Path,
                RegionName = petition.Region.Name,
                RegistrarUnitId = registrar.UnitId,
                RegistrarRegionPath = registrar.RegionPath,
                RegisteredBy = registrar.UserId,
                ReceivedAt = petition.ReceivedAt,
                RegisteredAt = now,
                AcceptanceDue = acceptanceDue,
                Category = petition.Category,
                Persons = petition.Persons,
                RequestText = petition.Request,
                FactsText = petition.Facts,
                ReasonsText = petition.Reasons,
                ChannelReference = petition.ChannelReference,
                Flags = flags,
                ListedFlags = FlagVisibility.AsSeen(flags, earlier.Select(e => new RelatedPetition { Number = e.Number, IsVisible = !e.IsAccusation, IsAccusation = e.IsAccusation }).ToList()),
                TextSignature = TextSignature.Encode(signature),
                FirstPetitionerName = petition.Petitioners.Count > 0 ? petition.Petitioners[0].Name.Trim() : null,
                Decision = null,
                DecisionReason = null,
                DecisionNotice = null,
                LegalChannel = null,
                DecidedAt = null,
                TrackingCode = trackingCode,
                TrackingSecretHash = trackingSecretHash,
                Version = 1,
            },
            cancellationToken);

        for (var ordinal = 0; ordinal < petition.Petitioners.Count; ordinal++)
        {
            var person = petition.Petitioners[ordinal];
            var idNumber = string.IsNullOrWhiteSpace(person.IdNumber) ? null : person.IdNumber.Trim().ToUpperInvariant();
            var phone = string.IsNullOrWhiteSpace(person.Phone) ? null : IdentityNumbers.NormalisePhone(person.Phone);
            await session.ExecuteAsync(
                PetitionSql.InsertPetitioner,
                new
                {
                    Id = Guid.CreateVersion7(now),
                    PetitionId = id,
                    Ordinal = ordinal,
                    Name = person.Name.Trim(),
                    IdNumberCipher = idNumber is null ? null : protector.Encrypt(idNumber),
                    IdNumberHash = idNumber is null ? null : protector.Hash(idNumber),
                    IdNumberMasked = idNumber is null ? null : PersonalDataProtector.MaskIdNumber(idNumber),
                    PhoneCipher = phone is null ? null : protector.Encrypt(phone),
                    PhoneHash = phone is null ? null : protector.Hash(phone),
                    PhoneMasked = phone is null ? null : PersonalDataProtector.MaskPhone(phone),
                    Address = string.IsNullOrWhiteSpace(person.Address) ? null : person.Address.Trim(),
                    person.IsRepresentative,
                },
                cancellationToken);
        }

        foreach (var key in TextSignature.BandKeys(signature))
        {
            await session.ExecuteAsync(
                PetitionSql.InsertTextKey,
                new { BandKey = key, RegionId = petition.Region.Id, petition.Category, petition.ReceivedAt, PetitionId = id },
                cancellationToken);
        }

        await timeline.AddAsync(id, TimelineKind.Registered, true, number, registrar.UnitName, registrar.UserId, cancellationToken);
        return new RegisteredPetition(id, number, 1, acceptanceDue, flags);
    }

    /// <summary>A secret is shown once to the petitioner and stored only as a hash.</summary>
    public static JsonSerializerOptions FlagJson => Json;
}
