using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Fengqiao.Metrics.Facts;

namespace Fengqiao.Metrics.Indicators;

/// <summary>
/// Sums of the facts in the caller's jurisdiction and the chosen region's subtree, in two statements a group's figures are joined
/// from (<see cref="FactQueries"/>): the flows of the period, and the backlog, a stock, whose changes are summed from the beginning
/// up to @To. Whole months are read from the monthly rows (the Monthly statements: a few rows per region and month); the other
/// days from the daily rows, whose flows read the period's days from the primary key and whose backlog reads the few rows that
/// change it (a filtered index) from @BacklogFrom on. Every daily statement takes @UnitId, the responsible (lead) unit to keep to,
/// or null for all: one text per grouping instead of two, at the cost of a predicate checked per row of the days already read.
/// </summary>
internal static class IndicatorSql
{
    private const string Sums = """
        SUM(f.registered) AS Registered,
        SUM(f.registered_persons) AS RegisteredPersons,
        SUM(f.repeat_registered) AS RepeatRegistered,
        SUM(f.skip_level_registered) AS SkipLevelRegistered,
        SUM(f.accepted) AS Accepted,
        SUM(f.accepted_on_time) AS AcceptedOnTime,
        SUM(f.concluded) AS Concluded,
        SUM(f.concluded_on_time) AS ConcludedOnTime,
        SUM(f.rated_satisfied) AS RatedSatisfied,
        SUM(f.rated_basically_satisfied) AS RatedBasicallySatisfied,
        SUM(f.rated_dissatisfied) AS RatedDissatisfied,
        SUM(f.closed) AS Closed,
        SUM(f.resolved) AS Resolved,
        SUM(f.first_time_closed) AS FirstTimeClosed,
        SUM(f.first_time_resolved) AS FirstTimeResolved,
        SUM(f.backlog_change) AS BacklogChange,
        SUM(f.suggestion_received) AS SuggestionsReceived,
        SUM(f.suggestion_answered) AS SuggestionsAnswered,
        SUM(f.suggestion_adopted) AS SuggestionsAdopted,
        SUM(f.reception_batches) AS ReceptionBatches,
        SUM(f.reception_persons) AS ReceptionPersons,
        SUM(f.must_visit_batches) AS MustVisitBatches,
        SUM(f.county_visit_batches) AS CountyVisitBatches,
        SUM(f.county_must_visit_batches) AS CountyMustVisitBatches,
        SUM(f.disputes_opened) AS DisputesOpened,
        SUM(f.disputes_accepted) AS DisputesAccepted,
        SUM(f.sessions_held) AS MediationSessions,
        SUM(f.agreements_reached) AS MediationAgreements,
        SUM(f.mediations_failed) AS MediationFailures,
        SUM(f.judicial_decided) AS JudicialDecided,
        SUM(f.judicial_confirmed) AS JudicialConfirmed,
        SUM(f.agreements_followed_up) AS AgreementsFollowedUp,
        SUM(f.agreements_performed) AS AgreementsPerformed,
        SUM(f.cases_forwarded) AS CasesForwarded,
        SUM(f.cases_assigned) AS CasesAssigned,
        SUM(f.supervision_orders) AS SupervisionOrders
        """;

    /// <summary>Each counter's line of <see cref="Sums"/> by the property it is read into.</summary>
    private static readonly FrozenDictionary<string, string> SumLines = Sums.Split('\n')
        .Select(line => line.Trim().TrimEnd(','))
        .ToFrozenDictionary(line => line[(line.LastIndexOf(" AS ", StringComparison.Ordinal) + 4)..], StringComparer.Ordinal);

    /// <summary>
    /// Each counter as its row holds it, for the monthly statements that read rows without grouping them: a month's rows are one per
    /// key, so a read of one month (or of a region's total month by month) sums nothing, and SQLite's grouping costs about 20 µs a
    /// statement before its first row.
    /// </summary>
    private static readonly string Columns = string.Join(",\n", Sums.Split('\n').Select(line => Unsummed(line.Trim().TrimEnd(','))));

