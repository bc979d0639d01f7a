using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.Mediation.Rooms;

/// <summary>A room row as read for details or a change.</summary>
internal sealed record RoomRow
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required MediationRoomKind Kind { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionPath { get; init; }

    public required string RegionName { get; init; }

    public required string Address { get; init; }

    public required string OpeningHours { get; init; }

    public required string? Intro { get; init; }

    public required long Version { get; init; }
}

internal sealed record RoomSpecialtyRow(Guid RoomId, string DisputeType);

/// <summary>Loads rooms within the caller's jurisdiction (404 outside, as missing), checks the version read (412) and the places and types named.</summary>
internal sealed class RoomStore(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory)
{
    public async Task<RoomRow> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) ?? throw new NotFoundException("Mediation room");

    /// <summary>The room if it lies within the caller's jurisdiction, else null.</summary>
    public Task<RoomRow?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        session.QuerySingleInJurisdictionAsync<RoomRow>(caller, RoomSql.ById, new { Id = id }, cancellationToken);

    public async Task<RoomRow> GetForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var row = await GetAsync(id, cancellationToken);
        return row.Version == expectedVersion ? row : throw new PreconditionFailedException(row.Version);
    }

    /// <summary>A region within the caller's jurisdiction (and, when given, within <paramref name="withinPath"/>), else a 400 on the field.</summary>
    public async Task<RegionSnapshot> RegionAsync(Guid regionId, string field, string? withinPath, CancellationToken cancellationToken)
    {
        var region = await directory.FindRegionAsync(regionId, cancellationToken);
        if (region is null || !Jurisdiction.Contains(caller, region.Path))
        {
            throw Invalid(field, "No such region in your jurisdiction.");
        }

        return withinPath is null || Jurisdiction.Contains(withinPath, region.Path)
            ? region
            : throw Invalid(field, "The region lies outside the room's region.");
    }

    public async Task<IReadOnlyList<DisputeType>> DisputeTypesAsync(CancellationToken cancellationToken) =>
        await session.QueryAsync<DisputeType>(RoomSql.DisputeTypes, null, cancellationToken);

    /// <summary>Refuses with a 400 on <paramref name="field"/> a dispute type the table does not hold.</summary>
    public async Task RequireKnownTypesAsync(IEnumerable<string> codes, string field, CancellationToken cancellationToken)
    {
        var known = (await DisputeTypesAsync(cancellationToken)).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        if (codes.FirstOrDefault(code => !known.Contains(code)) is { } unknown)
        {
            throw Invalid(field, $"Unknown dispute type '{unknown}'; expected one of: {string.Join(", ", known)}.");
        }
    }

    public async Task ReplaceSpecialtiesAsync(Guid roomId, IEnumerable<string> specialties, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(RoomSql.DeleteSpecialties, new { RoomId = roomId }, cancellationToken);
        foreach (var specialty in specialties.Distinct(StringComparer.Ordinal))
        {
            await session.ExecuteAsync(RoomSql.InsertSpecialty, new { RoomId = roomId, DisputeType = specialty }, cancellationToken);
        }
    }

    public async Task<ILookup<Guid, string>> SpecialtiesOfAsync(IReadOnlyCollection<Guid> roomIds, CancellationToken cancellationToken) =>
        roomIds.Count == 0
            ? Array.Empty<RoomSpecialtyRow>().ToLookup(r => r.RoomId, r => r.DisputeType)
            : (await session.QueryAsync<RoomSpecialtyRow>(RoomSql.SpecialtiesOf, new { RoomIds = IdTexts(roomIds) }, cancellationToken)).ToLookup(r => r.RoomId, r => r.DisputeType);

    /// <summary>Ids for an <c>IN @Ids</c> list: Dapper expands lists without the type handlers, so they go as the text both engines compare with.</summary>
    public static List<string> IdTexts(IEnumerable<Guid> ids) => ids.Distinct().Select(id => id.ToString("D")).ToList();

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
