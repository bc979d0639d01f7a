using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Fengqiao.Metrics.Exports;
using Fengqiao.Metrics.Facts;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>
/// Export jobs over HTTP: queued, run by the worker (called by hand here, its loop is off), polled, downloaded by their creator only;
/// files removed after the retention; a job whose worker stopped started again, and given up after the attempts. Daily facts crafted
/// in February 2024: 120 rows in 越城区 (the district leader's jurisdiction) and 30 in 柯桥区, which the district never sees; in March
/// 2024, rows of two responsible units of 越城区 and one of 柯桥区; on 1 April 2024, one row with every counter set.
/// </summary>
public sealed class ExportJobTests : IntakeTestBase
{
    private const string TownGovernment = "府山街道办事处";
    private const string DistrictHousing = "越城区住房和城乡建设局";
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
        await CraftAsync("越城区", villages: 10, days: 12);
        await CraftAsync("柯桥区", villages: 3, days: 10);
        await CraftForUnitsAsync();
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
    [TestCase("""{"kind":"indicators","format":"csv","parameters":{"from":"1899-12-01","to":"1900-01-31"}}""", "parameters.from")]
    [TestCase("""{"kind":"daily_facts","format":"csv","parameters":{"from":"2999-12-01","to":"3000-01-31"}}""", "parameters.to")]
    [TestCase("""{"kind":"daily_facts","format":"xlsx","parameters":{"from":"2024-02-01","to":"2024-02-29","groupBy":"month"}}""", "parameters.groupBy")]
    [TestCase("""{"kind":"five_colour_ranking","format":"xlsx","parameters":{"month":"2024-13"}}""", "parameters.month")]
    [TestCase("""{"kind":"five_colour_ranking","format":"xlsx","parameters":{"month":"2024-02","from":"2024-02-01"}}""", "parameters.from")]
    [TestCase("""{"kind":"daily_facts","format":"csv","parameters":{"from":"2024-03-01","to":"2024-03-31","unitId":"not-a-guid"}}""", "parameters.unitId")]
    [TestCase("""{"kind":"indicators","format":"csv","parameters":{"from":"2024-03-01","to":"2024-03-31","unitId":"00000000-0000-0000-0000-000000000000"}}""", "parameters.unitId")]
    [TestCase("""{"kind":"five_colour_ranking","format":"xlsx","parameters":{"month":"2024-03","unitId":"0192f1a4-0000-7000-8000-000000000001"}}""", "parameters.unitId")]
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

