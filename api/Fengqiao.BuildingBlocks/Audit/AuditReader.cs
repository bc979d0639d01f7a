using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.BuildingBlocks.Audit;

/// <summary>Filters of the audit viewer; each is optional. <see cref="To"/> is exclusive.</summary>
public sealed record AuditFilter(Guid? ActorUserId, string? ObjectType, Guid? ObjectId, string? Action, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>The sort key of the last entry of a page: newest first, ties by id.</summary>
public sealed record AuditCursor(DateTimeOffset OccurredAt, Guid Id);

/// <summary>Reads of the platform-owned audit trail for the audit viewer, limited to what the caller may see.</summary>
public static class AuditReader
{
    /// <summary>Up to <paramref name="limit"/> entries after <paramref name="after"/> that the caller may see (see <see cref="AuditSql.List"/>).</summary>
    public static Task<IReadOnlyList<AuditRow>> ListAsync(
        IDbSession session, ICurrentUser caller, AuditFilter filter, AuditCursor? after, int limit, CancellationToken cancellationToken)
    {
        var parameters = Jurisdiction.Parameters(caller, new
        {
            filter.ActorUserId,
            filter.ObjectType,
            filter.ObjectId,
            filter.Action,
            filter.From,
            filter.To,
            AfterOccurredAt = after?.OccurredAt,
            AfterId = after?.Id,
            Limit = limit,
        });
        parameters.Add("SeesEntriesWithoutRegion", Jurisdiction.CoversWholeTree(caller));
        parameters.Add("IsDisciplineInspector", caller.IsInRole(Role.DisciplineInspector));
        return session.QueryAsync<AuditRow>(AuditSql.List(session.Dialect), parameters, cancellationToken);
    }
}
