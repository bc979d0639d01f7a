using System.Globalization;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Metrics.FiveColour;
using MiniExcelLibs;

namespace Fengqiao.Metrics.Exports;

/// <summary>Writes an export's rows to a file as they are enumerated, so a file of any size takes the memory of one row.</summary>
internal static class ExportFileWriter
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string MediaType(ExportFormat format) => format == ExportFormat.Csv ? CsvExport.MediaType : XlsxMediaType;

    public static async Task WriteAsync(Stream file, ExportFormat format, ExportTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        if (format == ExportFormat.Csv)
        {
            await using var csv = await CsvExport.StartAsync(file, table.Header);
            foreach (var row in rows)
            {
                await csv.WriteRowAsync(row.Select(Text).ToArray());
            }

            return;
        }

        // MiniExcel streams an enumerable row by row; a sheet with no rows still gets its header from an empty first row.
        await file.SaveAsAsync(
            Dictionaries(table.Header, rows), sheetName: SheetName(table.SheetName), excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }

    private static IEnumerable<IDictionary<string, object?>> Dictionaries(IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            var cells = new Dictionary<string, object?>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                cells[header[i]] = row[i];
            }

            yield return cells;
        }

        if (!any)
        {
            yield return header.ToDictionary(column => column, _ => (object?)null, StringComparer.Ordinal);
        }
    }

    /// <summary>Excel refuses sheet names over 31 characters or with any of <c>[]:*?/\</c>.</summary>
    private static string SheetName(string name)
    {
        var safe = new string(name.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0).ToArray());
        return safe.Length == 0 ? "export" : safe[..Math.Min(31, safe.Length)];
    }

    private static string? Text(object? cell) => cell switch
    {
        null => null,
        string text => text,
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };
}
