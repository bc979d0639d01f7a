using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Metrics.Facts;

namespace Fengqiao.Metrics.Indicators;

/// <summary>
/// What the figures are summed over: the region's subtree, the period and, when given, the one responsible unit; with
/// <paramref name="Sums"/>, only those counters are summed and the others read as 0.
/// </summary>
internal sealed record FactFilter(string RegionPath, DateOnly From, DateOnly To, Guid? UnitId = null, SumColumns? Sums = null);

/// <summary>
/// The counters a read sums, by their <see cref="FactSums"/> property names, comma-separated in order, so that two sets of the same
/// counters are equal and name the same statement; and whether it reads the backlog, a stock summed by statements of its own, which
/// are left out otherwise (a group with only backlog changes then has no row). Never without a counter: a read of the backlog alone
/// also sums the registrations.
/// </summary>
internal sealed record SumColumns(string Names, bool Backlog)
{
    public static SumColumns Of(IEnumerable<string> properties)
    {
        var names = properties.ToHashSet(StringComparer.Ordinal);
        var backlog = names.Remove(nameof(FactSums.Backlog));
        if (names.Count == 0)
        {
            names.Add(nameof(FactSums.Registered));
        }

        return new SumColumns(string.Join(',', names.Order(StringComparer.Ordinal)), backlog);
    }
}

/// <summary>How the sums are grouped: by region path, responsible unit, channel, category, or by day (by month from the monthly rows).</summary>
internal enum FactGroup
{
    RegionPath,
    Unit,
    Channel,
    Category,
    Day,
}

/// <summary>
/// Which of a period's days the monthly rows answer (the whole months from <see cref="FirstMonth"/> to <see cref="LastMonth"/>) and
/// which the daily rows (the days before and after them); the backlog, a stock, is summed from the monthly rows of every month before
/// <see cref="BacklogBefore"/> and the daily rows from it up to the period's end. Without whole months, or for one unit (the monthly
/// rows have no unit), the daily rows answer everything.
/// </summary>
internal sealed record FactPeriod(DateOnly From, DateOnly To, DateOnly? FirstMonth, DateOnly? LastMonth)
{
    public DateOnly BacklogBefore => LastMonth?.AddMonths(1) ?? MonthlyFacts.MonthOf(To);

    /// <summary>Whether the daily rows hold backlog changes the monthly rows do not: all of them without whole months, else those after the last.</summary>
    public bool DailyBacklogNeeded => LastMonth is null || BacklogBefore <= To;

    public IEnumerable<(DateOnly From, DateOnly To)> DailyRanges
    {
        get
        {
            if (FirstMonth is not { } first || LastMonth is not { } last)
            {
                yield return (From, To);
                yield break;
            }

            if (From < first)
            {
                yield return (From, first.AddDays(-1));
            }

            if (last.AddMonths(1) <= To)
            {
                yield return (last.AddMonths(1), To);
            }
        }
    }

    public static FactPeriod DaysOnly(DateOnly from, DateOnly to) => new(from, to, null, null);

    /// <summary>
    /// The whole months of the period. The last month counts whole when the period ends on its last day, or when no fact is counted
    /// after the period's end in it (<paramref name="anyFactAfter"/>, asked only then): the current month up to today is whole.
    /// </summary>
    public static async Task<FactPeriod> PlanAsync(DateOnly from, DateOnly to, Func<DateOnly, DateOnly, Task<bool>> anyFactAfter)
    {
        var first = from.Day == 1 ? from : MonthlyFacts.MonthOf(from).AddMonths(1);
        var toMonth = MonthlyFacts.MonthOf(to);
        var toMonthEnd = toMonth.AddMonths(1).AddDays(-1);
        var last = toMonth;
        if (to != toMonthEnd && (toMonth < first || await anyFactAfter(to, toMonthEnd)))
        {
            last = toMonth.AddMonths(-1);
        }

        return first <= last ? new FactPeriod(from, to, first, last) : DaysOnly(from, to);
    }
}

/// <summary>
/// Reads a grouping's sums in the caller's jurisdiction: the flows of the period and the backlog at its end, from the monthly rows
/// for its whole months and from the daily rows for the rest (<see cref="FactPeriod"/>), added up by group.
/// </summary>
internal static class FactQueries
{
    private sealed record DailyParameters(string RegionPrefix, DateOnly From, DateOnly To, DateOnly BacklogFrom, Guid? UnitId);

    private sealed record MonthlyParameters(string RegionPath, string Dimension, DateOnly FromMonth, DateOnly ToMonth, DateOnly BacklogBefore);

    /// <summary>The sums by group key: a region path, a unit id, a channel or a category.</summary>
    public static async Task<IReadOnlyDictionary<string, FactSums>> KeyedAsync(
        this IDbSession session, ICurrentUser caller, FactGroup group, FactFilter filter, CancellationToken cancellationToken) =>
        await SumAsync<KeyedSums, string>(session, caller, group, filter, row => row.GroupKey, StringComparer.Ordinal, cancellationToken);

