using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Bogus;
using Fengqiao.Metrics.Facts;
using Fengqiao.Tests.Api.Dispatch;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>
/// Issue 18 item 7: a generated dataset (seeded, so every run is the same) of petitions and cases in towns of three districts, over
/// six channels and seven categories, driven through the real endpoints across four months: repeat petitions merged, some not
/// accepted, cases forwarded or assigned, returned and reassigned, supervised, replied on time or late, rated before or after
/// closing or not at all, taken to review before or after closing, and left open past their deadline; one petition in ten comes
/// from several persons. Every indicator the API serves for the city, a district and towns, by month, by year, by channel, by
/// category and by responsible unit, and for each handling unit by month, is then held against <see cref="IndicatorRecomputation"/>,
/// which counts straight from the events in the outbox; and again after a rebuild. The rebuild in memory is also held, row by row
/// and column by column, against the replay of the same history event by event through the consumers' tables.
/// </summary>
public sealed class IndicatorCorrectnessTests : WatchedDispatchTestBase
{
    private const int Seed = 20261207;

    /// <summary>The city's petition bureau registers, accepts, assigns, supervises, records ratings and asks for reviews everywhere.</summary>
    private const string Officer = "city.petition_officer";

    private static readonly string[] Channels = ["visit", "letter", "phone", "online", "hotline12345", "grassroots"];

    private static readonly string[] Categories =
        ["urban_rural_construction", "land_resources", "labour_social_security", "health", "education", "property_management", "ecology_environment"];

    /// <summary>The first day of the month after next: the phases straddle its start, always ahead of the real clock.</summary>
    private static readonly DateOnly Pivot = new DateOnly(Today().Year, Today().Month, 1).AddMonths(2);

    /// <summary>The days the clock stands on in turn: late in one month, early and late in the next, and past the first cases' reply deadline.</summary>
    private static readonly DateOnly[] Phases = [Pivot.AddDays(-6), Pivot.AddDays(3), Pivot.AddDays(24), Pivot.AddDays(80)];

    /// <summary>New petitions registered in each phase.</summary>
    private static readonly int[] NewPetitions = [50, 50, 40, 30];

    private readonly Faker _faker = new("zh_CN") { Random = new Randomizer(Seed) };
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly List<(string IdNumber, string Request, Guid PetitionId)> _earlier = [];
    private readonly Dictionary<string, Guid> _units = [];
    private readonly List<Script> _scripts = [];
    private DateOnly _day;
    private Task<List<Place>>? _history;

    protected override Dictionary<string, string?> Settings => new(base.Settings) { ["Outbox:Enabled"] = "false" };

