using System.Globalization;
using System.Text.Json;
using Dapper;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Contracts.Organization;
using Fengqiao.Metrics.Facts;
using Fengqiao.Metrics.FiveColour;
using Fengqiao.Metrics.Indicators;

namespace Fengqiao.Metrics.Exports;

/// <summary>The rows of an export: a header, how many rows there will be, and the rows, enumerated once and lazily.</summary>
internal sealed record ExportTable(string FileStem, string SheetName, IReadOnlyList<string> Header, long RowCount, IEnumerable<object?[]> Rows);

/// <summary>
/// A daily fact row as the detailed export streams it: its key, and one property per <see cref="Counter"/>, named after it: the
/// counters the indicators sum (<see cref="FactSums"/>, whose backlog stock is not a column here) and those they do not.
/// </summary>
internal sealed record FactExportRow : FactSums
{
    public required DateOnly Day { get; init; }

    public required string RegionPath { get; init; }

    public required Guid UnitId { get; init; }

    public required string Channel { get; init; }

    public required string Category { get; init; }

    public long FirstTimeRegistered { get; init; }

    public long ClosedUnrated { get; init; }

    public long ReviewRequested { get; init; }
}

/// <summary>
/// Reads what a job exports, as its creator: the indicator table and the ranking through the same handlers the API answers with
/// (so with the same jurisdiction), the daily facts straight from the table, unbuffered, so that a large export never sits in memory.
/// </summary>
internal sealed class ExportSources(IDbSession session, IOrganizationDirectory directory, IRuleSets ruleSets)
{
    /// <summary>
    /// The counters the daily facts export, every one of <see cref="Counter"/> in its order: a counter added to the facts joins the
    /// file as soon as <see cref="FactExportRow"/> and <see cref="ExportJobSql.Facts"/> read it, with no list of columns to keep here.
    /// </summary>
    internal static readonly IReadOnlyList<(string Column, Func<FactExportRow, long> Value)> FactCounters = Enum.GetValues<Counter>()
        .Select(counter => (
            JsonNamingPolicy.SnakeCaseLower.ConvertName(counter.ToString()),
            (typeof(FactExportRow).GetProperty(counter.ToString())?.GetMethod
                ?? throw new InvalidOperationException($"{nameof(FactExportRow)} does not read the counter {counter}.")).CreateDelegate<Func<FactExportRow, long>>()))
        .ToList();

    internal static readonly IReadOnlyList<string> FactHeader =
        ["day", "region", "region_path", "unit", "channel", "category", .. FactCounters.Select(counter => counter.Column)];

    public async Task<ExportTable> OpenAsync(ExportJobRow job, CancellationToken cancellationToken)
    {
        var creator = job.Creator;
        return job.Kind switch
        {
            ExportKind.Indicators => await IndicatorsAsync(job, creator, cancellationToken),
            ExportKind.FiveColourRanking => await RankingAsync(job, creator, cancellationToken),
            _ => await FactsAsync(job, creator, cancellationToken),
        };
    }

    private async Task<ExportTable> IndicatorsAsync(ExportJobRow job, ICurrentUser creator, CancellationToken cancellationToken)
    {
        var groupBy = job.GroupBy ?? IndicatorGrouping.Region;
        var table = await new IndicatorTables(session, creator, directory)
            .ReadAsync(new GetIndicators(job.FromDay!.Value, job.ToDay!.Value, job.RegionId, groupBy, job.UnitId), cancellationToken);
        var header = new List<string> { "group", "label" };
        foreach (var figure in table.Total.Figures)
        {
            header.AddRange(figure.Denominator is null ? [figure.Key] : [figure.Key + "_percent", figure.Key + "_numerator", figure.Key + "_denominator"]);
        }

        var rows = table.Rows.Append(table.Total).Select(row => IndicatorCells(row).ToArray()).ToList();
        var stem = string.Create(CultureInfo.InvariantCulture, $"indicators-{groupBy.ToString().ToLowerInvariant()}-{table.From:yyyyMMdd}-{table.To:yyyyMMdd}");
        return new ExportTable(stem, table.UnitName ?? table.RegionName, header, rows.Count, rows);
    }

    private static IEnumerable<object?> IndicatorCells(IndicatorRow row)
    {
        yield return row.Key;
        yield return row.Label;
        foreach (var figure in row.Figures)
        {
            if (figure.Denominator is not { } denominator)
            {
                yield return figure.Numerator;
                continue;
            }

            yield return denominator == 0 ? null : Math.Round(100m * figure.Numerator / denominator, 1);
            yield return figure.Numerator;
            yield return denominator;
        }
    }

    private async Task<ExportTable> RankingAsync(ExportJobRow job, ICurrentUser creator, CancellationToken cancellationToken)
    {
        var calculator = new FiveColourCalculator(session, creator, directory, ruleSets);
        var chart = await calculator.ChartAsync(await calculator.RegionAsync(job.RegionId, cancellationToken), FiveColourMonths.Parse(job.Month!), cancellationToken);
        var rows = chart.Entries.Select(entry => ExportFiveColourRankingEndpoint.Cells(entry).Cast<object?>().ToArray()).ToList();
        return new ExportTable($"five-colour-{chart.Month}", chart.Month, ExportFiveColourRankingEndpoint.Header, rows.Count, rows);
    }

    private async Task<ExportTable> FactsAsync(ExportJobRow job, ICurrentUser creator, CancellationToken cancellationToken)
    {
        var region = await directory.RegionInJurisdictionAsync(creator, job.RegionId, cancellationToken);
        // A unit that left the creator's jurisdiction since the job was queued fails it, as the indicator table does.
        var unit = job.UnitId is { } unitId ? await directory.UnitInJurisdictionAsync(creator, unitId, cancellationToken) : null;

        var parameters = Jurisdiction.Parameters(creator, new { RegionPrefix = region.Path + "%", From = job.FromDay!.Value, To = job.ToDay!.Value, job.UnitId });
        var count = await session.ExecuteScalarAsync<long>(ExportJobSql.CountFacts, parameters, cancellationToken);
        var regions = (await directory.ListRegionsAsync(cancellationToken)).ToDictionary(r => r.Path, r => r.Name, StringComparer.Ordinal);
        var units = (await directory.ListUnitsAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
        var connection = await session.GetConnectionAsync(cancellationToken);
        var stem = string.Create(CultureInfo.InvariantCulture, $"daily-facts-{job.FromDay:yyyyMMdd}-{job.ToDay:yyyyMMdd}");
        return new ExportTable(stem, unit?.Name ?? region.Name, FactHeader, count, Rows());

        // The writers enumerate synchronously (the XLSX writer zips as it goes), so the rows are read with an unbuffered synchronous query.
        IEnumerable<object?[]> Rows()
        {
            foreach (var f in connection.Query<FactExportRow>(ExportJobSql.Facts, parameters, session.Transaction, buffered: false))
            {
                yield return
                [
                    f.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), regions.GetValueOrDefault(f.RegionPath, f.RegionPath), f.RegionPath,
                    units.GetValueOrDefault(f.UnitId), f.Channel, f.Category, .. FactCounters.Select(counter => (object?)counter.Value(f)),
                ];
            }
        }
    }
}
