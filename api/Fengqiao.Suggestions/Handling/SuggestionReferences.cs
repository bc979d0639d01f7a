using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Suggestions;

namespace Fengqiao.Suggestions.Handling;

/// <summary>The suggestion a converted petition became, for the petition's page; the caller already reads the petition.</summary>
internal sealed class SuggestionReferences(IDbSession session) : ISuggestionReferences
{
    private sealed record Row
    {
        public required Guid Id { get; init; }

        public required string TrackingCode { get; init; }

        public required SuggestionStatus Status { get; init; }
    }

    public async Task<PetitionSuggestion?> FromPetitionAsync(Guid petitionId, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>(SuggestionSql.FromPetition, new { PetitionId = petitionId }, cancellationToken);
        return row is null ? null : new PetitionSuggestion(row.Id, row.TrackingCode, row.Status.ToSnakeCase());
    }
}
