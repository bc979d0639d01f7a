using System.Text;
using Fengqiao.BuildingBlocks.Http;
using Microsoft.AspNetCore.Http;

namespace Fengqiao.Tests.Unit;

/// <summary>OWASP's rule for CSV injection, cell by cell: the characters a spreadsheet starts a formula with, and text left alone.</summary>
public sealed class CsvExportTests
{
    [TestCase("=1+2", "\"'=1+2\"")]
    [TestCase("+1", "\"'+1\"")]
    [TestCase("-1+2", "\"'-1+2\"")]
    [TestCase("-A1", "\"'-A1\"")]
    [TestCase("-2", "-2")]
    [TestCase("-2.5", "-2.5")]
    [TestCase("@SUM(A1)", "\"'@SUM(A1)\"")]
    [TestCase("\t=1", "\"'\t=1\"")]
    [TestCase("\r=1", "\"'\r=1\"")]
    [TestCase("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [TestCase("小区积水 = 严重", "小区积水 = 严重")]
    [TestCase("a,b", "\"a,b\"")]
    [TestCase("", "")]
    public async Task Cell_IsWrittenSafely(string cell, string written)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;

        await using (var csv = await CsvExport.StartAsync(context.Response, "cells.csv", ["cell"]))
        {
            await csv.WriteRowAsync([cell]);
        }

        Assert.That(Encoding.UTF8.GetString(body.ToArray()), Is.EqualTo("\uFEFFcell\r\n" + written + "\r\n"));
        Assert.That(context.Response.ContentType, Is.EqualTo("text/csv; charset=utf-8"));
        Assert.That(context.Response.Headers.ContentDisposition.ToString(), Does.StartWith("attachment; filename=cells.csv"));
    }
}
