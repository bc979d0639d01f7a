namespace Fengqiao.Organization.Units;

internal enum UnitKind
{
    PetitionBureau,
    FunctionalDepartment,
    TownGovernment,
    VillageCommittee,
    MediationCommittee,
    DisciplineInspection,
}

internal sealed record UnitItem
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required UnitKind Kind { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    internal string RegionPath { get; init; } = string.Empty;
}

/// <summary>Keyset of the unit list: units are listed by region, then name.</summary>
internal sealed record UnitCursor(string RegionPath, string Name, Guid Id);
