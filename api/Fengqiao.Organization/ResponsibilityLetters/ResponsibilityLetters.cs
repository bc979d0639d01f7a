using Fengqiao.BuildingBlocks.Auth;

namespace Fengqiao.Organization.ResponsibilityLetters;

/// <summary>
/// A responsibility letter 责任书 of a year, signed between a region (and optionally one of its units) and a region
/// directly below it: district with town, town with village.
/// </summary>
internal sealed record ResponsibilityLetterItem
{
    public required Guid Id { get; init; }

    public required int Year { get; init; }

    public required Guid IssuingRegionId { get; init; }

    public required string IssuingRegionName { get; init; }

    public required Guid? IssuingUnitId { get; init; }

    public required string? IssuingUnitName { get; init; }

    public required Guid ReceivingRegionId { get; init; }

    public required string ReceivingRegionName { get; init; }

    /// <summary>The level of the receiving region: district, town or village.</summary>
    public required RegionLevel ReceivingLevel { get; init; }

    public required Guid? ReceivingUnitId { get; init; }

    public required string? ReceivingUnitName { get; init; }

    public required DateOnly SignedOn { get; init; }

    public IReadOnlyList<Signatory> Signatories { get; init; } = [];

    /// <summary>The signed letter as uploaded, once it is.</summary>
    public required LetterFile? File { get; init; }

    /// <summary>When and why the letter was withdrawn; a withdrawn letter no longer counts and changes no more.</summary>
    public required LetterWithdrawal? Withdrawal { get; init; }

    public required long Version { get; init; }

    internal string ReceivingRegionPath { get; init; } = string.Empty;

    internal string IssuingRegionPath { get; init; } = string.Empty;
}

/// <summary>One who signed, e.g. 王强, 镇长.</summary>
internal sealed record Signatory(string Name, string Post);

internal sealed record LetterWithdrawal(DateTimeOffset WithdrawnAt, string Reason);

internal sealed record LetterFile(string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

/// <summary>Keyset of the letter list: by year (newest first), then receiving region.</summary>
internal sealed record ResponsibilityLetterCursor(int Year, string ReceivingRegionPath, Guid Id);
