using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Text;

namespace Fengqiao.Suggestions.Handling;

/// <summary>A suggestion whose text is like the one being screened: a candidate to screen it a duplicate of.</summary>
internal sealed record SimilarSuggestion(Guid Id, string TrackingCode, string Title, SuggestionStatus Status, DateTimeOffset SubmittedAt, double Similarity);

internal sealed record SuggestionSignatureRow
{
    public required Guid Id { get; init; }

    public required string TrackingCode { get; init; }

    public required string Title { get; init; }

    public required SuggestionStatus Status { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required string? TextSignature { get; init; }
}

/// <summary>
/// Indexes a suggestion's text with the MinHash signature intake uses for petitions, and finds the earlier suggestions still
/// carried on whose text is alike, within the caller's jurisdiction.
/// </summary>
internal sealed class SimilarSuggestions(IDbSession session, ICurrentUser caller)
{
    /// <summary>Texts this alike are proposed as duplicates; the screener decides.</summary>
    public const double Threshold = 0.5;

    /// <summary>At most this many candidates are scored; band keys of common phrasing can match many.</summary>
    private const int MaxCandidates = 200;

    public static string TextOf(string title, string content) => $"{title} {content}";

    /// <summary>Stores the signature and band keys of a suggestion just inserted, in the caller's unit of work.</summary>
    public static async Task IndexAsync(IDbSession session, Guid id, string text, string regionPath, DateTimeOffset submittedAt, CancellationToken cancellationToken)
    {
        var signature = TextSignature.Compute(text);
        await session.ExecuteAsync(SimilarSuggestionSql.SetSignature, new { Id = id, TextSignature = TextSignature.Encode(signature) }, cancellationToken);
        foreach (var key in TextSignature.BandKeys(signature).Distinct())
        {
            await session.ExecuteAsync(SimilarSuggestionSql.InsertKey, new { BandKey = key, SuggestionId = id, RegionPath = regionPath, SubmittedAt = submittedAt }, cancellationToken);
        }
    }

    /// <summary>The suggestions of the caller's jurisdiction submitted before this one, not screened away, whose text is like its text.</summary>
    public async Task<IReadOnlyList<SimilarSuggestion>> EarlierThanAsync(SuggestionRow suggestion, CancellationToken cancellationToken)
    {
        var signature = TextSignature.Compute(TextOf(suggestion.Title, suggestion.Content));
        var ids = await session.QueryInJurisdictionAsync<Guid>(
            caller,
            SimilarSuggestionSql.CandidatesByTextKey,
            new { Keys = TextSignature.BandKeys(signature).ToList(), ExcludeId = suggestion.Id, Before = suggestion.SubmittedAt },
            cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        // Dapper expands IN lists without the type handlers, so ids go as text: SQLite stores them so and SQL Server converts.
        var rows = await session.QueryAsync<SuggestionSignatureRow>(
            SimilarSuggestionSql.SignaturesOf, new { Ids = ids.Take(MaxCandidates).Select(id => id.ToString("D")).ToList() }, cancellationToken);
        return rows
            .Where(r => r.TextSignature is not null && r.Status is not (SuggestionStatus.Duplicate or SuggestionStatus.OutOfScope))
            .Select(r => new SimilarSuggestion(r.Id, r.TrackingCode, r.Title, r.Status, r.SubmittedAt, Math.Round(TextSignature.Similarity(signature, TextSignature.Decode(r.TextSignature!)), 2)))
            .Where(s => s.Similarity >= Threshold)
            .OrderByDescending(s => s.Similarity)
            .ThenBy(s => s.SubmittedAt)
            .ToList();
    }
}

internal static class SimilarSuggestionSql
{
    public const string SetSignature = "UPDATE suggestions_suggestions SET text_signature = @TextSignature WHERE id = @Id";

    public const string InsertKey = """
        INSERT INTO suggestions_text_keys (band_key, suggestion_id, region_path, submitted_at)
        VALUES (@BandKey, @SuggestionId, @RegionPath, @SubmittedAt)
        """;

    public const string CandidatesByTextKey = """
        SELECT DISTINCT k.suggestion_id
        FROM suggestions_text_keys k
        WHERE k.band_key IN @Keys AND k.region_path LIKE @JurisdictionPrefix AND k.suggestion_id <> @ExcludeId AND k.submitted_at <= @Before
        """;

    public const string SignaturesOf = """
        SELECT s.id AS Id, s.tracking_code AS TrackingCode, s.title AS Title, s.status AS Status, s.submitted_at AS SubmittedAt, s.text_signature AS TextSignature
        FROM suggestions_suggestions s
        WHERE s.id IN @Ids
        """;
}
