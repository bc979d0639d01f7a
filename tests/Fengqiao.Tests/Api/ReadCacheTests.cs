using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api;

/// <summary>
/// Repeated reads of the worklist and of a petition are answered from memory (they carry an Age header) until this
/// process commits a write; an answer kept for one caller is never given to another.
/// </summary>
public sealed class ReadCacheTests : IntakeTestBase
{
    // Background deliveries commit too, and would empty the cache between two reads of a test.
    protected override Dictionary<string, string?> Settings => new() { ["Outbox:Enabled"] = "false", ["DeadlineWatcher:Enabled"] = "false", ["MustVisitProposer:Enabled"] = "false" };

    [Test]
    public async Task RepeatedWorklistRead_IsAnsweredFromMemory_UntilARegistrationCommits()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道")));

        var first = await ReadAsync(officer, "/api/v1/petitions?limit=100");
        var again = await ReadAsync(officer, "/api/v1/petitions?limit=100");
        Assert.That((first.Cached, again.Cached), Is.EqualTo((false, true)));
        Assert.That(again.Body.ToJsonString(), Is.EqualTo(first.Body.ToJsonString()));

        var registered = await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道")));
        var after = await ReadAsync(officer, "/api/v1/petitions?limit=100");
        Assert.That(after.Cached, Is.False);
        Assert.That(Ids(after.Body), Does.Contain(registered["id"]!.GetValue<string>()));
    }

    [Test]
    public async Task RepeatedPetitionRead_IsAnsweredFromMemory_UntilItsClassificationCommits()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var id = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"))))["id"]!.GetValue<string>();
        await ReadAsync(officer, $"/api/v1/petitions/{id}");
        var again = await ReadAsync(officer, $"/api/v1/petitions/{id}");
        Assert.That((again.Cached, again.Body["status"]!.GetValue<string>()), Is.EqualTo((true, "registered")));

        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{id}/classification",
            new { decision = "accept", notice = "您的信访事项已受理。" }, 1)).ShouldBeOkAsync<JsonObject>();
        var after = await ReadAsync(officer, $"/api/v1/petitions/{id}");
        Assert.That((after.Cached, after.Body["status"]!.GetValue<string>()), Is.EqualTo((false, "accepted")));
    }

    [Test]
    public async Task AnswerKeptForOneCaller_IsNotGivenToACallerOutsideItsJurisdiction()
    {
        using var district = await Api.ClientForAsync("district.petition_officer");
        // Signed in first: a sign-in commits, and would empty the cache between the two callers' reads.
        using var town = await Api.ClientForAsync("town.petition_officer");
        var id = (await IntakeData.RegisterAsync(district, Data.Registration(Region("塔山街道"))))["id"]!.GetValue<string>();
        await ReadAsync(district, $"/api/v1/petitions/{id}");
        Assert.That((await ReadAsync(district, $"/api/v1/petitions/{id}")).Cached, Is.True);

        await (await town.GetAsync($"/api/v1/petitions/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task AnswerKeptForADisciplineInspector_IsNotGivenToAnOfficerOfTheSameDistrict()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        using var inspector = await Api.ClientForAsync("district.discipline_inspector");
        var id = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"), request: "举报某村干部侵占集体资金")))["id"]!.GetValue<string>();
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{id}/classification",
            new { decision = "refer_to_discipline", reason = "检举控告类", notice = "您的检举材料已转纪检监察机关处理。" }, 1)).ShouldBeOkAsync<JsonObject>();

        await ReadAsync(inspector, $"/api/v1/petitions/{id}");
        Assert.That((await ReadAsync(inspector, $"/api/v1/petitions/{id}")).Cached, Is.True);
        await (await officer.GetAsync($"/api/v1/petitions/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ReadsOfAPetitionNamingAnAccusation_DifferForAnInspectorAndAnOfficer_AndAreKeptApart()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        using var inspector = await Api.ClientForAsync("district.discipline_inspector");
        var idNumber = Data.NewIdNumber();
        var accusation = await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"), idNumber: idNumber, request: "举报某村干部侵占集体资金"));
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{accusation["id"]}/classification",
            new { decision = "refer_to_discipline", reason = "检举控告类", notice = "您的检举材料已转纪检监察机关处理。" }, 1)).ShouldBeOkAsync<JsonObject>();
        var later = await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"), idNumber: idNumber));
        var url = $"/api/v1/petitions/{later["id"]}";
        var number = accusation["number"]!.GetValue<string>();

        await ReadAsync(inspector, url);
        var inspectors = await ReadAsync(inspector, url);
        var officers = await ReadAsync(officer, url);
        var officersAgain = await ReadAsync(officer, url);

        Assert.That((inspectors.Cached, officers.Cached, officersAgain.Cached), Is.EqualTo((true, false, true)));
        Assert.That(RelatedNumbers(inspectors.Body), Does.Contain(number));
        Assert.That(RelatedNumbers(officers.Body), Is.Empty);
        Assert.That(officersAgain.Body.ToJsonString(), Is.EqualTo(officers.Body.ToJsonString()));
    }

    [Test]
    public async Task ReadAskedWithNoCache_IsAnsweredAfresh()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        await ReadAsync(officer, "/api/v1/petitions?limit=5");
        Assert.That((await ReadAsync(officer, "/api/v1/petitions?limit=5")).Cached, Is.True);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/petitions?limit=5");
        request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        using var fresh = await officer.SendAsync(request);
        Assert.That((fresh.StatusCode, fresh.Headers.Age), Is.EqualTo((HttpStatusCode.OK, (TimeSpan?)null)));
    }

    [Test]
    public async Task ReadWithIfNoneMatch_IsAnsweredInFull_AsUncached()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var id = (await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道"))))["id"]!.GetValue<string>();
        await ReadAsync(officer, $"/api/v1/petitions/{id}");
        using var kept = await officer.GetAsync($"/api/v1/petitions/{id}");
        Assert.That(kept.Headers.Age, Is.Not.Null, "the second read is answered from memory");
        Assert.That(kept.Headers.ETag, Is.Not.Null);

        // The version is the same, but a timeline entry or an attachment may have changed the answer it validated.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/petitions/{id}");
        request.Headers.IfNoneMatch.Add(kept.Headers.ETag!);
        using var conditional = await officer.SendAsync(request);
        Assert.That(conditional.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await conditional.Content.ReadAsStringAsync()).Length, Is.GreaterThan(0));
    }

    [TestCase("?limit=5&text=plain", true)]
    [TestCase("?limit=5&text=%1E", false)]
    [TestCase("?limit=5&text=%1F", false)]
    [TestCase("?limit=5&te%1Ext=x", false)]
    public async Task ReadWithAKeySeparator_IsNotCached(string query, bool cached)
    {
        // The output cache answers an empty key for these, and requests with an empty key would wait on one another's
        // answer whoever sent them; so the policy keeps them out of the cache altogether.
        var policy = ActivatorUtilities.CreateInstance<CallerReadCachePolicy>(Api.Services);
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "someone")], "Bearer")) };
        http.Request.Method = HttpMethods.Get;
        http.Request.Path = "/api/v1/petitions";
        http.Request.QueryString = new QueryString(query);
        var context = new OutputCacheContext { HttpContext = http };

        await policy.CacheRequestAsync(context, CancellationToken.None);

        Assert.That(context.EnableOutputCaching, Is.EqualTo(cached));
    }

    [TestCase("platform_rule_sets")]
    [TestCase("platform_work_calendar_years")]
    public async Task SettingsAnotherInstanceChanged_EmptyTheCache_WhenPickedUp(string table)
    {
        // Answers show values of the rule set and the calendar held in memory, which a refresh replaces.
        var generation = Api.Services.GetRequiredService<DataGeneration>();
        var before = generation.Value;
        using (var db = TestDatabase.Open(Api))
        {
            using var change = db.CreateCommand();
            change.CommandText = $"UPDATE {table} SET version = version + 1";
            change.ExecuteNonQuery();
        }

        await Api.Services.GetRequiredService<IRuleSets>().RefreshAsync(CancellationToken.None);
        await Api.Services.GetRequiredService<IWorkCalendarSource>().RefreshAsync(CancellationToken.None);
        Assert.That(generation.Value, Is.GreaterThan(before));
    }

    [Test]
    public async Task FailedReads_AreNotKept()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var missing = $"/api/v1/petitions/{Guid.NewGuid()}";
        await (await officer.GetAsync(missing)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var again = await officer.GetAsync(missing);
        Assert.That((again.StatusCode, again.Headers.Age), Is.EqualTo((HttpStatusCode.NotFound, (TimeSpan?)null)));
    }

    internal static async Task<(bool Cached, JsonObject Body)> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.Headers.Age is not null, await response.ShouldBeOkAsync<JsonObject>());
    }

    private static List<string> RelatedNumbers(JsonObject petition) =>
        petition["flags"]!.AsArray().SelectMany(f => f!["related"]!.AsArray()).Select(n => n!.GetValue<string>()).Where(n => n.Contains('-', StringComparison.Ordinal)).ToList();

    private static List<string> Ids(JsonObject page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
}

/// <summary>With the read cache switched off every read is answered afresh.</summary>
public sealed class ReadCacheSwitchedOffTests : IntakeTestBase
{
    protected override Dictionary<string, string?> Settings => new() { ["ReadCache:Enabled"] = "false" };

    [Test]
    public async Task RepeatedRead_IsAnsweredAfresh()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        await ReadCacheTests.ReadAsync(officer, "/api/v1/petitions?limit=5");
        Assert.That((await ReadCacheTests.ReadAsync(officer, "/api/v1/petitions?limit=5")).Cached, Is.False);
    }
}
