using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Fengqiao.Metrics.Exports;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>
/// Export jobs over HTTP: queued, run by the worker (called by hand here, its loop is off), polled, downloaded by their creator only;
/// files removed after the retention; a job whose worker stopped started again, and given up after the attempts. Daily facts crafted
/// in February 2024: 120 rows in 越城区 (the district leader's jurisdiction) and 30 in 柯桥区, which the district never sees.
/// </summary>
public sealed class ExportJobTests : IntakeTestBase
{
    private const string Jobs = "/api/v1/metrics/export-jobs";
    private static readonly TimeSpan Retention = TimeSpan.FromHours(6);
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    protected override Dictionary<string, string?> Settings => new()
    {
        ["MetricsExports:Enabled"] = "false",
        ["MetricsExports:Retention"] = Retention.ToString(),
        ["MetricsExports:LeaseDuration"] = "00:02:00",
        ["MetricsExports:MaxAttempts"] = "2",
    };

    protected override Action<IServiceCollection> ConfigureServices => services => services.AddSingleton<TimeProvider>(_clock);

    private ExportJobRunner Runner => Api.Services.GetRequiredService<ExportJobRunner>();

    [OneTimeSetUp]
    public async Task CraftTheFactsAndSignIn()
    {
        Craft("越城区", villages: 10, days: 12);
        Craft("柯桥区", villages: 3, days: 10);
        // Tokens are issued by the host's clock, which the tests move ahead; signed in now, they stay valid by the real one.
        foreach (var user in new[] { "district.leader", "city.leader", "district.analyst", "town.leader", "town.handler" })
        {
            await Api.TokenForAsync(user);
        }
    }

    [SetUp]
    public async Task RunWhatEarlierTestsLeft()
    {
        while (await Runner.RunNextAsync(CancellationToken.None))
        {
        }
    }

