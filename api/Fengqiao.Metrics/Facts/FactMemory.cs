using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Metrics.Facts;

/// <summary>
/// The facts held in memory while the projection is rebuilt from the whole history: what they remember of petitions, cases and
/// disputes, and each fact row's counters, written at the end in a few statements per thousand rows instead of several per event,
/// with the monthly rows rolled up from them. Rows are written in the order of their key, so each insert lands beside the last.
/// The texts the events repeat (regions, channels, categories) are kept once, since a rebuild of millions of events holds millions of rows.
/// </summary>
internal sealed class FactMemory : IFactLedger
{
    /// <summary>Rows per list handed to one statement: each list runs as one prepared statement, row after row, in the one transaction.</summary>
    private const int WriteBatch = 10_000;

    private static readonly string[] DayKeyNames = ["Day", "RegionPath", "UnitId", "Channel", "Category"];

    private static readonly string[] MonthKeyNames = ["Month", "RegionPath", "ParentPath", "Dimension", "DimensionValue"];

    private readonly Dictionary<Guid, PetitionFacts> _petitions = [];
    private readonly Dictionary<Guid, CaseFacts> _cases = [];
    private readonly Dictionary<Guid, DisputeFacts> _disputes = [];
    private readonly Dictionary<FactKey, int[]> _rows = [];
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    public Task<PetitionFacts> PetitionAsync(Guid petitionId, string? category, CancellationToken cancellationToken) =>
        Task.FromResult(_petitions.GetValueOrDefault(petitionId) ?? PetitionFacts.Unseen(petitionId, category));

    public Task SavePetitionAsync(PetitionFacts petition, CancellationToken cancellationToken)
    {
        _petitions[petition.PetitionId] = petition with { Channel = Text(petition.Channel), Category = Text(petition.Category) };
        return Task.CompletedTask;
    }

    public Task<CaseFacts> CaseAsync(Guid caseId, CancellationToken cancellationToken) =>
        Task.FromResult(_cases.GetValueOrDefault(caseId) ?? CaseFacts.New(caseId));

    public Task SaveCaseAsync(CaseFacts state, CancellationToken cancellationToken)
    {
        _cases[state.CaseId] = state.ResolvedIn is { } resolvedIn ? state with { ResolvedIn = Kept(resolvedIn) } : state;
        return Task.CompletedTask;
    }

    public Task<DisputeFacts?> DisputeAsync(Guid disputeId, CancellationToken cancellationToken) =>
        Task.FromResult(_disputes.GetValueOrDefault(disputeId));

    public Task SaveDisputeAsync(DisputeFacts state, CancellationToken cancellationToken)
    {
        _disputes[state.DisputeId] = state with { FollowedUpIn = Kept(state.FollowedUpIn) };
        return Task.CompletedTask;
    }

    public Task ApplyAsync(IReadOnlyList<FactDelta> deltas, CancellationToken cancellationToken)
    {
        foreach (var delta in deltas)
        {
            if (!_rows.TryGetValue(delta.Key, out var counters))
            {
                counters = new int[FactStore.Counters.Length];
                _rows.Add(Kept(delta.Key), counters);
            }

            counters[(int)delta.Counter] += delta.Change;
        }

        return Task.CompletedTask;
    }

    /// <summary>Replaces the projection's tables with what memory holds, in the caller's transaction.</summary>
    public async Task ReplaceTablesAsync(IDbSession session, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(FactSql.EmptyProjection, null, cancellationToken);
        var days = _rows.OrderBy(row => row.Key.Day).ThenBy(row => row.Key.RegionPath, StringComparer.Ordinal);
        await FactRowWriter.InsertAsync(
            session, FactSql.InsertRow, DayKeyNames, days, key => [key.Day, key.RegionPath, key.UnitId, key.Channel, key.Category], cancellationToken);

        var months = MonthlyFacts.RollUp(_rows, Text)
            .OrderBy(row => row.Key.Dimension, StringComparer.Ordinal)
            .ThenBy(row => row.Key.RegionPath, StringComparer.Ordinal)
            .ThenBy(row => row.Key.DimensionValue, StringComparer.Ordinal)
            .ThenBy(row => row.Key.Month);
        await FactRowWriter.InsertAsync(
            session, FactSql.InsertMonthlyRow, MonthKeyNames, months, key => [key.Month, key.RegionPath, key.ParentPath, key.Dimension, key.DimensionValue],
            cancellationToken);
        await session.ExecuteAsync(FactSql.RollUpBacklogStock, null, cancellationToken);

        foreach (var batch in _petitions.Values.Chunk(WriteBatch))
        {
            await session.ExecuteAsync(FactSql.InsertPetition, batch, cancellationToken);
        }

        foreach (var batch in _cases.Values.Chunk(WriteBatch))
        {
            await session.ExecuteAsync(FactSql.InsertCase, batch.Select(CaseFactsRow.Of).ToList(), cancellationToken);
        }

        foreach (var batch in _disputes.Values.Chunk(WriteBatch))
        {
            await session.ExecuteAsync(FactSql.InsertDispute, batch.Select(DisputeFactsRow.Of).ToList(), cancellationToken);
        }
    }

    private FactKey Kept(FactKey key) =>
        key with { RegionPath = Text(key.RegionPath), Channel = Text(key.Channel), Category = Text(key.Category) };

    private string Text(string text)
    {
        if (_texts.TryGetValue(text, out var kept))
        {
            return kept;
        }

        _texts.Add(text, text);
        return text;
    }
}
