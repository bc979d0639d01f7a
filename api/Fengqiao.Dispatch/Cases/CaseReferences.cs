using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Dispatch;

namespace Fengqiao.Dispatch.Cases;

/// <summary>Cases other modules refer to, seen through the caller's own case visibility (<see cref="CaseStore.VisibleTo"/>).</summary>
internal sealed class CaseReferences(IDbSession session, CaseStore cases) : ICaseReferences
{
    public async Task<IReadOnlyList<CaseReference>> FindVisibleAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        // Ids as text: Dapper expands a list without the type handlers, and SQLite keeps ids as text.
        var parameters = cases.VisibleTo(new { Ids = ids.Distinct().Select(id => id.ToString("D")).ToList() });
        var rows = await session.QueryAsync<ReferenceRow>(CaseSql.VisibleByIds, parameters, cancellationToken);
        return rows.Select(r => new CaseReference(r.Id, r.Number)).ToList();
    }

    /// <summary>Read into properties, so that the id goes through the SQLite type handler.</summary>
    private sealed record ReferenceRow
    {
        public required Guid Id { get; init; }

        public required string Number { get; init; }
    }
}
