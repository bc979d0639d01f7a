using FluentValidation;

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

    /// <summary>The unit this one reports to, e.g. a town's mediation committee to the town government.</summary>
    public required Guid? ParentUnitId { get; init; }

    public required string? ParentUnitName { get; init; }

    public required string? ContactPhone { get; init; }

    public required string? ContactAddress { get; init; }

    /// <summary>Set once the unit is retired: it keeps its name for history and is offered for no new work or user.</summary>
    public required DateTimeOffset? RetiredAt { get; init; }

    public required long Version { get; init; }

    internal string RegionPath { get; init; } = string.Empty;
}

/// <summary>Keyset of the unit list: units are listed by region, then name.</summary>
internal sealed record UnitCursor(string RegionPath, string Name, Guid Id);

/// <summary>What an administrator sets on a unit when creating or changing it; a change of region moves it.</summary>
internal interface IUnitFields
{
    string Name { get; }

    UnitKind Kind { get; }

    Guid RegionId { get; }

    Guid? ParentUnitId { get; }

    string? ContactPhone { get; }

    string? ContactAddress { get; }
}

internal static class UnitFieldRules
{
    public static void AddUnitFieldRules<T>(this AbstractValidator<T> validator)
        where T : IUnitFields
    {
        validator.RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        validator.RuleFor(c => c.Kind).IsInEnum();
        validator.RuleFor(c => c.RegionId).NotEmpty();
        validator.RuleFor(c => c.ParentUnitId).NotEqual(Guid.Empty);
        validator.RuleFor(c => c.ContactPhone).MaximumLength(40).Matches(@"^[0-9+\-() ]+$")
            .WithMessage("Digits, spaces and + - ( ) only.").When(c => !string.IsNullOrEmpty(c.ContactPhone));
        validator.RuleFor(c => c.ContactAddress).MaximumLength(200);
    }
}