    private enum Step
    {
        Assign,
        Forward,
        Supervise,
        ReturnAndReassign,
        Sign,
        Reply,
        RateSatisfied,
        RateBasicallySatisfied,
        RateDissatisfied,
        Close,
        Review,
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    [Test]
    public async Task EveryIndicator_EqualsItsRecomputationFromTheEvents_ForTheCityADistrictAndTowns_ByMonthYearChannelCategoryAndUnit()
    {
        var regions = await HistoryAsync();
        var events = IndicatorRecomputation.Events(Api);
        AssertTheDatasetHasItsEdgeCases(events);

        var city = regions.Single(r => r.Level == "city");
        var district = regions.Single(r => r.Name == "越城区");
        var fushan = regions.Single(r => r.Name == "府山街道");
        var tashan = regions.Single(r => r.Name == "塔山街道");
        var first = new DateOnly(Phases[0].Year, Phases[0].Month, 1).AddMonths(-1);
        var last = Phases[^1];
        var scopes = new[] { city, district, fushan, tashan };
        var differences = new List<string>();
        var queries = new List<(Place Region, string GroupBy, Guid? UnitId)>();
        foreach (var region in scopes)
        {
            foreach (var groupBy in new[] { "month", "year" })
            {
                var table = await IndicatorsAsync(region, first, last, groupBy);
                queries.Add((region, groupBy, null));
                Compare(differences, $"{region.Name} {first}..{last}", table["total"]!, events, region.Path, first, last);
                foreach (var row in table["rows"]!.AsArray())
                {
                    var (from, to) = PeriodOf(row!["key"]!.GetValue<string>(), first, last);
                    Compare(differences, $"{region.Name} {row["key"]}", row, events, region.Path, from, to);
                }
            }
        }

        var channels = IndicatorRecomputation.ChannelOfPetitions(events);
        var categories = IndicatorRecomputation.CategoryOfPetitions(events);
        foreach (var (groupBy, ofPetition) in new[] { ("channel", channels), ("category", categories) })
        {
            foreach (var region in scopes.Take(2))
            {
                var table = await IndicatorsAsync(region, first, last, groupBy);
                queries.Add((region, groupBy, null));
                var keys = table["rows"]!.AsArray().Select(r => r!["key"]!.GetValue<string>()).ToList();
                Assert.That(keys, Is.SupersetOf(ofPetition.Values.Distinct().Where(v => Recount(events, region, first, last, ofPetition, v))), $"a {groupBy} row for every {groupBy} counted in {region.Name}");
                foreach (var row in table["rows"]!.AsArray())
                {
                    var key = row!["key"]!.GetValue<string>();
                    Compare(differences, $"{region.Name} {groupBy} {key}", row, events, region.Path, first, last, id => ofPetition.GetValueOrDefault(id) == key);
                }
            }
        }

        // By responsible unit: the city's analyst reaches every unit, so no row stands for units beyond the jurisdiction.
        foreach (var region in scopes.Take(2))
        {
            var table = await IndicatorsAsync(region, first, last, "unit");
            queries.Add((region, "unit", null));
            var keys = table["rows"]!.AsArray().Select(r => r!["key"]!.GetValue<string>()).ToList();
            var counted = _units.Values.Select(id => id.ToString())
                .Where(id => IndicatorRecomputation.Recompute(events, region.Path, first, last, ofUnit: u => u == id).Values.Any(v => v is not ("0" or "0/0")));
            Assert.That(keys, Is.SupersetOf(counted.Append("no_unit")), $"a unit row for every unit counted in {region.Name}, and one for the facts without a unit");
            Assert.That(keys, Does.Not.Contain("other_units"), "the city's analyst sees every unit");
            foreach (var row in table["rows"]!.AsArray())
            {
                var key = row!["key"]!.GetValue<string>();
                Compare(differences, $"{region.Name} unit {key}", row, events, region.Path, first, last, ofUnit: u => key == "no_unit" ? u is null : u == key);
            }
        }

        // Each handling unit's own figures by month in the district, as the unit filter keeps to them.
        foreach (var unitId in _units.Values)
        {
            var table = await IndicatorsAsync(district, first, last, "month", unitId);
            queries.Add((district, "month", unitId));
            Assert.That(table["unitId"]!.GetValue<string>(), Is.EqualTo(unitId.ToString()));
            var id = unitId.ToString();
            Compare(differences, $"{district.Name} unit {id} {first}..{last}", table["total"]!, events, district.Path, first, last, ofUnit: u => u == id);
            foreach (var row in table["rows"]!.AsArray())
            {
                var (from, to) = PeriodOf(row!["key"]!.GetValue<string>(), first, last);
                Compare(differences, $"{district.Name} unit {id} {row["key"]}", row, events, district.Path, from, to, ofUnit: u => u == id);
            }
        }

        // By region over a period that starts and ends inside a month: the whole months between are read from the monthly rows and
        // the days at either end from the daily rows, and each child's figures still add up to its own recomputation.
        var inside = first.AddDays(10);
        foreach (var region in scopes.Take(3))
        {
            var table = await IndicatorsAsync(region, inside, last, "region");
            queries.Add((region, "region", null));
            Compare(differences, $"{region.Name} by region {inside}..{last}", table["total"]!, events, region.Path, inside, last);
            foreach (var row in table["rows"]!.AsArray().Where(r => r!["key"]!.GetValue<string>() != "direct"))
            {
                var child = regions.Single(r => r.Id == Guid.Parse(row!["key"]!.GetValue<string>()));
                Compare(differences, $"{region.Name} by region {child.Name} {inside}..{last}", row!, events, child.Path, inside, last);
            }
        }

        Assert.That(differences, Is.Empty, "served figures that differ from the recomputation");

        var served = new List<string>();
        foreach (var (region, groupBy, unitId) in queries)
        {
            served.AddRange(Lines(await IndicatorsAsync(region, first, last, groupBy, unitId), $"{region.Name} {groupBy} {unitId}"));
        }

        await Api.Services.GetRequiredService<MetricsRebuild>().RebuildAsync(null, CancellationToken.None);
        var rebuilt = new List<string>();
        foreach (var (region, groupBy, unitId) in queries)
        {
            rebuilt.AddRange(Lines(await IndicatorsAsync(region, first, last, groupBy, unitId), $"{region.Name} {groupBy} {unitId}"));
        }

        Assert.That(rebuilt.Except(served), Is.Empty, "a rebuild from the event history gives the same figures");
        Assert.That(rebuilt, Is.EqualTo(served), "a rebuild from the event history gives the same rows");
    }