    /// <summary>
    /// The days (or, for whole months, the months' first days) with flows in the period or a backlog change up to its end, in order;
    /// summed by calendar period, each month's row counts within it.
    /// </summary>
    public static async Task<IReadOnlyList<KeyValuePair<DateOnly, FactSums>>> DailyAsync(
        this IDbSession session, ICurrentUser caller, FactFilter filter, CancellationToken cancellationToken) =>
        [.. (await SumAsync<DailySums, DateOnly>(session, caller, FactGroup.Day, filter, row => row.Day, null, cancellationToken)).OrderBy(d => d.Key)];

    /// <summary>
    /// The statements of a grouping: on the daily rows, and on the monthly rows (none by unit) with the dimension they read, both
    /// grouped and as the rows are (<see cref="MonthlyFlows"/> chooses).
    /// </summary>
    private static (string Flows, string Backlog, MonthlyStatements? Monthly) Statements(FactGroup group) => group switch
    {
        FactGroup.RegionPath => (IndicatorSql.ByRegionPath, IndicatorSql.BacklogByRegionPath,
            new(IndicatorSql.MonthlyByRegionPath, IndicatorSql.MonthlyRowsByRegionPath, IndicatorSql.MonthlyBacklogByRegionPath, FactDimension.Total)),
        FactGroup.Unit => (IndicatorSql.ByUnit, IndicatorSql.BacklogByUnit, null),
        FactGroup.Channel => (IndicatorSql.ByChannel, IndicatorSql.BacklogByChannel,
            new(IndicatorSql.MonthlyByValue, IndicatorSql.MonthlyRowsByValue, IndicatorSql.MonthlyBacklogByValue, FactDimension.Channel)),
        FactGroup.Category => (IndicatorSql.ByCategory, IndicatorSql.BacklogByCategory,
            new(IndicatorSql.MonthlyByValue, IndicatorSql.MonthlyRowsByValue, IndicatorSql.MonthlyBacklogByValue, FactDimension.Category)),
        _ => (IndicatorSql.ByDay, IndicatorSql.BacklogByDay,
            new(IndicatorSql.MonthlyByMonth, IndicatorSql.MonthlyRowsByMonth, IndicatorSql.MonthlyBacklogByMonth, FactDimension.Total)),
    };

    private sealed record MonthlyStatements(string Flows, string Rows, string Backlog, string Dimension);

    /// <summary>
    /// The monthly flows statement of a read: the rows as they are when each is its own group (one month; a region's total month by
    /// month), which spares SQLite's grouping; otherwise summed by group. Either way the rows are added up by key here.
    /// </summary>
    private static string MonthlyFlows(MonthlyStatements monthly, FactGroup group, DateOnly firstMonth, DateOnly lastMonth) =>
        firstMonth == lastMonth || group == FactGroup.Day ? monthly.Rows : monthly.Flows;

    private static async Task<Dictionary<TKey, FactSums>> SumAsync<TRow, TKey>(
        IDbSession session, ICurrentUser caller, FactGroup group, FactFilter filter, Func<TRow, TKey> keyOf, IEqualityComparer<TKey>? comparer,
        CancellationToken cancellationToken)
        where TRow : FactSums
        where TKey : notnull
    {
        var sums = new Dictionary<TKey, FactSums>(comparer);
        async Task AddAsync(string sql, object parameters)
        {
            foreach (var row in await session.QueryInJurisdictionAsync<TRow>(caller, sql, parameters, cancellationToken))
            {
                var key = keyOf(row);
                sums[key] = sums.TryGetValue(key, out var before) ? FactSums.Add(before, row) : row;
            }
        }

        var statements = Statements(group);
        var readsBacklog = filter.Sums?.Backlog ?? true;
        var period = statements.Monthly is null || filter.UnitId is not null
            ? FactPeriod.DaysOnly(filter.From, filter.To)
            : await FactPeriod.PlanAsync(
                filter.From, filter.To,
                async (to, monthEnd) => await session.QuerySingleOrDefaultAsync<int>(IndicatorSql.AnyFactAfter, new { To = to, MonthEnd = monthEnd }, cancellationToken) == 1);
        if (statements.Monthly is { } monthly && period is { FirstMonth: { } firstMonth, LastMonth: { } lastMonth })
        {
            var parameters = new MonthlyParameters(filter.RegionPath, monthly.Dimension, firstMonth, lastMonth, period.BacklogBefore);
            await AddAsync(IndicatorSql.Narrow(MonthlyFlows(monthly, group, firstMonth, lastMonth), filter.Sums), parameters);
            if (readsBacklog)
            {
                await AddAsync(monthly.Backlog, parameters);
            }
        }

        foreach (var (from, to) in period.DailyRanges)
        {
            await AddAsync(IndicatorSql.Narrow(statements.Flows, filter.Sums), Daily(filter, period, from, to));
        }

        if (readsBacklog && period.DailyBacklogNeeded)
        {
            await AddAsync(statements.Backlog, Daily(filter, period, filter.From, filter.To));
        }

        return sums;
    }

    /// <summary>The daily rows' parameters for the days from <paramref name="from"/> to <paramref name="to"/> and the backlog's changes the monthly rows lack.</summary>
    private static DailyParameters Daily(FactFilter filter, FactPeriod period, DateOnly from, DateOnly to) =>
        new(filter.RegionPath + "%", from, to, period.LastMonth is null ? DateOnly.MinValue : period.BacklogBefore, filter.UnitId);
}
