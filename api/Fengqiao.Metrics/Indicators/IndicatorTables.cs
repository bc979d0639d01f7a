using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Organization;

namespace Fengqiao.Metrics.Indicators;

/// <summary>
/// Builds the indicator tables of the caller's jurisdiction: for a query (its region and unit checked against the jurisdiction), or for a
/// region already checked, as the dashboard reads several tables of one region. Each row's figures are the query's indicators, all by default.
/// </summary>
internal sealed class IndicatorTables(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory)
{
    /// <summary>The row of facts counted at the region's own level (e.g. the city's bureau), not in any region below it.</summary>
    public const string DirectKey = "direct";

    /// <summary>The row of facts counted under no unit: registrations, suggestions, mediation, receptions by a leader without a unit.</summary>
    public const string NoUnitKey = "no_unit";

    /// <summary>The row of facts of the region counted under units outside the caller's jurisdiction (e.g. a city bureau leading a town's case), unnamed.</summary>
    public const string OtherUnitsKey = "other_units";

    /// <summary>The table the query asks for; a region or unit outside the caller's jurisdiction answers 404.</summary>
    public async Task<IndicatorTable> ReadAsync(GetIndicators query, CancellationToken cancellationToken)
    {
        var region = await directory.RegionInJurisdictionAsync(caller, query.RegionId, cancellationToken);
        var unit = query.UnitId is { } unitId ? await directory.UnitInJurisdictionAsync(caller, unitId, cancellationToken) : null;
        return await ReadAsync(region, unit, query, cancellationToken);
    }

    /// <summary>The table of a region (and unit) already checked against the caller's jurisdiction; the query's region and unit ids are not read.</summary>
    public async Task<IndicatorTable> ReadAsync(RegionSnapshot region, UnitSnapshot? unit, GetIndicators query, CancellationToken cancellationToken)
    {
        var figures = IndicatorDefinitions.Selection(query.Indicators);
        var parameters = new FactFilter(region.Path, query.From, query.To, unit?.Id, IndicatorDefinitions.InputsOf(query.Indicators));
        var rows = query.GroupBy switch
        {
            IndicatorGrouping.Region => await ByRegionAsync(region, parameters, figures, cancellationToken),
            IndicatorGrouping.Unit => await ByUnitAsync(parameters, figures, cancellationToken),
            IndicatorGrouping.Channel => Keyed(await session.KeyedAsync(caller, FactGroup.Channel, parameters, cancellationToken), figures),
            IndicatorGrouping.Category => Keyed(await session.KeyedAsync(caller, FactGroup.Category, parameters, cancellationToken), figures),
            _ => ByCalendarPeriod(query, await session.DailyAsync(caller, parameters, cancellationToken), figures),
        };
        var total = query.GroupBy is IndicatorGrouping.Month or IndicatorGrouping.Quarter or IndicatorGrouping.Year
            ? rows.Sums.Count == 0 ? new FactSums() : FactSums.Sum(rows.Sums) with { Backlog = rows.Sums[^1].Backlog }
            : FactSums.Sum(rows.Sums);
        return new IndicatorTable(
            region.Id, region.Name, region.Level, query.From, query.To, query.GroupBy,
            new IndicatorRow("total", region.Name, region.Id, unit?.Id, figures(total)),
            rows.Rows,
            unit?.Id,
            unit?.Name);
    }

    private async Task<(IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<FactSums> Sums)> ByRegionAsync(
        RegionSnapshot region, FactFilter parameters, Func<FactSums, IReadOnlyList<IndicatorFigure>> figures, CancellationToken cancellationToken)
    {
        var sums = await session.KeyedAsync(caller, FactGroup.RegionPath, parameters, cancellationToken);
        var children = await directory.ListChildRegionsAsync(region.Id, cancellationToken);
        var rows = new List<IndicatorRow>();
        var parts = new List<FactSums>();
        foreach (var child in children)
        {
            var childSums = FactSums.Sum(sums.Where(s => Jurisdiction.Contains(child.Path, s.Key)).Select(s => s.Value));
            rows.Add(new IndicatorRow(child.Id.ToString(), child.Name, child.Id, null, figures(childSums)));
            parts.Add(childSums);
        }

        var direct = sums.Where(s => !children.Any(c => Jurisdiction.Contains(c.Path, s.Key))).Select(s => s.Value).ToList();
        if (direct.Count > 0)
        {
            var directSums = FactSums.Sum(direct);
            rows.Add(new IndicatorRow(DirectKey, region.Name, region.Id, null, figures(directSums)));
            parts.Add(directSums);
        }

        return (rows, parts);
    }