    [Test]
    public async Task RebuildInMemory_WritesEveryRowAndColumnOfTheEventByEventReplay()
    {
        await HistoryAsync();
        var rebuild = Api.Services.GetRequiredService<MetricsRebuild>();

        var inMemory = await rebuild.RebuildAsync(null, CancellationToken.None);
        var rowsInMemory = MetricsTables.Rows(Api);
        var eventByEvent = await rebuild.ReplayEventByEventAsync(null, CancellationToken.None);

        Assert.That(inMemory.Events, Is.EqualTo(eventByEvent.Events), "both count the same events");
        Assert.That(rowsInMemory.Count(r => r.StartsWith("metrics_daily_facts", StringComparison.Ordinal)), Is.GreaterThan(100), "fact rows compared");
        Assert.That(rowsInMemory, Is.EqualTo(MetricsTables.Rows(Api)), "every row of the facts, petitions, cases and disputes");
    }

    /// <summary>The generated history, made once for the tests of this fixture, which only read it and rebuild from it.</summary>
    private Task<List<Place>> HistoryAsync() => _history ??= GenerateHistoryAsync();

    private async Task<List<Place>> GenerateHistoryAsync()
    {
        var regions = await RegionsAsync();
        var sites = await SitesAsync(regions);
        // Tokens are issued by the host's clock and checked by the real one: every user signs in before the clock moves ahead.
        foreach (var user in new[] { Officer, "city.handler", "district.handler", "town.handler" })
        {
            await ClientAsync(user);
        }

        for (var phase = 0; phase < Phases.Length; phase++)
        {
            MoveTo(_day = Phases[phase]);
            await NewWatcher().WatchOnceAsync(CancellationToken.None);
            await PumpOutboxAsync();
            for (var index = 0; index < NewPetitions[phase]; index++)
            {
                await NewPetitionAsync(phase, _faker.PickRandom(sites));
            }

            foreach (var script in _scripts)
            {
                while (script.Steps.Count > 0 && script.Steps.Peek().Phase == phase)
                {
                    await RunAsync(script, script.Steps.Dequeue().Step);
                }
            }

            await MetricsTestBase.DeliverAllEventsAsync(this);
        }

        return regions;
    }

    /// <summary>Every figure of a table as "where row key: numerator/denominator", for a readable difference.</summary>
    private static IEnumerable<string> Lines(JsonObject table, string where) =>
        table["rows"]!.AsArray().Append(table["total"]).SelectMany(row => MetricsTestBase.Figures(row!).Select(f => $"{where} {row!["key"]} {f.Key}: {f.Value}"));

