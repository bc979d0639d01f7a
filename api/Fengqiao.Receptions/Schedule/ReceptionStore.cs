using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.Receptions.Schedule;

/// <summary>A reception row as read for details or a change.</summary>
internal sealed record ReceptionRow
{
    public required Guid Id { get; init; }

    public required ReceptionKind Kind { get; init; }

    public required ReceptionStatus Status { get; init; }

    public required ReceptionLevel Level { get; init; }

    public required Guid? HostUserId { get; init; }

    public required string? HostName { get; init; }

    public required Guid? UnitId { get; init; }

    public required string? UnitName { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionPath { get; init; }

    public required string RegionName { get; init; }

    public required DateOnly Day { get; init; }

    public required string StartsAt { get; init; }

    public required string EndsAt { get; init; }

    public required string Place { get; init; }

    public required string? Theme { get; init; }

    public required string? Purpose { get; init; }

    public required bool IsPublished { get; init; }

    public required Guid? PetitionId { get; init; }

    public required string? PetitionNumber { get; init; }

    public required string? CancelReason { get; init; }

    public required DateTimeOffset? HeldAt { get; init; }

    public required DateTimeOffset? CancelledAt { get; init; }

    public required long Version { get; init; }
}

/// <summary>Loads receptions within the caller's jurisdiction (404 outside, as missing) and checks the version read (412).</summary>
internal sealed class ReceptionStore(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory, TimeProvider clock)
{
    public DateOnly Today => WorkCalendar.LocalDate(clock.GetUtcNow());

    public async Task<ReceptionRow> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await session.QuerySingleInJurisdictionAsync<ReceptionRow>(caller, ReceptionSql.ById, new { Id = id }, cancellationToken)
        ?? throw new NotFoundException("Reception");

    /// <summary>The reception for <paramref name="action"/>: 404 when not visible, 412 when stale, 403 or 409 when <see cref="ReceptionActions"/> refuses.</summary>
    public async Task<ReceptionRow> GetForChangeAsync(Guid id, long expectedVersion, ReceptionAction action, CancellationToken cancellationToken)
    {
        var row = await GetAsync(id, cancellationToken);
        if (row.Version != expectedVersion)
        {
            throw new PreconditionFailedException(row.Version);
        }

        ReceptionActions.Require(action, row.Kind, row.Status, row.HostUserId, caller);
        return row;
    }

    /// <summary>The region a reception takes place in: within the caller's jurisdiction and the host's region subtree, else a 400 on the field.</summary>
    public async Task<RegionSnapshot> RegionWithinAsync(Guid regionId, string hostRegionPath, string field, CancellationToken cancellationToken)
    {
        var region = await directory.FindRegionAsync(regionId, cancellationToken);
        if (region is null || !Jurisdiction.Contains(caller, region.Path))
        {
            throw Invalid(field, "No such region in your jurisdiction.");
        }

        return Jurisdiction.Contains(hostRegionPath, region.Path)
            ? region
            : throw Invalid(field, "The place lies outside the receiving leader's or unit's region.");
    }

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
