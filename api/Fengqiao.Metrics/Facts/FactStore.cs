using Dapper;
using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Metrics.Facts;

internal sealed record CaseFactsRow
{
    public required Guid CaseId { get; init; }

    public required bool IsOverdue { get; init; }

    public required Guid? OverdueUnitId { get; init; }

    public required bool ReviewRequested { get; init; }

    public required DateOnly? ResolvedDay { get; init; }

    public required string? ResolvedRegionPath { get; init; }

    public required Guid? ResolvedUnitId { get; init; }

    public required string? ResolvedChannel { get; init; }

    public required string? ResolvedCategory { get; init; }

    public required bool ResolvedFirstTime { get; init; }

    public static CaseFactsRow Of(CaseFacts state) => new()
    {
        CaseId = state.CaseId,
        IsOverdue = state.IsOverdue,
        OverdueUnitId = state.OverdueUnitId,
        ReviewRequested = state.ReviewRequested,
        ResolvedDay = state.ResolvedIn?.Day,
        ResolvedRegionPath = state.ResolvedIn?.RegionPath,
        ResolvedUnitId = state.ResolvedIn?.UnitId,
        ResolvedChannel = state.ResolvedIn?.Channel,
        ResolvedCategory = state.ResolvedIn?.Category,
        ResolvedFirstTime = state.ResolvedFirstTime,
    };
}

internal sealed record PetitionFactsRow
{
    public required Guid PetitionId { get; init; }

    public required string Channel { get; init; }

    public required string Category { get; init; }

    public required bool IsFirstTime { get; init; }
}

internal sealed record DisputeFactsRow
{
    public required Guid DisputeId { get; init; }

    public required DateOnly FollowedUpDay { get; init; }

    public required string RegionPath { get; init; }

    public required string Category { get; init; }

    public required bool Performed { get; init; }

    /// <summary>Null for a visit counted before migration 0107 kept the instant.</summary>
    public DateTimeOffset? FollowedUpRecordedAt { get; init; }

    public static DisputeFactsRow Of(DisputeFacts state) => new()
    {
        DisputeId = state.DisputeId,
        FollowedUpDay = state.FollowedUpIn.Day,
        RegionPath = state.FollowedUpIn.RegionPath,
        Category = state.FollowedUpIn.Category,
        Performed = state.Performed,
        FollowedUpRecordedAt = state.RecordedAt,
    };
}

/// <summary>
/// Where the consumers read what the facts remember and add their deltas: the database as events arrive (<see cref="FactStore"/>),
/// memory while the projection is rebuilt from the history (<see cref="FactMemory"/>). The consumers hold the rules, so both
/// ways count alike.
/// </summary>
internal interface IFactLedger
{
    /// <summary>The petition as the facts know it; one whose registration was never seen counts under an unknown channel.</summary>
    Task<PetitionFacts> PetitionAsync(Guid petitionId, string? category, CancellationToken cancellationToken);

    Task SavePetitionAsync(PetitionFacts petition, CancellationToken cancellationToken);

    Task<CaseFacts> CaseAsync(Guid caseId, CancellationToken cancellationToken);

    Task SaveCaseAsync(CaseFacts state, CancellationToken cancellationToken);

    /// <summary>The dispute's latest return visit as the facts counted it; null before its first.</summary>
    Task<DisputeFacts?> DisputeAsync(Guid disputeId, CancellationToken cancellationToken);

    Task SaveDisputeAsync(DisputeFacts state, CancellationToken cancellationToken);

    /// <summary>Adds the deltas to their fact rows; a row first touched is created, even when its changes sum to nothing.</summary>
    Task ApplyAsync(IReadOnlyList<FactDelta> deltas, CancellationToken cancellationToken);
}

/// <summary>Reads and writes the metrics module's own tables; runs inside the consumer's transaction (the inbox's).</summary>
internal sealed class FactStore(IDbSession session) : IFactLedger
{
    /// <summary>Every counter, indexed by its value: a row's counters are an array in this order.</summary>
    public static readonly Counter[] Counters = Enum.GetValues<Counter>();

    /// <summary>Each counter's parameter name, indexed as <see cref="Counters"/>.</summary>
    public static readonly string[] CounterNames = Counters.Select(c => c.ToString()).ToArray();

    public async Task<PetitionFacts> PetitionAsync(Guid petitionId, string? category, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<PetitionFactsRow>(FactSql.GetPetition, new { PetitionId = petitionId }, cancellationToken);
        return row is null
            ? PetitionFacts.Unseen(petitionId, category)
            : new PetitionFacts(row.PetitionId, row.Channel, row.Category, row.IsFirstTime);
    }

    public async Task SavePetitionAsync(PetitionFacts petition, CancellationToken cancellationToken)
    {
        if (await session.ExecuteAsync(FactSql.UpdatePetition, petition, cancellationToken) == 0)
        {
            await session.ExecuteAsync(FactSql.InsertPetition, petition, cancellationToken);
        }
    }

