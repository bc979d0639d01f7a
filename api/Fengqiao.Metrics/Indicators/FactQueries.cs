using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Metrics.Indicators;

/// <summary>The parameters of every <see cref="IndicatorSql"/> statement: the region's subtree, the period and, when given, the one responsible unit.</summary>
/// <param name="RegionPrefix">The region's path followed by <c>%</c>.</param>
internal sealed record FactFilter(string RegionPrefix, DateOnly From, DateOnly To, Guid? UnitId = null);

/// <summary>Reads a grouping's flows and its backlog (<see cref="IndicatorSql"/>) and joins them by group.</summary>
internal static class FactQueries
{
    public static async Task<IReadOnlyList<KeyedSums>> KeyedAsync(
        this IDbSession session, ICurrentUser caller, string flowsSql, string backlogSql, FactFilter parameters, CancellationToken cancellationToken)
    {
        var groups = (await session.QueryInJurisdictionAsync<KeyedSums>(caller, flowsSql, parameters, cancellationToken))
            .ToDictionary(s => s.GroupKey, StringComparer.Ordinal);
        foreach (var backlog in await session.QueryInJurisdictionAsync<KeyedSums>(caller, backlogSql, parameters, cancellationToken))
        {
            groups[backlog.GroupKey] = groups.TryGetValue(backlog.GroupKey, out var flows) ? flows with { Backlog = backlog.Backlog } : backlog;
        }

        return [.. groups.Values];
    }

    /// <summary>The days with flows in the period or a backlog change up to its end, in order.</summary>
    public static async Task<IReadOnlyList<DailySums>> DailyAsync(this IDbSession session, ICurrentUser caller, FactFilter parameters, CancellationToken cancellationToken)
    {
        var days = (await session.QueryInJurisdictionAsync<DailySums>(caller, IndicatorSql.ByDay, parameters, cancellationToken)).ToDictionary(s => s.Day);
        foreach (var backlog in await session.QueryInJurisdictionAsync<DailySums>(caller, IndicatorSql.BacklogByDay, parameters, cancellationToken))
        {
            days[backlog.Day] = days.TryGetValue(backlog.Day, out var flows) ? flows with { Backlog = backlog.Backlog } : backlog;
        }

        return [.. days.Values.OrderBy(d => d.Day)];
    }
}