    private static readonly FrozenDictionary<string, string> ColumnLines = SumLines.ToFrozenDictionary(line => line.Key, line => Unsummed(line.Value), StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<(string Statement, SumColumns Sums), string> NarrowedStatements = new(new StatementAndSums());

    /// <summary><c>SUM(f.registered) AS Registered</c> as <c>f.registered AS Registered</c>.</summary>
    private static string Unsummed(string sumLine)
    {
        var close = sumLine.IndexOf(')', StringComparison.Ordinal);
        return sumLine["SUM(".Length..close] + sumLine[(close + 1)..];
    }

    /// <summary>
    /// Statements by reference: they are this class's constants and read-only fields, and hashing and comparing their texts (a few
    /// kilobytes each) on every read cost more than the narrowing saves.
    /// </summary>
    private sealed class StatementAndSums : IEqualityComparer<(string Statement, SumColumns Sums)>
    {
        public bool Equals((string Statement, SumColumns Sums) x, (string Statement, SumColumns Sums) y) =>
            ReferenceEquals(x.Statement, y.Statement) && x.Sums.Equals(y.Sums);

        public int GetHashCode((string Statement, SumColumns Sums) key) => HashCode.Combine(RuntimeHelpers.GetHashCode(key.Statement), key.Sums);
    }

    /// <summary>
    /// At most this many narrowed texts are kept: the sets of counters follow the indicators callers ask for, which are the SPA's
    /// few combinations in practice but any of 2^36 in principle, so past the cap a text is built per read instead of kept for ever.
    /// </summary>
    internal const int NarrowedStatementsKept = 256;

    /// <summary>
    /// The flows statement summing only <paramref name="sums"/> (all without): SQLite sums and the reader marshals each column of each
    /// row, and a dashboard shows three figures of the 28. The texts are kept, one per statement and set of counters, up to
    /// <see cref="NarrowedStatementsKept"/>.
    /// </summary>
    public static string Narrow(string statement, SumColumns? sums)
    {
        if (sums is null)
        {
            return statement;
        }

        var key = (statement, sums);
        if (NarrowedStatements.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var narrowed = statement.Contains(Columns, StringComparison.Ordinal)
            ? statement.Replace(Columns, string.Join(",\n", sums.Names.Split(',').Select(name => ColumnLines[name])), StringComparison.Ordinal)
            : statement.Replace(Sums, string.Join(",\n", sums.Names.Split(',').Select(name => SumLines[name])), StringComparison.Ordinal);
        return NarrowedStatements.Count < NarrowedStatementsKept ? NarrowedStatements.GetOrAdd(key, narrowed) : narrowed;
    }

    /// <summary>The counters a statement can be narrowed to, by the property each is read into.</summary>
    internal static IEnumerable<string> SumLineNames => SumLines.Keys;

    /// <summary>How many narrowed texts are kept now, for the test that the cache stays bounded.</summary>
    internal static int NarrowedStatementsCount => NarrowedStatements.Count;

    private const string Where = """
        WHERE f.day >= @From AND f.day <= @To AND f.region_path LIKE @JurisdictionPrefix AND f.region_path LIKE @RegionPrefix
            AND (@UnitId IS NULL OR f.unit_id = @UnitId)
        """;

    private const string BacklogWhere = """
        WHERE f.backlog_change <> 0 AND f.region_path LIKE @JurisdictionPrefix AND f.region_path LIKE @RegionPrefix
            AND f.day >= @BacklogFrom AND f.day <= @To AND (@UnitId IS NULL OR f.unit_id = @UnitId)
        """;

    public const string ByRegionPath = $"SELECT f.region_path AS GroupKey, {Sums} FROM metrics_daily_facts f {Where} GROUP BY f.region_path";

    public const string BacklogByRegionPath =
        $"SELECT f.region_path AS GroupKey, SUM(f.backlog_change) AS Backlog FROM metrics_daily_facts f {BacklogWhere} GROUP BY f.region_path";

    public const string ByChannel = $"SELECT f.channel AS GroupKey, {Sums} FROM metrics_daily_facts f {Where} GROUP BY f.channel";

    public const string BacklogByChannel =
        $"SELECT f.channel AS GroupKey, SUM(f.backlog_change) AS Backlog FROM metrics_daily_facts f {BacklogWhere} GROUP BY f.channel";

    public const string ByCategory = $"SELECT f.category AS GroupKey, {Sums} FROM metrics_daily_facts f {Where} GROUP BY f.category";

    public const string BacklogByCategory =
        $"SELECT f.category AS GroupKey, SUM(f.backlog_change) AS Backlog FROM metrics_daily_facts f {BacklogWhere} GROUP BY f.category";

    /// <summary>The unit's id as text (SQL Server's uniqueidentifier reads as a Guid, SQLite's as text), so that every grouping keys by text.</summary>
    private const string UnitKey = "CAST(f.unit_id AS VARCHAR(36))";

    public const string ByUnit = $"SELECT {UnitKey} AS GroupKey, {Sums} FROM metrics_daily_facts f {Where} GROUP BY f.unit_id";

    public const string BacklogByUnit =
        $"SELECT {UnitKey} AS GroupKey, SUM(f.backlog_change) AS Backlog FROM metrics_daily_facts f {BacklogWhere} GROUP BY f.unit_id";

    public const string ByDay = $"SELECT f.day AS Day, {Sums} FROM metrics_daily_facts f {Where} GROUP BY f.day";

    public const string BacklogByDay = $"SELECT f.day AS Day, SUM(f.backlog_change) AS Backlog FROM metrics_daily_facts f {BacklogWhere} GROUP BY f.day";

    private const string MonthlyRegion = "f.region_path LIKE @JurisdictionPrefix";

    private const string MonthlyFlows = "f.month >= @FromMonth AND f.month <= @ToMonth";

    private const string MonthlyBacklog = "f.month < @BacklogBefore AND f.backlog_change <> 0";

    private const string MonthlyBacklogAfter = "f.month >= @BacklogBefore AND f.backlog_change <> 0";

    /// <summary>The whole region in one dimension (<c>@Dimension</c>): its own subtree's row of each value and month.</summary>
    private const string MonthlyOwn = $"f.dimension = @Dimension AND f.region_path = @RegionPath AND {MonthlyRegion}";

    /// <summary>The regions directly below the region, each with its whole subtree.</summary>
    private const string MonthlyChildren = $"f.dimension = '{FactDimension.Total}' AND f.parent_path = @RegionPath AND {MonthlyRegion}";

    /// <summary>The facts counted at the region's own level (<see cref="FactDimension.Own"/>).</summary>
    private const string MonthlyOwnLevel = $"f.dimension = '{FactDimension.Own}' AND f.region_path = @RegionPath AND {MonthlyRegion}";

    /// <summary>
    /// The children's rows and the region's own level, keyed by their paths as the daily rows are. Two arms rather than one OR:
    /// SQLite answers an OR by looking every row of both indexes up again in the table, a few hundred lookups for a backlog the
    /// children's index covers alone.
    /// </summary>
    public const string MonthlyByRegionPath = $"""
        SELECT f.region_path AS GroupKey, {Sums} FROM metrics_monthly_facts f WHERE {MonthlyChildren} AND {MonthlyFlows} GROUP BY f.region_path
        UNION ALL
        SELECT f.region_path AS GroupKey, {Sums} FROM metrics_monthly_facts f WHERE {MonthlyOwnLevel} AND {MonthlyFlows} GROUP BY f.region_path
        """;

    /// <summary>
    /// The backlog of the children and of the region's own level at the end of the month before @BacklogBefore: their stock
    /// (<c>metrics_backlog_stock</c>, one row each) less the changes of the months from @BacklogBefore on, which for the current
    /// month are none. Four arms rather than one statement for the reason given above.
    /// </summary>
    public const string MonthlyBacklogByRegionPath = $"""
        SELECT f.region_path AS GroupKey, f.backlog AS Backlog FROM metrics_backlog_stock f WHERE {MonthlyChildren}
        UNION ALL
        SELECT f.region_path AS GroupKey, f.backlog AS Backlog FROM metrics_backlog_stock f WHERE {MonthlyOwnLevel}
        UNION ALL
        SELECT f.region_path AS GroupKey, -SUM(f.backlog_change) AS Backlog FROM metrics_monthly_facts f
        WHERE {MonthlyChildren} AND {MonthlyBacklogAfter} GROUP BY f.region_path
        UNION ALL
        SELECT f.region_path AS GroupKey, -SUM(f.backlog_change) AS Backlog FROM metrics_monthly_facts f
        WHERE {MonthlyOwnLevel} AND {MonthlyBacklogAfter} GROUP BY f.region_path
        """;

    /// <summary><see cref="MonthlyByRegionPath"/> for one month: each region's row as it is.</summary>
    public static readonly string MonthlyRowsByRegionPath = $"""
        SELECT f.region_path AS GroupKey, {Columns} FROM metrics_monthly_facts f WHERE {MonthlyChildren} AND {MonthlyFlows}
        UNION ALL
        SELECT f.region_path AS GroupKey, {Columns} FROM metrics_monthly_facts f WHERE {MonthlyOwnLevel} AND {MonthlyFlows}
        """;

    public const string MonthlyByValue =
        $"SELECT f.dimension_value AS GroupKey, {Sums} FROM metrics_monthly_facts f WHERE {MonthlyOwn} AND {MonthlyFlows} GROUP BY f.dimension_value";

    public const string MonthlyBacklogByValue = $"""
        SELECT f.dimension_value AS GroupKey, SUM(f.backlog_change) AS Backlog FROM metrics_monthly_facts f
        WHERE {MonthlyOwn} AND {MonthlyBacklog} GROUP BY f.dimension_value
        """;

    /// <summary><see cref="MonthlyByValue"/> for one month: each value's row as it is.</summary>
    public static readonly string MonthlyRowsByValue =
        $"SELECT f.dimension_value AS GroupKey, {Columns} FROM metrics_monthly_facts f WHERE {MonthlyOwn} AND {MonthlyFlows}";

    /// <summary>
    /// <see cref="MonthlyByMonth"/> as the rows are: the month grouping reads the <see cref="FactDimension.Total"/> dimension, whose
    /// only value is empty, so a region holds one row a month.
    /// </summary>
    public static readonly string MonthlyRowsByMonth = $"SELECT f.month AS Day, {Columns} FROM metrics_monthly_facts f WHERE {MonthlyOwn} AND {MonthlyFlows}";

    public const string MonthlyByMonth =
        $"SELECT f.month AS Day, {Sums} FROM metrics_monthly_facts f WHERE {MonthlyOwn} AND {MonthlyFlows} GROUP BY f.month";

    public const string MonthlyBacklogByMonth =
        $"SELECT f.month AS Day, SUM(f.backlog_change) AS Backlog FROM metrics_monthly_facts f WHERE {MonthlyOwn} AND {MonthlyBacklog} GROUP BY f.month";

    /// <summary>Whether any fact is counted after @To in its month: if none, the month's monthly rows hold exactly the days up to @To.</summary>
    public const string AnyFactAfter = """
        SELECT CASE WHEN EXISTS (SELECT 1 FROM metrics_daily_facts f WHERE f.day > @To AND f.day <= @MonthEnd) THEN 1 ELSE 0 END
        """;
}
