using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Organization.Audit;

/// <summary>The unit and region of an actor who is not the signed-in caller, read in the session's own transaction.</summary>
internal sealed class AuditActors(IDbSession session) : IAuditActors
{
    public async Task<AuditActor?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<ActorRow>(AuditViewSql.Actor, new { UserId = userId }, cancellationToken) is { } row
            ? new AuditActor(row.UnitId, row.RegionPath)
            : null;

    private sealed record ActorRow
    {
        public required Guid UnitId { get; init; }

        public required string RegionPath { get; init; }
    }
}