    public async Task<CaseFacts> CaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<CaseFactsRow>(FactSql.GetCase, new { CaseId = caseId }, cancellationToken);
        if (row is null)
        {
            return CaseFacts.New(caseId);
        }

        var resolvedIn = row.ResolvedDay is { } day
            ? new FactKey(day, row.ResolvedRegionPath!, row.ResolvedUnitId ?? Guid.Empty, row.ResolvedChannel!, row.ResolvedCategory!)
            : null;
        return new CaseFacts(row.CaseId, row.IsOverdue, row.ReviewRequested, resolvedIn, row.ResolvedFirstTime) { OverdueUnitId = row.OverdueUnitId };
    }

    public async Task SaveCaseAsync(CaseFacts state, CancellationToken cancellationToken)
    {
        var row = CaseFactsRow.Of(state);
        if (await session.ExecuteAsync(FactSql.UpdateCase, row, cancellationToken) == 0)
        {
            await session.ExecuteAsync(FactSql.InsertCase, row, cancellationToken);
        }
    }

    public async Task<DisputeFacts?> DisputeAsync(Guid disputeId, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<DisputeFactsRow>(FactSql.GetDispute, new { DisputeId = disputeId }, cancellationToken);
        return row is null
            ? null
            : new DisputeFacts(row.DisputeId, MediationFactAccumulator.Key(row.FollowedUpDay, row.RegionPath, row.Category), row.Performed,
                row.FollowedUpRecordedAt);
    }

    public async Task SaveDisputeAsync(DisputeFacts state, CancellationToken cancellationToken)
    {
        var row = DisputeFactsRow.Of(state);
        if (await session.ExecuteAsync(FactSql.UpdateDispute, row, cancellationToken) == 0)
        {
            await session.ExecuteAsync(FactSql.InsertDispute, row, cancellationToken);
        }
    }

    /// <summary>
    /// Adds the deltas to their daily rows, to the monthly rows those count in and, for a backlog change, to those rows' stock;
    /// one statement per row touched.
    /// </summary>
    public async Task ApplyAsync(IReadOnlyList<FactDelta> deltas, CancellationToken cancellationToken)
    {
        var days = new Dictionary<FactKey, int[]>();
        foreach (var delta in deltas)
        {
            if (!days.TryGetValue(delta.Key, out var counters))
            {
                counters = new int[Counters.Length];
                days.Add(delta.Key, counters);
            }

            counters[(int)delta.Counter] += delta.Change;
        }

        foreach (var (key, counters) in days)
        {
            var parameters = RowParameters(key, counters);
            if (await session.ExecuteAsync(FactSql.AddToRow, parameters, cancellationToken) == 0)
            {
                await session.ExecuteAsync(FactSql.InsertRow, parameters, cancellationToken);
            }
        }

        foreach (var (key, counters) in MonthlyFacts.RollUp(days))
        {
            var parameters = MonthlyRowParameters(key, counters);
            if (await session.ExecuteAsync(FactSql.AddToMonthlyRow, parameters, cancellationToken) == 0)
            {
                await session.ExecuteAsync(FactSql.InsertMonthlyRow, parameters, cancellationToken);
            }

            if (counters[(int)Counter.BacklogChange] is not 0 and var change)
            {
                await AddToBacklogStockAsync(key, change, cancellationToken);
            }
        }
    }

    private async Task AddToBacklogStockAsync(MonthlyKey key, int change, CancellationToken cancellationToken)
    {
        var parameters = new { key.Dimension, key.RegionPath, key.ParentPath, key.DimensionValue, Change = change };
        if (await session.ExecuteAsync(FactSql.AddToBacklogStock, parameters, cancellationToken) == 0)
        {
            await session.ExecuteAsync(FactSql.InsertBacklogStock, parameters, cancellationToken);
        }
        else
        {
            await session.ExecuteAsync(FactSql.DeleteEmptyBacklogStock, parameters, cancellationToken);
        }
    }

    /// <summary>The parameters of <see cref="FactSql.AddToRow"/> and <see cref="FactSql.InsertRow"/>: the key and each counter by its name.</summary>
    private static DynamicParameters RowParameters(FactKey key, int[] counters) =>
        WithCounters(new DynamicParameters(new { key.Day, key.RegionPath, key.UnitId, key.Channel, key.Category }), counters);

    /// <summary>The parameters of <see cref="FactSql.AddToMonthlyRow"/> and <see cref="FactSql.InsertMonthlyRow"/>.</summary>
    private static DynamicParameters MonthlyRowParameters(MonthlyKey key, int[] counters) =>
        WithCounters(new DynamicParameters(new { key.Month, key.RegionPath, key.ParentPath, key.Dimension, key.DimensionValue }), counters);

    private static DynamicParameters WithCounters(DynamicParameters parameters, int[] counters)
    {
        foreach (var counter in Counters)
        {
            parameters.Add(CounterNames[(int)counter], counters[(int)counter]);
        }

        return parameters;
    }
}
