using System.Text.Json;
using Fengqiao.BuildingBlocks.Auth;

namespace Fengqiao.Intake.Petitions;

/// <summary>
/// One petition row as it is inserted, by the registrar (registered, undecided) and by the bulk loader (possibly decided already).
/// The name of the first petitioner is kept on the row so the worklist needs no look-up per row.
/// </summary>
internal sealed record PetitionInsert
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required string Channel { get; init; }

    public required string Status { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionPath { get; init; }

    /// <summary>The region's district path (null for a city-level region): the district worklist reads it by index.</summary>
    public string? DistrictPath => RegionPaths.AncestorAt(RegionPath, RegionLevel.District);

    /// <summary>The region's town path (null above town level): the town worklist reads it by index.</summary>
    public string? TownPath => RegionPaths.AncestorAt(RegionPath, RegionLevel.Town);

    public required string RegionName { get; init; }

    public required Guid? RegistrarUnitId { get; init; }

    public required string RegistrarRegionPath { get; init; }

    public required Guid? RegisteredBy { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required DateOnly AcceptanceDue { get; init; }

    public required string Category { get; init; }

    public required int Persons { get; init; }

    public required string RequestText { get; init; }

    public required string FactsText { get; init; }

    public required string ReasonsText { get; init; }

    public required string? ChannelReference { get; init; }

    /// <summary>The flags with their reasons; the flag columns and the stored reasons are derived from them.</summary>
    public required IReadOnlyList<FlagReason> Flags { get; init; }

    /// <summary>
    /// The flags as the worklist shows them to every reader, when they differ from <see cref="Flags"/>: without the earlier
    /// petitions that are accusation material (see <see cref="FlagVisibility"/>). The first-time, repeat and final-matter
    /// columns come from these, so a worklist row or filter never tells that a hidden accusation exists.
    /// </summary>
    public IReadOnlyList<FlagReason>? ListedFlags { get; init; }

    public bool IsFirstTime => Listed(PetitionFlag.FirstTime);

    public bool IsRepeat => Listed(PetitionFlag.Repeat);

    public bool IsSkipLevel => Has(PetitionFlag.SkipLevel);

    public bool IsCollective => Has(PetitionFlag.Collective);

    public bool IsBusiness => Has(PetitionFlag.BusinessEnvironment);

    public bool IsCrossBoundary => Has(PetitionFlag.CrossBoundary);

    public bool IsUrgent => Has(PetitionFlag.Urgent);

    public bool IsFinalMatter => Listed(PetitionFlag.FinalMatter);

    public string FlagReasons => JsonSerializer.Serialize(Flags, PetitionRegistrar.FlagJson);

    public required string TextSignature { get; init; }

    public required string? FirstPetitionerName { get; init; }

    public required string? Decision { get; init; }

    public required string? DecisionReason { get; init; }

    public required string? DecisionNotice { get; init; }

    public required string? LegalChannel { get; init; }

    public required DateTimeOffset? DecidedAt { get; init; }

    public required string? TrackingCode { get; init; }

    public required string? TrackingSecretHash { get; init; }

    public required long Version { get; init; }

    private bool Has(PetitionFlag flag) => Flags.Any(f => f.Flag == flag);

    private bool Listed(PetitionFlag flag) => (ListedFlags ?? Flags).Any(f => f.Flag == flag);
}
