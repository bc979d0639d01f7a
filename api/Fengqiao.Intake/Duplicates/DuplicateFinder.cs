using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Text;
using Fengqiao.Intake.Petitions;
using Fengqiao.Intake.Rules;

namespace Fengqiao.Intake.Duplicates;

internal sealed record SignatureRow
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required string RegistrarRegionPath { get; init; }

    public required string TextSignature { get; init; }

    public required PetitionStatus Status { get; init; }

    public DateTimeOffset? FinalAt { get; init; }
}

internal sealed record SamePetitionerRow
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required PetitionStatus Status { get; init; }

    public required string RegistrarRegionPath { get; init; }

    public DateTimeOffset? FinalAt { get; init; }
}

/// <summary>
/// Finds earlier petitions on the same matter through two indexes, never a scan: the petitioners' keyed ID
/// hashes, and the text's MinHash band keys within the same region and category.
/// </summary>
internal sealed class DuplicateFinder(IDbSession session, IntakeRules rules)
{
    /// <summary>At most this many text candidates are scored; band keys of common phrasing can match many.</summary>
    private const int MaxTextCandidates = 200;

    public async Task<IReadOnlyList<EarlierPetition>> FindAsync(
        IReadOnlyCollection<string> idNumberHashes,
        Guid regionId,
        string category,
        uint[] signature,
        DateTimeOffset receivedAt,
        Guid? excludeId,
        CancellationToken cancellationToken)
    {
        var since = receivedAt.AddDays(-rules.RepeatWindowDays);
        var exclude = excludeId ?? Guid.Empty;
        var found = new Dictionary<Guid, EarlierPetition>();

        if (idNumberHashes.Count > 0)
        {
            var same = await session.QueryAsync<SamePetitionerRow>(
                PetitionSql.EarlierBySamePetitioner, new { Hashes = idNumberHashes.ToList(), Since = since, ExcludeId = exclude }, cancellationToken);
            foreach (var row in same)
            {
                found[row.Id] = new EarlierPetition(row.Id, row.Number, row.RegistrarRegionPath, true, 1, row.FinalAt is not null, row.Status == PetitionStatus.ReferredToDiscipline);
            }
        }

        var candidateIds = await session.QueryAsync<Guid>(
            PetitionSql.CandidatesByTextKey,
            new { RegionId = regionId, Category = category, Keys = TextSignature.BandKeys(signature).ToList(), Since = since, ExcludeId = exclude },
            cancellationToken);
        var toScore = candidateIds.Where(id => !found.ContainsKey(id)).Take(MaxTextCandidates).ToList();
        if (toScore.Count > 0)
        {
            // Dapper expands IN lists without type handlers, so ids go as text: SQLite stores them so and SQL Server converts.
            var rows = await session.QueryAsync<SignatureRow>(PetitionSql.SignaturesOf, new { Ids = toScore.Select(id => id.ToString("D")).ToList() }, cancellationToken);
            foreach (var row in rows.Where(r => r.Status != PetitionStatus.Merged))
            {
                var similarity = TextSignature.Similarity(signature, TextSignature.Decode(row.TextSignature));
                if (similarity >= rules.DuplicateScoreThreshold)
                {
                    found[row.Id] = new EarlierPetition(row.Id, row.Number, row.RegistrarRegionPath, false, Math.Round(similarity, 2), row.FinalAt is not null, row.Status == PetitionStatus.ReferredToDiscipline);
                }
            }
        }

        return found.Values.OrderByDescending(e => e.SamePetitioner).ThenByDescending(e => e.Similarity).ThenBy(e => e.Number, StringComparer.Ordinal).ToList();
    }
}