    /// <summary>The dataset is only worth comparing if it holds what the edge cases are made of.</summary>
    private static void AssertTheDatasetHasItsEdgeCases(List<StoredEvent> events)
    {
        int Count(string type, Func<JsonObject, bool>? where = null) => events.Count(e => e.Type == type && (where is null || where(e.Payload)));
        string Month(JsonObject e, string field) => IndicatorRecomputation.LocalDay(e[field]).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var acceptedIn = events.Where(e => e.Type == "Intake.PetitionAccepted").ToDictionary(e => e.Payload["petitionId"]!.GetValue<string>(), e => Month(e.Payload, "occurredAt"));
        Assert.Multiple(() =>
        {
            Assert.That(Count("Intake.PetitionRegistered"), Is.EqualTo(NewPetitions.Sum()), "petitions registered");
            Assert.That(Count("Intake.PetitionRegistered", e => e["persons"]!.GetValue<int>() > 1), Is.GreaterThan(3), "petitions of several persons");
            Assert.That(Count("Intake.PetitionsMerged"), Is.GreaterThan(3), "duplicates merged");
            Assert.That(Count("Intake.PetitionClassified"), Is.GreaterThan(3), "petitions not accepted");
            Assert.That(Count("Intake.PetitionAccepted", e => Month(e, "receivedAt") != Month(e, "occurredAt")), Is.GreaterThan(0), "received in one month, accepted in the next");
            Assert.That(Count("Intake.PetitionAccepted", e => (IndicatorRecomputation.LocalDay(e["occurredAt"]).DayNumber - IndicatorRecomputation.LocalDay(e["receivedAt"]).DayNumber) > 15), Is.GreaterThan(0), "accepted late");
            Assert.That(Count("Dispatch.CaseAssigned", e => e["isReassignment"]!.GetValue<bool>()), Is.GreaterThan(3), "cases returned and reassigned");
            Assert.That(Count("Dispatch.CaseAssigned", e => e["mode"]!.GetValue<string>() == "forward"), Is.GreaterThan(3), "cases forwarded");
            Assert.That(Count("Dispatch.SupervisionOrderIssued"), Is.GreaterThan(3), "supervision orders");
            Assert.That(Count("Dispatch.CaseReplied", e => !e["onTime"]!.GetValue<bool>()), Is.GreaterThan(0), "late replies");
            Assert.That(Count("Dispatch.CaseOverdue", e => e["step"]!.GetValue<string>() == "reply"), Is.GreaterThan(3), "cases past their reply deadline");
            Assert.That(Count("Dispatch.CaseClosed", e => e["rating"] is null), Is.GreaterThan(3), "cases closed unrated");
            Assert.That(Count("Dispatch.CaseClosed", e => acceptedIn[e["petitionId"]!.GetValue<string>()] != Month(e, "occurredAt")), Is.GreaterThan(3), "cases closed in a later month than accepted");
            Assert.That(Count("Dispatch.CaseRated", e => e["rating"]!.GetValue<string>() == "dissatisfied"), Is.GreaterThan(0), "dissatisfied ratings");
            Assert.That(Count("Dispatch.CaseReviewRequested"), Is.GreaterThan(3), "reviews requested");
        });
    }

    private static bool Recount(List<StoredEvent> events, Place region, DateOnly from, DateOnly to, Dictionary<string, string> ofPetition, string value) =>
        IndicatorRecomputation.Recompute(events, region.Path, from, to, id => ofPetition.GetValueOrDefault(id) == value)["registered"] != "0";

    private static void Compare(
        List<string> differences, string where, JsonNode row, List<StoredEvent> events, string path, DateOnly from, DateOnly to,
        Func<string, bool>? ofPetition = null, Func<string?, bool>? ofUnit = null)
    {
        var served = MetricsTestBase.Figures(row);
        var recomputed = IndicatorRecomputation.Recompute(events, path, from, to, ofPetition, ofUnit);
        if (!served.Keys.Order(StringComparer.Ordinal).SequenceEqual(recomputed.Keys.Order(StringComparer.Ordinal)))
        {
            differences.Add($"{where}: served keys {string.Join(',', served.Keys)}");
            return;
        }

        differences.AddRange(recomputed.Where(f => served[f.Key] != f.Value).Select(f => $"{where} {f.Key}: served {served[f.Key]}, recomputed {f.Value}"));
    }

