using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>Exports hold text the public typed in; a spreadsheet must show it, never run it.</summary>
public sealed class CsvExportTests : IntakeTestBase
{
    protected override Dictionary<string, string?> Settings => new() { ["RateLimits:PublicPerMinute"] = "1000" };

    [TestCase("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")")]
    [TestCase("+1+cmd|' /C calc'!A0", "\"'+1+cmd|' /C calc'!A0")]
    [TestCase("-2+3", "\"'-2+3")]
    [TestCase("@SUM(1,2)", "\"'@SUM(1,2)")]
    public async Task Export_OfAPublicRequestStartingAFormula_NeutralisesTheCell(string formula, string expectedCellStart)
    {
        // A marker of this case alone, so the export's text filter finds this submission only.
        var marker = "编号" + Guid.NewGuid().ToString("N")[..12];
        using var anonymous = Api.CreateClient();
        var submission = new JsonObject
        {
            ["name"] = Data.Name(),
            ["idNumber"] = Data.NewIdNumber(),
            ["phone"] = Data.MobilePhone(),
            ["address"] = "绍兴市越城区塔山街道",
            ["regionId"] = Region("塔山街道").ToString(),
            ["category"] = "property_management",
            ["request"] = $"{formula} {marker}",
            ["facts"] = "",
            ["reasons"] = "",
        };
        await (await anonymous.PostAsJsonAsync("/api/v1/public/petitions", submission)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        using var officer = await Api.ClientForAsync("district.petition_officer");
        var export = await officer.GetAsync($"/api/v1/petitions/export.csv?channel=online&text={marker}");
        var csv = await export.Content.ReadAsStringAsync();

        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK), csv);
        Assert.That(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2), csv);
        Assert.That(csv, Does.EndWith($",{expectedCellStart} {marker}\"\r\n"), "the request is the last cell: quoted, with a leading apostrophe");
    }
}