    [Test]
    public async Task DailyFactsJob_OfOneUnit_IsQueuedWithTheUnit_AndItsFileHoldsOnlyThatUnitsRows()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var town = Unit(TownGovernment);
        var queued = await (await leader.PostAsJsonAsync(Jobs, new
        {
            kind = "daily_facts",
            format = "xlsx",
            parameters = new { from = "2024-03-01", to = "2024-03-31", unitId = town },
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Accepted);
        Assert.That(
            (queued["parameters"]!["unitId"]!.GetValue<Guid>(), queued["state"]!.GetValue<string>(), queued["progress"]!.GetValue<int>()),
            Is.EqualTo((town, "queued", 0)));

        Assert.That(await Runner.RunNextAsync(CancellationToken.None), Is.True);

        var done = await (await leader.GetAsync($"{Jobs}/{queued["id"]}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(
            (done["state"]!.GetValue<string>(), done["progress"]!.GetValue<int>(), done["rowsDone"]!.GetValue<long>(), done["rowsTotal"]!.GetValue<long>()),
            Is.EqualTo(("succeeded", 100, 10L, 10L)), "the 5 rows of the district's housing bureau and those of 柯桥区 are another unit's");
        Assert.That(done["parameters"]!["unitId"]!.GetValue<Guid>(), Is.EqualTo(town));
        var file = await leader.GetAsync($"{Jobs}/{queued["id"]}/file");
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var workbook = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(rows, Has.Count.EqualTo(10));
        Assert.That(rows.Select(r => (string)r["unit"]).Distinct(), Is.EqualTo(new[] { TownGovernment }));
        Assert.That(rows.Select(r => Convert.ToInt64(r["registered"], System.Globalization.CultureInfo.InvariantCulture)), Is.All.EqualTo(4));

        foreach (var other in new[] { "city.leader", "district.analyst", "town.leader" })
        {
            using var client = await Api.ClientForAsync(other);
            await (await client.GetAsync($"{Jobs}/{queued["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync($"{Jobs}/{queued["id"]}/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Test]
    public async Task IndicatorsJob_OfOneUnit_CountsOnlyThatUnitsFacts()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var lines = await CsvOfAsync(leader, new
        {
            kind = "indicators",
            format = "csv",
            parameters = new { from = "2024-03-01", to = "2024-03-31", groupBy = "month", unitId = Unit(DistrictHousing) },
        });
        var header = lines[0].ToList();
        Assert.That(lines.Skip(1).Select(l => l[0]), Is.EqualTo(new[] { "2024-03", "total" }));
        Assert.That(lines[^1][header.IndexOf("registered")], Is.EqualTo("35"), "5 rows of 7 registered; the town government's 40 are not the bureau's");
    }

    [Test]
    public async Task IndicatorsJob_ByUnit_HasARowPerUnitOfTheJurisdiction()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var lines = await CsvOfAsync(leader, new
        {
            kind = "indicators",
            format = "csv",
            parameters = new { from = "2024-03-01", to = "2024-03-31", groupBy = "unit" },
        });
        var header = lines[0].ToList();
        var registered = lines.Skip(1).ToDictionary(l => l[0], l => l[header.IndexOf("registered")]);
        Assert.That(
            registered,
            Is.EquivalentTo(new Dictionary<string, string> { [Unit(TownGovernment).ToString()] = "40", [Unit(DistrictHousing).ToString()] = "35", ["total"] = "75" }));
    }

    [Test]
    public async Task DailyFactsJob_HasAColumnForEveryCounterOfTheFacts_WithItsValue()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var lines = await CsvOfAsync(leader, new
        {
            kind = "daily_facts",
            format = "csv",
            parameters = new { from = "2024-04-01", to = "2024-04-01", unitId = Unit(TownGovernment) },
        });
        var counters = Enum.GetValues<Counter>();
        Assert.That(
            lines[0],
            Is.EqualTo(new[] { "day", "region", "region_path", "unit", "channel", "category" }
                .Concat(counters.Select(c => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(c.ToString())))),
            "one column per counter of the facts, registered_persons among them");
        Assert.That(lines, Has.Count.EqualTo(2));
        Assert.That(lines[1].Skip(6), Is.EqualTo(counters.Select(CounterValue)), "each counter read from its own column");
    }

    [Test]
    public async Task Jobs_OfAUnitOutsideTheJurisdiction_OrUnknown_Answer404_AndQueueNothing()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        foreach (var unitId in new[] { Unit("柯桥区住房和城乡建设局"), Guid.NewGuid() })
        {
            foreach (var kind in new[] { "daily_facts", "indicators" })
            {
                var response = await leader.PostAsJsonAsync(Jobs, new { kind, format = "csv", parameters = new { from = "2024-03-01", to = "2024-03-31", unitId } });
                await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
            }
        }

        Assert.That(await Runner.RunNextAsync(CancellationToken.None), Is.False, "no job was queued");
    }

    [Test]
    public async Task JobOfAUnitThatLeftTheJurisdiction_FailsSayingSo()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var queued = await (await leader.PostAsJsonAsync(Jobs, new
        {
            kind = "daily_facts",
            format = "csv",
            parameters = new { from = "2024-03-01", to = "2024-03-31", unitId = Unit(DistrictHousing) },
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Accepted);
        using (var db = TestDatabase.Open(Api))
        using (var command = db.CreateCommand())
        {
            // Stands for the unit moving out of the leader's district after the job was queued.
            command.CommandText = "UPDATE metrics_export_jobs SET unit_id = $unit WHERE id = $id";
            command.Parameters.AddWithValue("$unit", Unit("柯桥区住房和城乡建设局").ToString());
            command.Parameters.AddWithValue("$id", queued["id"]!.GetValue<string>());
            Assert.That(command.ExecuteNonQuery(), Is.EqualTo(1));
        }

        await Runner.RunNextAsync(CancellationToken.None);

        var failed = await (await leader.GetAsync($"{Jobs}/{queued["id"]}")).ShouldBeOkAsync<JsonObject>();
        Assert.That((failed["state"]!.GetValue<string>(), failed["error"]!.GetValue<string>()), Is.EqualTo(("failed", "unit_not_found")));
    }

    private static object FactsJob(string format) => new { kind = "daily_facts", format, parameters = new { from = "2024-02-01", to = "2024-02-29" } };

    private static async Task<string> State(HttpClient client, JsonObject job) =>
        (await (await client.GetAsync($"{Jobs}/{job["id"]}")).ShouldBeOkAsync<JsonObject>())["state"]!.GetValue<string>();

    /// <summary>Queues a CSV job, runs it and reads its file's lines, split into cells (the crafted values hold no commas).</summary>
    private async Task<List<string[]>> CsvOfAsync(HttpClient client, object job)
    {
        var queued = await (await client.PostAsJsonAsync(Jobs, job)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Accepted);
        Assert.That(await Runner.RunNextAsync(CancellationToken.None), Is.True);
        var file = await client.GetAsync($"{Jobs}/{queued["id"]}/file");
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var bytes = await file.Content.ReadAsByteArrayAsync();
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
    }

    private static int CounterNumber(Counter counter) => 100 + (int)counter;

    private static string CounterValue(Counter counter) => CounterNumber(counter).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Guid Unit(string name)
    {
        using var db = TestDatabase.Open(Api);
        return Guid.Parse(TestDatabase.Strings(db, "SELECT id FROM org_units WHERE name = $name", ("$name", name)).Single());
    }

    private string DistrictPath(string district)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT path FROM org_regions WHERE name = $name", ("$name", district)).Single();
    }

    /// <summary>One fact row per day of February 2024 and region below the district (the first few): 3 registered, 2 closed, 1 resolved.</summary>
    private async Task CraftAsync(string district, int villages, int days)
    {
        using var db = TestDatabase.Open(Api);
        var paths = TestDatabase.Strings(
            db, "SELECT path FROM org_regions WHERE path LIKE $prefix AND name <> $name ORDER BY path LIMIT $count",
            ("$prefix", DistrictPath(district) + "%"), ("$name", district), ("$count", villages));
        foreach (var path in paths)
        {
            for (var day = 1; day <= days; day++)
            {
                await CraftedFacts.AddAsync(
                    Api, new FactKey(new DateOnly(2024, 2, day), path, Guid.Empty, "visit", "crafted"), (Counter.Registered, 3), (Counter.Closed, 2), (Counter.Resolved, 1));
            }
        }
    }

    /// <summary>
    /// In March 2024, 4 registered a day for five days in two villages of 府山街道 under its government, 7 a day for five days in one
    /// under the district's housing bureau, and rows of 柯桥区's bureau in 柯桥区; on 1 April, one row of the town government with every
    /// counter set to its own value (<see cref="CounterNumber"/>).
    /// </summary>
    private async Task CraftForUnitsAsync()
    {
        using var db = TestDatabase.Open(Api);
        var villages = TestDatabase.Strings(
            db, "SELECT path FROM org_regions WHERE path LIKE $prefix AND name <> $name ORDER BY path LIMIT 2",
            ("$prefix", TestDatabase.Strings(db, "SELECT path FROM org_regions WHERE name = '府山街道'").Single() + "%"), ("$name", "府山街道"));
        var keqiao = TestDatabase.Strings(db, "SELECT path FROM org_regions WHERE name = '柯桥区'").Single();
        foreach (var (unit, paths, registered) in new[]
                 {
                     (Unit(TownGovernment), villages, 4),
                     (Unit(DistrictHousing), villages.Take(1).ToList(), 7),
                     (Unit("柯桥区住房和城乡建设局"), [keqiao], 9),
                 })
        {
            foreach (var path in paths)
            {
                for (var day = 1; day <= 5; day++)
                {
                    await CraftedFacts.AddAsync(Api, new FactKey(new DateOnly(2024, 3, day), path, unit, "visit", "crafted"), (Counter.Registered, registered));
                }
            }
        }

        await CraftedFacts.AddAsync(
            Api, new FactKey(new DateOnly(2024, 4, 1), villages[0], Unit(TownGovernment), "visit", "every_counter"),
            [.. Enum.GetValues<Counter>().Select(counter => (counter, CounterNumber(counter)))]);
    }
}