    /// <summary>The days a calendar row covers within the period asked for.</summary>
    private static (DateOnly From, DateOnly To) PeriodOf(string key, DateOnly first, DateOnly last)
    {
        var start = key.Length == 4 ? new DateOnly(int.Parse(key, CultureInfo.InvariantCulture), 1, 1) : DateOnly.ParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = (key.Length == 4 ? start.AddYears(1) : start.AddMonths(1)).AddDays(-1);
        return (start < first ? first : start, end > last ? last : end);
    }

    /// <summary>
    /// The indicators as the city's analyst reads them: the whole city is in reach, so a district or a town is named by its id, and
    /// so is a unit the figures keep to.
    /// </summary>
    private async Task<JsonObject> IndicatorsAsync(Place region, DateOnly from, DateOnly to, string groupBy, Guid? unitId = null) =>
        await (await (await ClientAsync("city.analyst")).GetAsync(
                $"/api/v1/metrics/indicators?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&regionId={region.Id}&groupBy={groupBy}{(unitId is { } id ? $"&unitId={id}" : string.Empty)}"))
            .ShouldBeOkAsync<JsonObject>();

    /// <summary>
    /// Registers a petition at the site, received up to three weeks before today. A repeat of an earlier petitioner's matter is
    /// merged into it now and then; the others are accepted (and their case scripted), not accepted, or left to classify.
    /// </summary>
    private async Task NewPetitionAsync(int phase, Site site)
    {
        var officer = await ClientAsync(Officer);
        var repeatOf = _earlier.Count > 10 && _faker.Random.Bool(0.12f) ? _faker.PickRandom(_earlier) : ((string, string, Guid)?)null;
        var channel = _faker.PickRandom(Channels);
        var registration = Data.Registration(
            site.RegionId, channel, repeatOf?.Item1 ?? Data.NewIdNumber(), repeatOf?.Item2 ?? Data.Request(),
            _faker.Random.Bool(0.1f) ? _faker.Random.Int(2, 4) : 1, _faker.PickRandom(Categories));
        var hoursBefore = _faker.Random.Bool(0.15f) ? _faker.Random.Int(14 * 24, 21 * 24) : _faker.Random.Int(1, 96);
        registration["receivedAt"] = LocalTime(_day).AddHours(-hoursBefore).ToString("O");
        var petition = await IntakeData.RegisterAsync(officer, registration);
        var petitionId = Guid.Parse(petition["id"]!.GetValue<string>());
        if (repeatOf is { } earlier && _faker.Random.Bool(0.5f))
        {
            await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{petitionId}/merge", new { intoPetitionId = earlier.Item3 }, 1))
                .ShouldBeOkAsync<JsonObject>();
            return;
        }

        _earlier.Add((registration["petitioners"]![0]!["idNumber"]!.GetValue<string>(), registration["request"]!.GetValue<string>(), petitionId));
        var decision = _faker.Random.Int(0, 99);
        if (decision < 6)
        {
            return;
        }

        if (decision < 12)
        {
            await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{petitionId}/classification",
                new { decision = "not_accept", notice = "您反映的事项不属于信访受理范围。", reason = "已由其他机关依法处理。" }, 1)).ShouldBeOkAsync<JsonObject>();
            return;
        }

        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{petitionId}/classification",
            new { decision = "accept", notice = "您的信访事项已受理。" }, 1)).ShouldBeOkAsync<JsonObject>();
        await PumpOutboxAsync();
        using var db = TestDatabase.Open(Api);
        var caseId = Guid.Parse(TestDatabase.Strings(db, "SELECT id FROM dispatch_cases WHERE petition_id = $id AND kind = 'Handling'", ("$id", petitionId.ToString())).Single());
        _scripts.Add(new Script(caseId, site.Desk, ScriptSteps(phase, site.Desk.Reviewable)));
    }

    /// <summary>
    /// The steps of a new case, each in the phase it falls in: a step follows the one before it in the same phase or, now and
    /// then, in the next; a review follows the reply within its window. Steps falling after the last phase are never taken.
    /// </summary>
    private Queue<(int Phase, Step Step)> ScriptSteps(int phase, bool reviewable)
    {
        var steps = new List<Step>();
        var stopsAt = _faker.Random.Int(0, 99);
        if (stopsAt >= 5)
        {
            steps.Add(_faker.Random.Bool(0.3f) ? Step.Forward : Step.Assign);
            if (_faker.Random.Bool(0.12f))
            {
                steps.Add(Step.ReturnAndReassign);
            }

            if (_faker.Random.Bool(0.25f))
            {
                steps.Add(Step.Supervise);
            }

            if (stopsAt >= 10)
            {
                steps.Add(Step.Sign);
            }

            if (stopsAt >= 20)
            {
                steps.Add(Step.Reply);
            }

            if (stopsAt >= 30)
            {
                var rating = _faker.PickRandom(Step.RateSatisfied, Step.RateSatisfied, Step.RateBasicallySatisfied, Step.RateDissatisfied);
                var outcome = _faker.Random.Int(0, reviewable ? 6 : 3);
                steps.AddRange(outcome switch
                {
                    0 => [rating, Step.Close],
                    1 => [Step.Close, rating],
                    2 or 3 => [Step.Close],
                    4 => [Step.RateDissatisfied, Step.Review],
                    5 => [Step.Close, Step.Review],
                    _ => [Step.Review, Step.Close],
                });
            }
        }

        var scheduled = new Queue<(int Phase, Step Step)>();
        var at = phase;
        var repliedAt = phase;
        foreach (var step in steps)
        {
            // A return comes within days of the assignment; a review within the window after the reply (one later is refused, which
            // the hand-computed fixtures show), else it is left out with what follows it.
            bool InReviewWindow(int phaseOfReview) => phaseOfReview < Phases.Length && Phases[phaseOfReview].DayNumber - Phases[repliedAt].DayNumber <= 25;
            if (step == Step.Review && !InReviewWindow(at))
            {
                break;
            }

            var deferrable = step != Step.ReturnAndReassign && (step != Step.Review || InReviewWindow(at + 1));
            if (deferrable && _faker.Random.Bool(0.3f))
            {
                at++;
            }

            if (step == Step.Reply)
            {
                repliedAt = at;
            }

            if (at < Phases.Length)
            {
                scheduled.Enqueue((at, step));
            }
        }

        return scheduled;
    }

    private async Task RunAsync(Script script, Step step)
    {
        var officer = await ClientAsync(Officer);
        var handler = await ClientAsync(script.Desk.Handler);
        var unitId = _units[script.Desk.Unit];
        switch (step)
        {
            case Step.Assign or Step.Forward:
                await ChangeAsync(script, officer, "assignment", new { mode = step == Step.Forward ? "forward" : "assign", leadUnitId = unitId, coUnitIds = Array.Empty<Guid>(), instructions = "请依法依规办理并按期答复。" });
                break;
            case Step.ReturnAndReassign:
                await ChangeAsync(script, handler, "return", new { reason = "该事项涉及其他单位职责，请重新研究交办。", suggestedUnitId = (Guid?)null });
                await ChangeAsync(script, officer, "assignment", new { mode = "assign", leadUnitId = unitId, coUnitIds = Array.Empty<Guid>(), instructions = "经研究仍由你单位牵头办理。" });
                break;
            case Step.Supervise:
                await ChangeAsync(script, officer, "supervision-orders", new { unitId = (Guid?)null, text = "请按期办理并报告进展。", dueOn = _day.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
                break;
            case Step.Sign:
                await ChangeAsync(script, handler, "signature", new { });
                break;
            case Step.Reply:
                await ChangeAsync(script, handler, "reply", new { opinion = _faker.PickRandom("support", "explain", "not_support"), text = "经调查核实，现将处理意见答复如下。" });
                break;
            case Step.RateSatisfied or Step.RateBasicallySatisfied or Step.RateDissatisfied:
                var rating = step switch { Step.RateSatisfied => "satisfied", Step.RateBasicallySatisfied => "basically_satisfied", _ => "dissatisfied" };
                await ChangeAsync(script, officer, "rating", new { rating, calledBy = "回访员" });
                break;
            case Step.Close:
                var detail = await CaseAsync(handler, script.CaseId);
                script.Version = VersionOf(detail);
                foreach (var item in detail["checklist"]!.AsArray())
                {
                    await ChangeAsync(script, handler, "checklist", new { itemKey = item!["itemKey"]!.GetValue<string>() });
                }

                await ChangeAsync(script, handler, "closure", new { });
                break;
            case Step.Review:
                await ChangeAsync(script, officer, "review-request", new { reason = "信访人对处理意见不服，申请复查。" });
                break;
        }
    }

    /// <summary>Posts the change with the version the case's last change answered, reading the case again only when that is stale.</summary>
    private async Task ChangeAsync(Script script, HttpClient client, string action, object body)
    {
        script.Version ??= VersionOf(await CaseAsync(client, script.CaseId));
        var url = $"/api/v1/cases/{script.CaseId}/{action}";
        var response = await SendWithIfMatch(client, HttpMethod.Post, url, body, script.Version.Value);
        if (response.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            response.Dispose();
            response = await SendWithIfMatch(client, HttpMethod.Post, url, body, VersionOf(await CaseAsync(client, script.CaseId)));
        }

        using (response)
        {
            var answer = await response.ShouldBeOkAsync<JsonObject>();
            script.Version = answer["id"]!.GetValue<string>() == script.CaseId.ToString() ? answer["version"]!.GetValue<long>() : null;
        }
    }

    private async Task<HttpClient> ClientAsync(string user)
    {
        if (!_clients.TryGetValue(user, out var client))
        {
            client = _clients[user] = await Api.ClientForAsync(user);
        }

        return client;
    }

    private async Task<List<Place>> RegionsAsync()
    {
        var items = (await (await (await ClientAsync("city.analyst")).GetAsync("/api/v1/regions")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        return items.Select(r => new Place(
            Guid.Parse(r!["id"]!.GetValue<string>()), r["name"]!.GetValue<string>(), r["level"]!.GetValue<string>(), r["path"]!.GetValue<string>(),
            r["parentId"] is { } parent ? Guid.Parse(parent.GetValue<string>()) : null)).ToList();
    }

    /// <summary>
    /// Where petitions arise and who handles them: 府山街道 (the town and its communities) by its own government, three more towns
    /// of 越城区 by the district's housing bureau, and two towns of other districts by the city's (whose replies have no level
    /// above to review them).
    /// </summary>
    private async Task<List<Site>> SitesAsync(List<Place> regions)
    {
        var town = new Desk("town.handler", TownGovernment, true);
        var district = new Desk("district.handler", DistrictHousing, true);
        var city = new Desk("city.handler", "绍兴市住房和城乡建设局", false);
        var fushan = regions.Single(r => r.Name == "府山街道");
        var sites = regions.Where(r => r.ParentId == fushan.Id).Append(fushan).Select(r => new Site(r.Id, r.Path, town)).ToList();
        sites.AddRange(new[] { "塔山街道", "迪荡街道", "北海街道" }.Select(name => regions.Single(r => r.Name == name)).Select(r => new Site(r.Id, r.Path, district)));
        sites.AddRange(new[] { "柯桥街道", "枫桥镇" }.Select(name => regions.Single(r => r.Name == name)).Select(r => new Site(r.Id, r.Path, city)));
        foreach (var desk in new[] { town, district, city })
        {
            _units[desk.Unit] = await UserAdminTests.UnitIdAsync(await ClientAsync(Officer), desk.Unit);
        }

        return sites;
    }

    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static DateTimeOffset LocalTime(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));

    private sealed record Place(Guid Id, string Name, string Level, string Path, Guid? ParentId);

    /// <summary>The unit that handles a site's cases, its user, and whether a review can be asked of the level above it.</summary>
    private sealed record Desk(string Handler, string Unit, bool Reviewable);

    private sealed record Site(Guid RegionId, string Path, Desk Desk);

    /// <summary>A case's remaining steps, and its version as the last change answered it (stale after the watcher's, refetched then).</summary>
    private sealed record Script(Guid CaseId, Desk Desk, Queue<(int Phase, Step Step)> Steps)
    {
        public long? Version { get; set; }
    }
}
