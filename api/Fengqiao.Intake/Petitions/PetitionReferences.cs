using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Intake;

namespace Fengqiao.Intake.Petitions;

/// <summary>Petitions other modules refer to, seen through the caller's own read scope (<see cref="PetitionReader"/>).</summary>
internal sealed class PetitionReferences(IDbSession session, PetitionReader reader) : IPetitionReferences
{
    public Task<IReadOnlyList<LinkedPetition>> FindVisibleByNumberAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken) =>
        FindAsync(PetitionSql.VisibleByNumber, new { Numbers = numbers.Distinct().ToList() }, numbers.Count, cancellationToken);

    // Ids as text: Dapper expands a list without the type handlers, and SQLite keeps ids as text.
    public Task<IReadOnlyList<LinkedPetition>> FindVisibleAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        FindAsync(PetitionSql.VisibleById, new { Ids = ids.Distinct().Select(id => id.ToString("D")).ToList() }, ids.Count, cancellationToken);

    private async Task<IReadOnlyList<LinkedPetition>> FindAsync(string sql, object parameters, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return [];
        }

        var rows = await session.QueryAsync<ReferenceRow>(sql, reader.Parameters(parameters), cancellationToken);
        return rows.Select(r => new LinkedPetition(r.Id, r.Number)).ToList();
    }

    /// <summary>Read into properties, so that the id goes through the SQLite type handler.</summary>
    private sealed record ReferenceRow
    {
        public required Guid Id { get; init; }

        public required string Number { get; init; }
    }
}
