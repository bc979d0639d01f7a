using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.PersonalData;

namespace Fengqiao.Mediation.Disputes;

/// <summary>A dispute row as read for details or a change.</summary>
internal sealed record DisputeRow
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required DisputeStatus Status { get; init; }

    public required string DisputeType { get; init; }

    public required string Summary { get; init; }

    public required string Claims { get; init; }

    public required decimal? AmountClaimed { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionPath { get; init; }

    public required string RegionName { get; init; }

    public required DisputeSource Source { get; init; }

    public required string? CourtName { get; init; }

    public required string? CourtCaseNumber { get; init; }

    public required Guid? PetitionId { get; init; }

    public required string? PetitionNumber { get; init; }

    public required Guid? RoomId { get; init; }

    public required string? RoomName { get; init; }

    public required Guid? LeadMediatorId { get; init; }

    public required string? LeadMediatorName { get; init; }

    public required string ApplicantNames { get; init; }

    public required string RespondentNames { get; init; }

    public required ConsentState ApplicantConsent { get; init; }

    public required ConsentState RespondentConsent { get; init; }

    public required string? Guidance { get; init; }

    public required string? WithdrawalReason { get; init; }

    public required string? FailureReason { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required DateTimeOffset? AcceptedAt { get; init; }

    public required DateTimeOffset? ClosedAt { get; init; }

    /// <summary>What the last return visit found of the agreement's performance; <see cref="PerformedOn"/> the visit that found it performed.</summary>
    public required Performance? Performance { get; init; }

    public required DateOnly? PerformedOn { get; init; }

    /// <summary>The mediation deadline of a type with a time limit, from acceptance, moved by pauses and agreed extensions.</summary>
    public required DateOnly? ClockDueOn { get; init; }

    public required DateTimeOffset? ClockPausedAt { get; init; }

    public required string? ClockPauseReason { get; init; }

    public required long ClockPausedDays { get; init; }

    public required long ClockExtendedDays { get; init; }

    public required long Version { get; init; }

    public DisputeState State => new(Status, ApplicantConsent, RespondentConsent, Performance);
}

/// <summary>What a new dispute is stored with, by a mediator's registration or a referral.</summary>
internal sealed record NewDispute(
    string Number,
    string DisputeType,
    string Summary,
    string Claims,
    decimal? AmountClaimed,
    Contracts.Organization.RegionSnapshot Region,
    DisputeSource Source,
    string? CourtName,
    string? CourtCaseNumber,
    Guid? PetitionId,
    string? PetitionNumber,
    Guid? RoomId,
    string? RoomName,
    Guid? LeadMediatorId,
    string? LeadMediatorName);

/// <summary>A party as given; a person's ID number and phone are protected before they are stored.</summary>
internal sealed record PartyInput(DisputeSide Side, PartyKind Kind, string Name, string? IdNumber, string? Phone, string? OrganisationCode);

/// <summary>Loads disputes within the caller's jurisdiction (404 outside, as missing), checks the version read (412), stores new ones.</summary>
internal sealed class DisputeStore(IDbSession session, ICurrentUser caller, PersonalDataProtector protector)
{
    private static readonly string[] DistrictSuffixes = ["区", "市", "县"];

    public async Task<DisputeRow> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await session.QuerySingleInJurisdictionAsync<DisputeRow>(caller, DisputeSql.ById, new { Id = id }, cancellationToken)
        ?? throw new NotFoundException("Dispute");

    public async Task<DisputeRow> GetForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var row = await GetAsync(id, cancellationToken);
        return row.Version == expectedVersion ? row : throw new PreconditionFailedException(row.Version);
    }

    /// <summary>The next number of the district (or the city) and year, e.g. <c>越城调-2026-000012</c>, from a counter row.</summary>
    public Task<string> NextNumberAsync(string? districtName, string regionName, int year, CancellationToken cancellationToken) =>
        NextNumberAsync(session, districtName, regionName, year, cancellationToken);

    /// <summary>The next number from the counter row, for a registration or for demo data loaded in the module's own unit of work.</summary>
    internal static async Task<string> NextNumberAsync(IDbSession session, string? districtName, string regionName, int year, CancellationToken cancellationToken)
    {
        var name = districtName ?? regionName;
        var prefix = (name.Length > 2 && DistrictSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)) ? name[..^1] : name) + "调";
        var parameters = new { Prefix = prefix, Year = year };
        if (await session.ExecuteAsync(DisputeSql.IncrementCounter, parameters, cancellationToken) == 0)
        {
            await session.ExecuteAsync(DisputeSql.InsertCounter, parameters, cancellationToken);
        }

        var value = await session.ExecuteScalarAsync<long>(DisputeSql.ReadCounter, parameters, cancellationToken);
        return $"{prefix}-{year}-{value:000000}";
    }

    public async Task InsertAsync(Guid id, NewDispute dispute, IReadOnlyList<PartyInput> parties, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(DisputeSql.Insert, new
        {
            Id = id,
            dispute.Number,
            dispute.DisputeType,
            dispute.Summary,
            dispute.Claims,
            dispute.AmountClaimed,
            RegionId = dispute.Region.Id,
            RegionPath = dispute.Region.Path,
            RegionName = dispute.Region.Name,
            Source = dispute.Source.ToString(),
            dispute.CourtName,
            dispute.CourtCaseNumber,
            dispute.PetitionId,
            dispute.PetitionNumber,
            dispute.RoomId,
            dispute.RoomName,
            dispute.LeadMediatorId,
            dispute.LeadMediatorName,
            ApplicantNames = NamesOf(parties, DisputeSide.Applicant),
            RespondentNames = NamesOf(parties, DisputeSide.Respondent),
            RegisteredBy = caller.UserId,
            RegisteredAt = now,
        }, cancellationToken);
        for (var i = 0; i < parties.Count; i++)
        {
            await session.ExecuteAsync(DisputeSql.InsertParty, Protected(id, i + 1, parties[i], now), cancellationToken);
        }
    }

    public async Task AddAssistantsAsync(Guid disputeId, IEnumerable<(Guid Id, string Name)> assistants, CancellationToken cancellationToken)
    {
        foreach (var (mediatorId, name) in assistants)
        {
            await session.ExecuteAsync(DisputeSql.InsertAssistant, new { DisputeId = disputeId, MediatorId = mediatorId, MediatorName = name }, cancellationToken);
        }
    }

    private static string NamesOf(IEnumerable<PartyInput> parties, DisputeSide side)
    {
        var names = string.Join("、", parties.Where(p => p.Side == side).Select(p => p.Name.Trim()));
        return names.Length <= 1000 ? names : names[..999] + "…";
    }

    /// <summary>Stores representatives of the dispute's sides, their ID numbers and phones protected as the parties' are.</summary>
    public async Task InsertRepresentativesAsync(Guid disputeId, IEnumerable<(Guid Id, IRepresentativeFields Representative)> representatives, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        foreach (var (id, representative) in representatives)
        {
            var contact = Protect(representative.IdNumber, representative.Phone);
            await session.ExecuteAsync(DisputeSql.InsertRepresentative, new
            {
                Id = id,
                DisputeId = disputeId,
                Side = representative.Side.ToString(),
                Name = representative.Name.Trim(),
                Role = representative.Role.ToString(),
                Relation = string.IsNullOrWhiteSpace(representative.Relation) ? null : representative.Relation.Trim(),
                contact.IdNumberCipher,
                contact.IdNumberHash,
                contact.IdNumberMasked,
                contact.PhoneCipher,
                contact.PhoneHash,
                contact.PhoneMasked,
                AddedBy = caller.UserId,
                AddedAt = now,
            }, cancellationToken);
        }
    }

    /// <summary>The keyed hashes a representative is matched by: the ID number's when given, and the phone's.</summary>
    public (string? IdNumberHash, string PhoneHash) MatchKeysOf(IRepresentativeFields representative)
    {
        var contact = Protect(representative.IdNumber, representative.Phone);
        return (contact.IdNumberHash, contact.PhoneHash!);
    }

    /// <summary>A party's contact details protected for storage: the organisation code, which is not personal data, as given.</summary>
    private object Protected(Guid disputeId, int ordinal, PartyInput party, DateTimeOffset now)
    {
        var contact = Protect(party.IdNumber, party.Phone);
        return new
        {
            Id = Guid.CreateVersion7(now),
            DisputeId = disputeId,
            Ordinal = ordinal,
            Side = party.Side.ToString(),
            Kind = party.Kind.ToString(),
            Name = party.Name.Trim(),
            contact.IdNumberCipher,
            contact.IdNumberHash,
            contact.IdNumberMasked,
            contact.PhoneCipher,
            contact.PhoneHash,
            contact.PhoneMasked,
            OrganisationCode = string.IsNullOrWhiteSpace(party.OrganisationCode) ? null : party.OrganisationCode.Trim().ToUpperInvariant(),
        };
    }

    /// <summary>
    /// A person's ID number and phone encrypted, keyed-hashed and masked by the platform's protector, as intake keeps petitioners':
    /// parties and representatives alike.
    /// </summary>
    private ProtectedContact Protect(string? rawIdNumber, string? rawPhone)
    {
        var idNumber = string.IsNullOrWhiteSpace(rawIdNumber) ? null : rawIdNumber.Trim().ToUpperInvariant();
        var phone = string.IsNullOrWhiteSpace(rawPhone) ? null : IdentityNumbers.NormalisePhone(rawPhone);
        return new ProtectedContact(
            idNumber is null ? null : protector.Encrypt(idNumber),
            idNumber is null ? null : protector.Hash(idNumber),
            idNumber is null ? null : PersonalDataProtector.MaskIdNumber(idNumber),
            phone is null ? null : protector.Encrypt(phone),
            phone is null ? null : protector.Hash(phone),
            phone is null ? null : PersonalDataProtector.MaskPhone(phone));
    }

    private sealed record ProtectedContact(
        string? IdNumberCipher, string? IdNumberHash, string? IdNumberMasked, string? PhoneCipher, string? PhoneHash, string? PhoneMasked);
}
