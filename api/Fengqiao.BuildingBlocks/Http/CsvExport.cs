using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Fengqiao.BuildingBlocks.Http;

/// <summary>
/// The one way an endpoint answers CSV: a streamed UTF-8 file with a BOM (so Excel reads Chinese text), each
/// cell written by CsvHelper with formula injection neutralised. Exported cells hold text the public typed in,
/// and a spreadsheet runs a cell starting with <c>= + - @</c>, tab or CR as a formula; following OWASP such a
/// cell gets a leading <c>'</c> and is quoted. A negative number (<c>-2</c>, a change since last month) is a value,
/// not a formula, and stays a number in the spreadsheet. Modules never write CSV themselves (an architecture test checks).
/// </summary>
public sealed partial class CsvExport : IAsyncDisposable
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.None,
    };

    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    private readonly StreamWriter _text;
    private readonly CsvWriter _csv;

    private CsvExport(Stream body)
    {
        _text = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        _csv = new CsvWriter(_text, Configuration);
    }

    /// <summary>The media type of the files this writer produces, for an endpoint that sends one written earlier.</summary>
    public static string MediaType { get; } = "text/csv; charset=utf-8";

    /// <summary>Starts the answer as an attachment named <paramref name="fileName"/> and writes the header row.</summary>
    public static async Task<CsvExport> StartAsync(HttpResponse response, string fileName, IReadOnlyList<string> header)
    {
        response.ContentType = MediaType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        return await StartAsync(response.Body, header);
    }

    /// <summary>Starts a CSV file on <paramref name="file"/> (left open), for an export written in the background, and writes the header row.</summary>
    public static async Task<CsvExport> StartAsync(Stream file, IReadOnlyList<string> header)
    {
        var export = new CsvExport(file);
        await export.WriteRowAsync(header);
        return export;
    }

    public async Task WriteRowAsync(IReadOnlyList<string?> cells)
    {
        foreach (var cell in cells)
        {
            if (RunsAsFormula(cell))
            {
                _csv.WriteField("'" + cell, shouldQuote: true);
            }
            else
            {
                _csv.WriteField(cell);
            }
        }

        await _csv.NextRecordAsync();
    }

    private static bool RunsAsFormula(string? cell) =>
        !string.IsNullOrEmpty(cell) && FormulaStarts.Contains(cell[0]) && !NegativeNumber().IsMatch(cell);

    [GeneratedRegex(@"^-[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NegativeNumber();

    public async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync();
        await _text.DisposeAsync();
    }
}

public static class CsvExportEndpoints
{
    /// <summary>Declares the CSV answer of an endpoint that writes it with <see cref="CsvExport"/>.</summary>
    public static RouteHandlerBuilder ProducesCsv(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces(StatusCodes.Status200OK, contentType: "text/csv");
}
