using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api;

/// <summary>The work calendar is data a city admin edits; deadlines computed afterwards follow it.</summary>
public sealed class WorkCalendarAdminTests : IntakeTestBase
{
    private const string Url = "/api/v1/settings/work-calendar";

    [Test]
    public async Task Years_AreSeededFromTheShippedFiles()
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var years = await (await admin.GetAsync(Url)).ShouldBeOkAsync<JsonObject>();
        Assert.That(years["items"]!.AsArray().Select(y => y!["year"]!.GetValue<int>()), Is.SupersetOf(new[] { 2025, 2026 }));

        var response = await admin.GetAsync($"{Url}/2026");
        var year = await response.ShouldBeOkAsync<JsonObject>();
        Assert.That(response.Headers.ETag, Is.Not.Null);
        Assert.That(year["holidays"]!.AsArray().Select(d => d!.GetValue<string>()), Does.Contain("2026-10-01"));
        Assert.That(year["makeUpWorkdays"]!.AsArray().Select(d => d!.GetValue<string>()), Does.Contain("2026-10-10"));
        await (await admin.GetAsync($"{Url}/1999")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task AddedHoliday_MovesTheAcceptanceDeadlineOfTheNextPetition()
    {
        using var admin = await Api.ClientForAsync("city.admin");
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var before = await AcceptanceDueAsync(officer);

        var (holidays, makeUps, version) = await ReadYearAsync(admin, before.Year);
        var saved = await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/{before.Year}", new
        {
            source = "test",
            holidays = holidays.Append(before.ToString("yyyy-MM-dd")).ToArray(),
            makeUpWorkdays = makeUps.Where(d => d != before.ToString("yyyy-MM-dd")).ToArray(),
        }, version)).ShouldBeOkAsync<JsonObject>();
        Assert.That(saved["version"]!.GetValue<long>(), Is.EqualTo(version + 1));

        var after = await AcceptanceDueAsync(officer);
        Assert.That(after, Is.GreaterThan(before), "the old due day is now a holiday, so the deadline moves to a later working day");
    }

    [Test]
    public async Task NewYear_IsCreatedWithIfMatchZero()
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var saved = await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/2031",
            new { holidays = new[] { "2031-01-01" }, makeUpWorkdays = new[] { "2031-01-04" } }, 0)).ShouldBeOkAsync<JsonObject>();
        Assert.That(saved["version"]!.GetValue<long>(), Is.EqualTo(1));
        var year = await (await admin.GetAsync($"{Url}/2031")).ShouldBeOkAsync<JsonObject>();
        Assert.That(year["makeUpWorkdays"]!.AsArray().Select(d => d!.GetValue<string>()), Is.EqualTo(new[] { "2031-01-04" }));
        await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/2031", new { holidays = Array.Empty<string>(), makeUpWorkdays = Array.Empty<string>() }, 0))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [TestCase(new[] { "2026-12-31", "2026-12-31" }, new string[0], "holidays", TestName = "Save_WithADuplicatedHoliday_Returns400")]
    [TestCase(new[] { "2026-03-01" }, new[] { "2026-03-01" }, "makeUpWorkdays", TestName = "Save_WithADayInBothLists_Returns400")]
    [TestCase(new string[0], new[] { "2026-03-02" }, "makeUpWorkdays[0]", TestName = "Save_WithAMakeUpWorkdayOnAMonday_Returns400")]
    [TestCase(new[] { "2027-02-01" }, new string[0], "holidays[0]", TestName = "Save_WithADayOutsideTheYear_Returns400")]
    public async Task Save_WithBadDays_Returns400(string[] holidays, string[] makeUps, string field)
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var (_, _, version) = await ReadYearAsync(admin, 2026);
        var problem = await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/2026", new { holidays, makeUpWorkdays = makeUps }, version))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
    }

    [Test]
    public async Task Save_NeedsIfMatch_AndRefusesStaleVersions()
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var body = new { holidays = new[] { "2025-01-01" }, makeUpWorkdays = Array.Empty<string>() };
        await (await admin.PutAsJsonAsync($"{Url}/2025", body)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(admin, HttpMethod.Put, $"{Url}/2025", body, 99)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task NonAdmins_Get403_AndAdminsBelowTheCity_CannotChangeTheCalendar()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        Assert.That((await officer.GetAsync(Url)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        using var district = await Api.ClientForAsync("district.admin");
        var (holidays, makeUps, version) = await ReadYearAsync(district, 2026);
        await (await SendWithIfMatch(district, HttpMethod.Put, $"{Url}/2026", new { holidays, makeUpWorkdays = makeUps }, version))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ChangeByAnotherInstance_IsPickedUpByTheVersionCheck()
    {
        var source = Api.Services.GetRequiredService<IWorkCalendarSource>();
        var day = new DateOnly(2025, 3, 3);
        Assert.That(source.Current.IsWorkingDay(day), Is.True);
        using (var db = TestDatabase.Open(Api))
        {
            using var update = db.CreateCommand();
            update.CommandText = "UPDATE platform_work_calendar_years SET holidays = '[\"2025-03-03\"]', version = version + 1 WHERE year = 2025";
            Assert.That(update.ExecuteNonQuery(), Is.EqualTo(1));
        }

        await source.RefreshAsync(CancellationToken.None);
        Assert.That(source.Current.IsWorkingDay(day), Is.False);
    }

    private static async Task<(string[] Holidays, string[] MakeUps, long Version)> ReadYearAsync(HttpClient admin, int year)
    {
        var response = await admin.GetAsync($"{Url}/{year}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return ([], [], 0);
        }

        var body = await response.ShouldBeOkAsync<JsonObject>();
        return (Days(body["holidays"]!), Days(body["makeUpWorkdays"]!), body["version"]!.GetValue<long>());
    }

    private static string[] Days(JsonNode days) => days.AsArray().Select(d => d!.GetValue<string>()).ToArray();

    private async Task<DateOnly> AcceptanceDueAsync(HttpClient officer)
    {
        var id = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"))))["id"]!.GetValue<string>();
        var petition = await (await officer.GetAsync($"/api/v1/petitions/{id}")).ShouldBeOkAsync<JsonObject>();
        return DateOnly.Parse(petition["acceptanceDue"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
