using Fengqiao.BuildingBlocks.Auth;

namespace Fengqiao.Metrics.Facts;

/// <summary>
/// The ways a month's facts are rolled up in <c>metrics_monthly_facts</c>: the whole subtree, by channel and by category; and the
/// facts counted at the region's own level, not in a region below it (the "direct" row of a region's breakdown).
/// </summary>
internal static class FactDimension
{
    public const string Total = "total";

    public const string Own = "own";

    public const string Channel = "channel";

    public const string Category = "category";
}

/// <summary>
/// One row of <c>metrics_monthly_facts</c>: the facts of a month in a region's whole subtree, in one dimension (the value empty for the
/// whole). <see cref="ParentPath"/> is the region above, empty for the root.
/// </summary>
internal sealed record MonthlyKey(DateOnly Month, string RegionPath, string ParentPath, string Dimension, string DimensionValue);

internal static class MonthlyFacts
{
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// The monthly rows a daily row counts in: its month, for its own region and every region above it, whole, by its channel and by
    /// its category; and its region's own level. <paramref name="text"/> keeps each text once when millions of rows are held in memory.
    /// </summary>
    public static IEnumerable<MonthlyKey> KeysOf(FactKey day, Func<string, string>? text = null)
    {
        text ??= static t => t;
        var month = MonthOf(day.Day);
        var parent = string.Empty;
        foreach (var path in RegionPaths.Lineage(day.RegionPath))
        {
            var region = text(path);
            yield return new MonthlyKey(month, region, parent, FactDimension.Total, string.Empty);
            yield return new MonthlyKey(month, region, parent, FactDimension.Channel, day.Channel);
            yield return new MonthlyKey(month, region, parent, FactDimension.Category, day.Category);
            if (path.Length == day.RegionPath.Length)
            {
                yield return new MonthlyKey(month, region, parent, FactDimension.Own, string.Empty);
            }

            parent = region;
        }
    }

    /// <summary>Adds each daily row's counters to the monthly rows it counts in.</summary>
    public static Dictionary<MonthlyKey, int[]> RollUp(IEnumerable<KeyValuePair<FactKey, int[]>> days, Func<string, string>? text = null)
    {
        var months = new Dictionary<MonthlyKey, int[]>();
        foreach (var (day, counters) in days)
        {
            foreach (var key in KeysOf(day, text))
            {
                if (!months.TryGetValue(key, out var sums))
                {
                    sums = new int[counters.Length];
                    months.Add(key, sums);
                }

                for (var i = 0; i < counters.Length; i++)
                {
                    sums[i] += counters[i];
                }
            }
        }

        return months;
    }
}
