using System.Text.Json;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.Organization.ResponsibilityLetters;

/// <summary>A letter as stored: signatories as JSON, the file's columns flat.</summary>
internal sealed record ResponsibilityLetterRow
{
    public required Guid Id { get; init; }

    public required int Year { get; init; }

    public required Guid IssuingRegionId { get; init; }

    public required string IssuingRegionName { get; init; }

    public required Guid? IssuingUnitId { get; init; }

    public required string? IssuingUnitName { get; init; }

    public required Guid ReceivingRegionId { get; init; }

    public required string ReceivingRegionName { get; init; }

    public required RegionLevel ReceivingLevel { get; init; }

    public required string ReceivingRegionPath { get; init; }

    public required Guid? ReceivingUnitId { get; init; }

    public required string? ReceivingUnitName { get; init; }

    public required string Signatories { get; init; }

    public required DateOnly SignedOn { get; init; }

    public required string? FileName { get; init; }

    public required string? FileContentType { get; init; }

    public required long? FileSizeBytes { get; init; }

    public required string? FileSha256 { get; init; }

    public required DateTimeOffset? FileUploadedAt { get; init; }

    public required string IssuingRegionPath { get; init; }

    public required DateTimeOffset? WithdrawnAt { get; init; }

    public required string? WithdrawalReason { get; init; }

    public required long Version { get; init; }

    public ResponsibilityLetterItem ToItem() => new()
    {
        Id = Id,
        Year = Year,
        IssuingRegionId = IssuingRegionId,
        IssuingRegionName = IssuingRegionName,
        IssuingUnitId = IssuingUnitId,
        IssuingUnitName = IssuingUnitName,
        ReceivingRegionId = ReceivingRegionId,
        ReceivingRegionName = ReceivingRegionName,
        ReceivingLevel = ReceivingLevel,
        ReceivingRegionPath = ReceivingRegionPath,
        ReceivingUnitId = ReceivingUnitId,
        ReceivingUnitName = ReceivingUnitName,
        SignedOn = SignedOn,
        Signatories = ResponsibilityLetterStore.ReadSignatories(Signatories),
        File = FileName is { } name && FileContentType is { } type && FileSizeBytes is { } size && FileSha256 is { } sha && FileUploadedAt is { } at
            ? new LetterFile(name, type, size, sha, at)
            : null,
        Withdrawal = WithdrawnAt is { } withdrawnAt ? new LetterWithdrawal(withdrawnAt, WithdrawalReason ?? string.Empty) : null,
        IssuingRegionPath = IssuingRegionPath,
        Version = Version,
    };
}

/// <summary>Reads of letters within the caller's jurisdiction (that of the receiving region), and the checks of changes to them.</summary>
internal sealed class ResponsibilityLetterStore(IDbSession session, ICurrentUser caller)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ResponsibilityLetterItem> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleInJurisdictionAsync<ResponsibilityLetterRow>(caller, ResponsibilityLetterSql.GetInJurisdiction, new { Id = id }, cancellationToken)
            ?? throw new NotFoundException("ResponsibilityLetter");
        return row.ToItem();
    }

    /// <summary>
    /// The letter as the caller read it, for a change by its issuing side: 404 unless the issuing region lies in the caller's
    /// jurisdiction (the receiving side reads the letter but records nothing on it), 409 once withdrawn, 412 when the version moved on.
    /// </summary>
    public async Task<ResponsibilityLetterItem> GetForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var letter = await GetAsync(id, cancellationToken);
        if (await session.QuerySingleInJurisdictionAsync<string>(
                caller, ResponsibilityLetterSql.RegionPathInJurisdiction, new { RegionId = letter.IssuingRegionId }, cancellationToken) is null)
        {
            throw new NotFoundException("ResponsibilityLetter");
        }

        if (letter.Withdrawal is not null)
        {
            throw new ConflictException("responsibility_letter_withdrawn", "The letter was withdrawn and can no longer change.");
        }

        return letter.Version == expectedVersion ? letter : throw new PreconditionFailedException(letter.Version);
    }

    /// <summary>A unit named on a side of the letter is an active unit of that side's region (400 naming the field).</summary>
    public async Task CheckUnitAsync(Guid? unitId, Guid regionId, string property, CancellationToken cancellationToken)
    {
        if (unitId is { } id && await session.ExecuteScalarAsync<long>(ResponsibilityLetterSql.ActiveUnitOfRegion, new { UnitId = id, RegionId = regionId }, cancellationToken) == 0)
        {
            throw Invalid(property, "The unit must be an active unit of its side's region.");
        }
    }

    public static ValidationException Invalid(string property, string message) => new([new ValidationFailure(property, message)]);

    public static string WriteSignatories(IEnumerable<Signatory> signatories) =>
        JsonSerializer.Serialize(signatories.Select(s => new Signatory(s.Name.Trim(), s.Post.Trim())).ToList(), Json);

    public static IReadOnlyList<Signatory> ReadSignatories(string json) =>
        JsonSerializer.Deserialize<List<Signatory>>(json, Json) ?? [];
}
