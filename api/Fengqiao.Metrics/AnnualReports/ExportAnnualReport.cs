using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.Metrics.Indicators;
using Mediator;
using MiniExcelLibs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Fengqiao.Metrics.AnnualReports;

/// <summary>
/// The annual report as an XLSX workbook, read through <see cref="GetAnnualReport"/> (so with its validation and jurisdiction): a
/// sheet of the indicators, one of the volumes by channel and by domain, one of the units most petitioned about.
/// </summary>
internal static class ExportAnnualReportEndpoint
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapGet("/annual-report/export", Handle)
            .WithName("ExportAnnualReport")
            .WithSummary("The annual statistical report (Art 41) of a region of the caller's jurisdiction for a year, as an XLSX workbook.")
            .WithDescription("The annual statistical report (信访工作条例 Art 41) of GetAnnualReport as an XLSX workbook with three sheets: indicators (key, Chinese and English name, numerator, denominator), volumes (petitions registered by channel and by domain) and units (the units most petitioned about, with their forwards, assignments and supervision orders). 400 for a year before 2000 or after this one; 404 for a region outside the jurisdiction.")
            .RequireCapability(Capability.ViewMetrics)
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task Handle(int year, Guid? regionId, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var report = await sender.Send(new GetAnnualReport(year, regionId), cancellationToken);
        var names = IndicatorDefinitions.All.ToDictionary(d => d.Key);
        var sheets = new Dictionary<string, object>
        {
            ["indicators"] = report.Figures.Select(f => new Dictionary<string, object?>
            {
                ["key"] = f.Key,
                ["name_zh"] = names[f.Key].Name.ZhCn,
                ["name_en"] = names[f.Key].Name.En,
                ["numerator"] = f.Numerator,
                ["denominator"] = f.Denominator,
            }).ToList(),
            ["volumes"] = report.ByChannel.Select(v => Volume("channel", v)).Concat(report.ByCategory.Select(v => Volume("category", v))).ToList(),
            ["units"] = report.MostComplainedUnits.Select(u => new Dictionary<string, object?>
            {
                ["unit"] = u.UnitName,
                ["forwarded"] = u.Forwarded,
                ["assigned"] = u.Assigned,
                ["supervision_orders"] = u.SupervisionOrders,
            }).ToList(),
        };

        // Built in memory (a report has a few dozen rows) because the writer zips synchronously.
        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        context.Response.ContentType = XlsxContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName($"annual-report-{report.Year}-{report.RegionName}.xlsx");
        context.Response.Headers.ContentDisposition = disposition.ToString();
        workbook.Position = 0;
        await workbook.CopyToAsync(context.Response.Body, cancellationToken);
    }

    private static Dictionary<string, object?> Volume(string by, AnnualReportVolume volume) =>
        new() { ["by"] = by, ["key"] = volume.Key, ["registered"] = volume.Registered };
}