    [Test]
    public async Task DailyFactsJob_IsQueued_ThenRunsToTheEnd_AndServesItsXlsxToItsCreator()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var response = await leader.PostAsJsonAsync(Jobs, FactsJob("xlsx"));
        var queued = await response.ShouldBeOkAsync<JsonObject>(HttpStatusCode.Accepted);
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"{Jobs}/{queued["id"]}"));
        Assert.That((queued["state"]!.GetValue<string>(), queued["progress"]!.GetValue<int>(), queued["rowsTotal"]), Is.EqualTo(("queued", 0, (JsonNode?)null)));
        await (await leader.GetAsync($"{Jobs}/{queued["id"]}/file")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        Assert.That(await Runner.RunNextAsync(CancellationToken.None), Is.True);

        var done = await (await leader.GetAsync($"{Jobs}/{queued["id"]}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(
            (done["state"]!.GetValue<string>(), done["progress"]!.GetValue<int>(), done["rowsDone"]!.GetValue<long>(), done["rowsTotal"]!.GetValue<long>()),
            Is.EqualTo(("succeeded", 100, 120L, 120L)), "the 30 rows of 柯桥区 lie outside the district's jurisdiction");
        Assert.That(done["fileName"]!.GetValue<string>(), Is.EqualTo("daily-facts-20240201-20240229.xlsx"));
        Assert.That(done["expiresAt"]!.GetValue<DateTimeOffset>() - done["finishedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Retention));

        var file = await leader.GetAsync($"{Jobs}/{queued["id"]}/file");
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(file.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        await using var workbook = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        Assert.That(done["sizeBytes"]!.GetValue<long>(), Is.EqualTo(workbook.Length));
        var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(rows, Has.Count.EqualTo(120));
        Assert.That(rows.Select(r => (string)r["region_path"]), Is.All.StartWith(DistrictPath("越城区")));
        Assert.That(rows[0]["day"], Is.EqualTo("2024-02-01"));
        Assert.That(Convert.ToInt64(rows[0]["registered"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(3), "counters stay numbers");
    }

    [Test]
    public async Task IndicatorsJob_AsCsv_HasEachFigureWithItsNumeratorAndDenominator()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var queued = await (await leader.PostAsJsonAsync(Jobs, new
        {
            kind = "indicators",
            format = "csv",
            parameters = new { from = "2024-02-01", to = "2024-02-29", groupBy = "month" },
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Accepted);
        await Runner.RunNextAsync(CancellationToken.None);

        var file = await leader.GetAsync($"{Jobs}/{queued["id"]}/file");
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(file.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "a BOM, so that Excel reads the Chinese labels");
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        var header = lines[0].ToList();
        Assert.That(header.Take(3), Is.EqualTo(new[] { "group", "label", "registered" }));
        Assert.That(header, Does.Contain("resolution_rate_percent").And.Contain("resolution_rate_numerator").And.Contain("resolution_rate_denominator"));
        Assert.That(lines.Skip(1).Select(l => l[0]), Is.EqualTo(new[] { "2024-02", "total" }));
        var total = lines[^1];
        Assert.That(
            (total[header.IndexOf("registered")], total[header.IndexOf("resolution_rate_numerator")], total[header.IndexOf("resolution_rate_denominator")],
                decimal.Parse(total[header.IndexOf("resolution_rate_percent")], System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(("360", "120", "240", 50m)), "120 fact rows of 3 registered, 2 closed and 1 resolved");
    }

    [Test]
    public async Task AnotherCallersJob_AndItsFile_Answer404()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var queued = await (await leader.PostAsJsonAsync(Jobs, FactsJob("csv"))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Accepted);
        await Runner.RunNextAsync(CancellationToken.None);

        foreach (var other in new[] { "city.leader", "district.analyst", "town.leader" })
        {
            using var client = await Api.ClientForAsync(other);
            await (await client.GetAsync($"{Jobs}/{queued["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync($"{Jobs}/{queued["id"]}/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        await (await leader.GetAsync($"{Jobs}/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task RankingJob_ForARegionOutsideTheJurisdiction_Returns404()
    {
        using var town = await Api.ClientForAsync("town.leader");
        var response = await town.PostAsJsonAsync(Jobs, new { kind = "five_colour_ranking", format = "xlsx", parameters = new { month = "2024-02", regionId = Region("塔山街道") } });
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task RolesWithoutViewMetrics_Get403()
    {
        using var handler = await Api.ClientForAsync("town.handler");
        await (await handler.PostAsJsonAsync(Jobs, FactsJob("csv"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await handler.GetAsync($"{Jobs}/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await handler.GetAsync($"{Jobs}/{Guid.NewGuid()}/file")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [TestCase("""{"kind":"daily_facts","format":"csv","parameters":{"to":"2024-02-29"}}""", "parameters.from")]
    [TestCase("""{"kind":"daily_facts","format":"csv","parameters":{"from":"2024-02-29","to":"2024-02-01"}}""", "parameters.to")]
    [TestCase("""{"kind":"indicators","format":"csv","parameters":{"from":"2010-01-01","to":"2024-02-01"}}""", "parameters.to")]
    [TestCase("""{"kind":"daily_facts","format":"xlsx","parameters":{"from":"2024-02-01","to":"2024-02-29","groupBy":"month"}}""", "parameters.groupBy")]
    [TestCase("""{"kind":"five_colour_ranking","format":"xlsx","parameters":{"month":"2024-13"}}""", "parameters.month")]
    [TestCase("""{"kind":"five_colour_ranking","format":"xlsx","parameters":{"month":"2024-02","from":"2024-02-01"}}""", "parameters.from")]
    public async Task BadParameters_Return400NamingTheField(string body, string field)
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var response = await leader.PostAsync(Jobs, new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task FilesPastTheRetention_AreRemoved_AndTheJobSaysExpired()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var queued = await (await leader.PostAsJsonAsync(Jobs, FactsJob("csv"))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Accepted);
        await Runner.RunNextAsync(CancellationToken.None);
        var path = Path.Combine(Api.DataDirectory, "exports", $"{Guid.Parse(queued["id"]!.GetValue<string>()):N}.csv");
        Assert.That(File.Exists(path), Is.True);

        _clock.Advance(Retention - TimeSpan.FromMinutes(1));
        await Runner.CleanUpAsync(CancellationToken.None);
        Assert.That(File.Exists(path), Is.True, "still within the retention");

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await Runner.CleanUpAsync(CancellationToken.None), Is.GreaterThanOrEqualTo(1));

        Assert.That(File.Exists(path), Is.False);
        var job = await (await leader.GetAsync($"{Jobs}/{queued["id"]}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(job["state"]!.GetValue<string>(), Is.EqualTo("expired"));
        var gone = await (await leader.GetAsync($"{Jobs}/{queued["id"]}/file")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(gone["code"]!.GetValue<string>(), Is.EqualTo("export_expired"));
    }

    [Test]
    public async Task JobOfAWorkerThatStopped_IsStartedAgainWhenItsLeaseLapses_AndGivenUpAfterTheAttempts()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var resumed = await (await leader.PostAsJsonAsync(Jobs, FactsJob("csv"))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Accepted);
        Assert.That(await Runner.ClaimNextAsync(CancellationToken.None), Is.Not.Null, "a worker takes the job and stops before it ends");
        Assert.That(await State(leader, resumed), Is.EqualTo("running"));
        Assert.That(await Runner.RunNextAsync(CancellationToken.None), Is.False, "the lease still holds");

        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.That(await Runner.RunNextAsync(CancellationToken.None), Is.True);
        Assert.That(await State(leader, resumed), Is.EqualTo("succeeded"));

        var abandoned = await (await leader.PostAsJsonAsync(Jobs, FactsJob("csv"))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Accepted);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.That(await Runner.ClaimNextAsync(CancellationToken.None), Is.Not.Null);
            _clock.Advance(TimeSpan.FromMinutes(3));
        }

        Assert.That(await Runner.RunNextAsync(CancellationToken.None), Is.False);
        var failed = await (await leader.GetAsync($"{Jobs}/{abandoned["id"]}")).ShouldBeOkAsync<JsonObject>();
        Assert.That((failed["state"]!.GetValue<string>(), failed["error"]!.GetValue<string>()), Is.EqualTo(("failed", "interrupted")));
    }

    private static object FactsJob(string format) => new { kind = "daily_facts", format, parameters = new { from = "2024-02-01", to = "2024-02-29" } };

    private static async Task<string> State(HttpClient client, JsonObject job) =>
        (await (await client.GetAsync($"{Jobs}/{job["id"]}")).ShouldBeOkAsync<JsonObject>())["state"]!.GetValue<string>();

    private string DistrictPath(string district)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT path FROM org_regions WHERE name = $name", ("$name", district)).Single();
    }

    /// <summary>One fact row per day of February 2024 and region below the district (the first few): 3 registered, 2 closed, 1 resolved.</summary>
    private void Craft(string district, int villages, int days)
    {
        using var db = TestDatabase.Open(Api);
        var paths = TestDatabase.Strings(
            db, "SELECT path FROM org_regions WHERE path LIKE $prefix AND name <> $name ORDER BY path LIMIT $count",
            ("$prefix", DistrictPath(district) + "%"), ("$name", district), ("$count", villages));
        foreach (var path in paths)
        {
            for (var day = 1; day <= days; day++)
            {
                using var command = db.CreateCommand();
                command.CommandText = """
                    INSERT INTO metrics_daily_facts (day, region_path, unit_id, channel, category, registered, closed, resolved)
                    VALUES ($day, $path, '00000000-0000-0000-0000-000000000000', 'visit', 'crafted', 3, 2, 1)
                    """;
                command.Parameters.AddWithValue("$day", $"2024-02-{day:00}");
                command.Parameters.AddWithValue("$path", path);
                command.ExecuteNonQuery();
            }
        }
    }
}
