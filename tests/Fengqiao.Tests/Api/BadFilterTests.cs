using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>Malformed filters and fields answer 400 problem details naming the field, never 500.</summary>
public sealed class BadFilterTests : IntakeTestBase
{
    protected override Dictionary<string, string?> Settings => new() { ["RateLimits:PublicPerMinute"] = "1000" };

    [TestCase("/api/v1/petitions?flag=", "flag")]
    [TestCase("/api/v1/petitions?flag=urgent&flag=", "flag")]
    [TestCase("/api/v1/petitions?flag=no_such_flag", "flag")]
    [TestCase("/api/v1/petitions?receivedTo=9999-12-31", "receivedTo")]
    [TestCase("/api/v1/petitions?receivedFrom=0001-01-01", "receivedFrom")]
    [TestCase("/api/v1/petitions?receivedFrom=2026-02-30", "receivedFrom")]
    [TestCase("/api/v1/petitions?limit=abc", "limit")]
    [TestCase("/api/v1/petitions?regionId=not-a-guid", "regionId")]
    [TestCase("/api/v1/petitions/export.csv?flag=", "flag")]
    [TestCase("/api/v1/petitions/export.csv?receivedTo=9999-12-31", "receivedTo")]
    [TestCase("/api/v1/petitions/export.csv?receivedFrom=0001-01-01", "receivedFrom")]
    [TestCase("/api/v1/cases?tab=", "tab")]
    [TestCase("/api/v1/cases?tab=no_such_tab", "tab")]
    [TestCase("/api/v1/cases", "tab")]
    [TestCase("/api/v1/units?kind=", "")]
    [TestCase("/api/v1/units?kind=no_such_kind", "kind")]
    public async Task MalformedQuery_Returns400_NamingTheParameter(string url, string field)
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var response = await officer.GetAsync(url);
        if (field.Length == 0)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an empty single value leaves the filter unset");
            return;
        }

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { field }));
    }

    [Test]
    public async Task Filters_AtTheEdgesOfTheAcceptedDays_Answer200()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var response = await officer.GetAsync("/api/v1/petitions?receivedFrom=1900-01-01&receivedTo=2999-12-31");
        await response.ShouldBeOkAsync<JsonObject>();
    }

    [TestCase(null)]
    [TestCase("")]
    public async Task PublicSubmission_WithoutAPhone_Returns400_NamingPhone(string? phone)
    {
        using var anonymous = Api.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/public/petitions", new JsonObject
        {
            ["name"] = Data.Name(),
            ["phone"] = phone,
            ["regionId"] = Region("塔山街道").ToString(),
            ["category"] = "property_management",
            ["request"] = Data.Request(),
            ["facts"] = "",
            ["reasons"] = "",
        });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "phone" }));
    }
}
