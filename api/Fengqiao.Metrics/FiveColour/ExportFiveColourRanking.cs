using System.Globalization;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using MiniExcelLibs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Fengqiao.Metrics.FiveColour;

/// <summary>The file formats a ranking is exported in.</summary>
internal enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// The month's ranking of the regions below a region as a file: the chart's figures (read through <see cref="GetFiveColourChart"/>, so
/// with its validation and jurisdiction), one row per region, ranked first.
/// </summary>
internal static class ExportFiveColourRankingEndpoint
{
    internal static readonly string[] Header = ["rank", "region", "score", "colour", "rank_change", "score_change", "pulled_down_by"];

    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapGet("/five-colour/export", Handle)
            .WithName("ExportFiveColourRanking")
            .WithSummary("The month's five-colour ranking of the regions below a region of the caller's jurisdiction, as XLSX or CSV.")
            .WithDescription("The five-colour ranking for a month (yyyy-MM) of the regions directly below a region of the caller's jurisdiction (its own by default) as a file: XLSX (default) or CSV (UTF-8 with BOM, cells that a spreadsheet would run as formulas neutralised). Columns: rank, region, score, colour, rank change and score change since the month before, and the indicators that pulled the score down. 400 for a month not given as yyyy-MM or an unknown format; 404 for a region outside the jurisdiction.")
            .RequireCapability(Capability.ViewMetrics)
            .ProducesCsv()
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task Handle(
        string month, Guid? regionId, [QueryEnum(typeof(ExportFormat))] string? format, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var fileFormat = QueryEnum.Parse<ExportFormat>(format, nameof(format)) ?? ExportFormat.Xlsx;
        var chart = await sender.Send(new GetFiveColourChart(month, regionId), cancellationToken);
        var rows = chart.Entries.Select(Cells).ToList();
        var fileName = $"five-colour-{chart.Month}";
        if (fileFormat == ExportFormat.Csv)
        {
            await using var csv = await CsvExport.StartAsync(context.Response, fileName + ".csv", Header);
            foreach (var row in rows)
            {
                await csv.WriteRowAsync(row);
            }

            return;
        }

        // The workbook is built in memory (a ranking has one row per district or town) because the writer zips synchronously.
        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(
            rows.Select(row => Header.Zip(row).ToDictionary(cell => cell.First, cell => (object?)cell.Second)).ToList(),
            sheetName: chart.Month, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        context.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName + ".xlsx");
        context.Response.Headers.ContentDisposition = disposition.ToString();
        workbook.Position = 0;
        await workbook.CopyToAsync(context.Response.Body, cancellationToken);
    }

    internal static string?[] Cells(FiveColourEntry entry) =>
    [
        entry.Rank?.ToString(CultureInfo.InvariantCulture),
        entry.Name,
        entry.Check.Score?.ToString("0.#", CultureInfo.InvariantCulture),
        entry.Check.Colour,
        entry.RankChange?.ToString(CultureInfo.InvariantCulture),
        entry.ScoreChange?.ToString("0.#", CultureInfo.InvariantCulture),
        string.Join(' ', entry.Check.PulledDownBy),
    ];
}