    /// <summary>
    /// One row per unit of the caller's jurisdiction with facts in the region and period, by the unit's region and name; then one
    /// for the units beyond the jurisdiction, whose names the caller does not see, and one for the facts without a unit.
    /// </summary>
    private async Task<(IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<FactSums> Sums)> ByUnitAsync(
        FactFilter parameters, Func<FactSums, IReadOnlyList<IndicatorFigure>> figures, CancellationToken cancellationToken)
    {
        var sums = (await session.KeyedAsync(caller, FactGroup.Unit, parameters, cancellationToken))
            .Select(s => (UnitId: Guid.Parse(s.Key), Sums: s.Value))
            .ToList();
        var visible = (await directory.FindUnitsAsync(sums.Select(s => s.UnitId).Where(id => id != Guid.Empty).ToList(), cancellationToken))
            .Where(u => Jurisdiction.Contains(caller, u.RegionPath))
            .ToDictionary(u => u.Id);
        var rows = new List<IndicatorRow>();
        var parts = new List<FactSums>();
        var named = sums.Where(s => visible.ContainsKey(s.UnitId)).Select(s => (Unit: visible[s.UnitId], s.Sums))
            .OrderBy(u => u.Unit.RegionPath, StringComparer.Ordinal).ThenBy(u => u.Unit.Name, StringComparer.Ordinal);
        foreach (var (unit, unitSums) in named)
        {
            rows.Add(new IndicatorRow(unit.Id.ToString(), unit.Name, null, unit.Id, figures(unitSums)));
            parts.Add(unitSums);
        }

        foreach (var (key, group) in new[]
                 {
                     (OtherUnitsKey, sums.Where(s => s.UnitId != Guid.Empty && !visible.ContainsKey(s.UnitId)).ToList()),
                     (NoUnitKey, sums.Where(s => s.UnitId == Guid.Empty).ToList()),
                 })
        {
            if (group.Count > 0)
            {
                var groupSums = FactSums.Sum(group.Select(s => s.Sums));
                rows.Add(new IndicatorRow(key, key, null, null, figures(groupSums)));
                parts.Add(groupSums);
            }
        }

        return (rows, parts);
    }

    private static (IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<FactSums> Sums) Keyed(
        IReadOnlyDictionary<string, FactSums> sums, Func<FactSums, IReadOnlyList<IndicatorFigure>> figures)
    {
        var ordered = sums.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        return (ordered.Select(s => new IndicatorRow(s.Key, s.Key, null, null, figures(s.Value))).ToList(), ordered.Select(s => s.Value).ToList());
    }

    /// <summary>
    /// One row per month, quarter or year the period touches (the first and last cut to the period); each row's backlog is the
    /// stock at its end (or at the period's end).
    /// </summary>
    private static (IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<FactSums> Sums) ByCalendarPeriod(
        GetIndicators query, IReadOnlyList<KeyValuePair<DateOnly, FactSums>> days, Func<FactSums, IReadOnlyList<IndicatorFigure>> figures)
    {
        var months = query.GroupBy switch
        {
            IndicatorGrouping.Quarter => 3,
            IndicatorGrouping.Year => 12,
            _ => 1,
        };
        var rows = new List<IndicatorRow>();
        var parts = new List<FactSums>();
        for (var start = new DateOnly(query.From.Year, (query.From.Month - 1) / months * months + 1, 1); start <= query.To; start = start.AddMonths(months))
        {
            var end = start.AddMonths(months).AddDays(-1);
            var first = start < query.From ? query.From : start;
            var last = end > query.To ? query.To : end;
            var flows = FactSums.Sum(days.Where(d => d.Key >= first && d.Key <= last).Select(d => d.Value));
            var periodSums = flows with { Backlog = days.Where(d => d.Key <= last).Sum(d => d.Value.Backlog) };
            var key = months switch
            {
                12 => start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                3 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{start.Year}-Q{(start.Month + 2) / 3}"),
                _ => start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            };
            rows.Add(new IndicatorRow(key, key, null, null, figures(periodSums)));
            parts.Add(periodSums);
        }

        return (rows, parts);
    }
}
