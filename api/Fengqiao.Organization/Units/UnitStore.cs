using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.Organization.Units;

/// <summary>Where a unit goes: its region's path, checked with its parent and name by <see cref="UnitStore.PlaceAsync"/>.</summary>
internal sealed record UnitPlacement(string RegionPath);

internal sealed record ParentCandidate
{
    public required Guid Id { get; init; }

    public required string RegionPath { get; init; }

    public required Guid? ParentUnitId { get; init; }
}

/// <summary>Reads and checks of units for the administrator's changes, always within the caller's jurisdiction.</summary>
internal sealed class UnitStore(IDbSession session, ICurrentUser caller)
{
    // Parent chains are a few levels deep; a longer walk means the data already holds a loop.
    private const int MaxParentDepth = 32;

    public async Task<UnitItem> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await session.QuerySingleInJurisdictionAsync<UnitItem>(caller, UnitSql.GetInJurisdiction, new { Id = id }, cancellationToken)
            ?? throw new NotFoundException("Unit");

    /// <summary>The unit as the caller read it: 404 outside jurisdiction, 409 once retired, 412 when the version moved on.</summary>
    public async Task<UnitItem> GetForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var unit = await GetAsync(id, cancellationToken);
        if (unit.RetiredAt is not null)
        {
            throw new ConflictException("unit_retired", "The unit is retired and can no longer change.");
        }

        return unit.Version == expectedVersion ? unit : throw new PreconditionFailedException(unit.Version);
    }

    /// <summary>
    /// Checks that the region and the parent unit are active ones of the caller's jurisdiction (400 naming the field),
    /// that the parent's region holds the unit's (a unit reports to one at its level or above), that the parent is not
    /// the unit or one below it, and that no other active unit of the region has the name (409).
    /// </summary>
    public async Task<UnitPlacement> PlaceAsync(Guid unitId, IUnitFields fields, CancellationToken cancellationToken)
    {
        var regionPath = await session.QuerySingleInJurisdictionAsync<string>(caller, UnitSql.ActiveRegionPathInJurisdiction, new { fields.RegionId }, cancellationToken)
            ?? throw Invalid(nameof(IUnitFields.RegionId), "No such active region in your jurisdiction.");
        if (fields.ParentUnitId is { } parentId)
        {
            var parent = await session.QuerySingleInJurisdictionAsync<ParentCandidate>(caller, UnitSql.ActiveParentInJurisdiction, new { Id = parentId }, cancellationToken)
                ?? throw Invalid(nameof(IUnitFields.ParentUnitId), "No such active unit in your jurisdiction.");
            if (!Jurisdiction.Contains(parent.RegionPath, regionPath))
            {
                throw Invalid(nameof(IUnitFields.ParentUnitId), "The parent unit must belong to the unit's region or a region above it.");
            }

            if (await ReachesAsync(parent, unitId, cancellationToken))
            {
                throw Invalid(nameof(IUnitFields.ParentUnitId), "A unit cannot report to itself or to a unit below it.");
            }
        }

        if (await session.ExecuteScalarAsync<long>(UnitSql.ActiveNameTaken, new { fields.RegionId, fields.Name, Id = unitId }, cancellationToken) > 0)
        {
            throw new ConflictException("unit_name_taken", $"The region already has an active unit named '{fields.Name}'.");
        }

        return new UnitPlacement(regionPath);
    }

    /// <summary>Whether walking up from <paramref name="start"/> through parent units meets <paramref name="unitId"/>.</summary>
    private async Task<bool> ReachesAsync(ParentCandidate start, Guid unitId, CancellationToken cancellationToken)
    {
        Guid? current = start.Id;
        for (var depth = 0; current is { } id && depth < MaxParentDepth; depth++)
        {
            if (id == unitId)
            {
                return true;
            }

            current = depth == 0 ? start.ParentUnitId : await session.QuerySingleOrDefaultAsync<Guid?>(UnitSql.ParentOf, new { Id = id }, cancellationToken);
        }

        return current is not null;
    }

    /// <summary>Contact details left blank are stored as absent.</summary>
    public static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ValidationException Invalid(string property, string message) =>
        new([new ValidationFailure(property, message)]);
}
