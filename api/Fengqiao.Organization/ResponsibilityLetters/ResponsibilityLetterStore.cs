using System.Text.Json;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;

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
        Version = Version,
    };
}

/// <summary>Reads of letters within the caller's jurisdiction (that of the receiving region).</summary>
internal sealed class ResponsibilityLetterStore(IDbSession session, ICurrentUser caller)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ResponsibilityLetterItem> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleInJurisdictionAsync<ResponsibilityLetterRow>(caller, ResponsibilityLetterSql.GetInJurisdiction, new { Id = id }, cancellationToken)
            ?? throw new NotFoundException("ResponsibilityLetter");
        return row.ToItem();
    }

    public static string WriteSignatories(IEnumerable<Signatory> signatories) =>
        JsonSerializer.Serialize(signatories.Select(s => new Signatory(s.Name.Trim(), s.Post.Trim())).ToList(), Json);

    public static IReadOnlyList<Signatory> ReadSignatories(string json) =>
        JsonSerializer.Deserialize<List<Signatory>>(json, Json) ?? [];
}
