using Dapper;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Text;

namespace Fengqiao.Suggestions.Diary;

/// <summary>An open entry like another: proposed to be grouped with it as one kind of matter.</summary>
internal sealed record SimilarDiaryEntry(Guid Id, string Household, DateOnly VisitedOn, string Matter, double Similarity);

internal sealed record SignatureRow
{
    public required Guid EntryId { get; init; }

    public required string Household { get; init; }

    public required string TextSignature { get; init; }

    public DiarySignature ToSignature() => new(EntryId, Household, BuildingBlocks.Text.TextSignature.Decode(TextSignature));
}

internal sealed record CandidateRow
{
    public required Guid Id { get; init; }

    public required string Household { get; init; }

    public required DateOnly VisitedOn { get; init; }

    public required string Matter { get; init; }

    public required string TextSignature { get; init; }
}

internal sealed record EntryPair
{
    public required Guid A { get; init; }

    public required Guid B { get; init; }
}

/// <summary>
/// Finds the open diary entries alike enough to be one kind of matter, through the MinHash band keys of the open entries
/// (an index look-up within one village and category), never by comparing every entry with every other.
/// </summary>
internal sealed class DiaryGrouping(IDbSession session, ICurrentUser caller, TimeProvider clock)
{
    public DateOnly Since => BuildingBlocks.Clock.WorkCalendar.LocalDate(clock.GetUtcNow()).AddDays(-DiaryRules.GroupingWindowDays);

    /// <summary>
    /// The open entries of the same village and category whose text is like this text, most alike first: at most
    /// <see cref="DiaryRules.MaxGroupingCandidates"/> of them are scored (see <see cref="DiarySql.Candidates"/>).
    /// </summary>
    public async Task<IReadOnlyList<SimilarDiaryEntry>> SimilarAsync(Guid regionId, string category, string text, Guid excludeId, CancellationToken cancellationToken)
    {
        var signature = TextSignature.Compute(text);
        var parameters = new DynamicParameters(new { RegionId = regionId, Category = category, Since, ExcludeId = excludeId, Limit = DiaryRules.MaxGroupingCandidates });
        foreach (var (key, band) in TextSignature.BandKeys(signature).Select((key, band) => (key, band)))
        {
            parameters.Add($"Key{band}", key);
        }

        var rows = await session.QueryAsync<CandidateRow>(DiarySql.Candidates(session.Dialect), parameters, cancellationToken);
        return rows
            .Select(r => new SimilarDiaryEntry(r.Id, r.Household, r.VisitedOn, r.Matter, Math.Round(TextSignature.Similarity(signature, TextSignature.Decode(r.TextSignature)), 2)))
            .Where(s => s.Similarity >= DiaryRules.SimilarityThreshold)
            .OrderByDescending(s => s.Similarity)
            .ThenByDescending(s => s.VisitedOn)
            .ToList();
    }

    /// <summary>The groups of similar open entries of the jurisdiction (below <paramref name="regionPrefix"/>), largest first.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<Guid>>> ProposalsAsync(string regionPrefix, CancellationToken cancellationToken)
    {
        var parameters = new { RegionPrefix = regionPrefix, Since };
        var signatures = await session.QueryInJurisdictionAsync<SignatureRow>(caller, DiarySql.OpenSignatures, parameters, cancellationToken);
        var pairs = await session.QueryInJurisdictionAsync<EntryPair>(caller, DiarySql.OpenPairs, parameters, cancellationToken);
        return DiaryRules.Cluster(signatures.Select(s => s.ToSignature()).ToList(), pairs.Select(p => (p.A, p.B)));
    }
}
