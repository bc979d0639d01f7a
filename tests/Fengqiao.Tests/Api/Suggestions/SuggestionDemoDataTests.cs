using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Suggestions;

/// <summary>A fresh host with the demo suggestions seeded: topics in every status show to staff and the public on first start.</summary>
public sealed class SuggestionDemoDataTests : SuggestionTestBase
{
    protected override Dictionary<string, string?> Settings => new() { ["Demo:Suggestions"] = "true", ["RateLimits:PublicPerMinute"] = "1000" };

    [Test]
    public async Task TheCitysReviewer_SeesTopicsInEveryStatus_InTheCityAndEveryDistrict()
    {
        using var reviewer = await Api.ClientForAsync("city.suggestion_reviewer");
        var topics = (await (await reviewer.GetAsync("/api/v1/suggestion-topics?limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        Assert.That(topics.Select(t => t!["status"]!.GetValue<string>()).Distinct(), Is.EquivalentTo(new[] { "draft", "published", "closed", "concluded" }));
        foreach (var district in new[] { "越城区", "柯桥区", "上虞区", "诸暨市", "嵊州市", "新昌县" })
        {
            var own = (await (await reviewer.GetAsync($"/api/v1/suggestion-topics?regionId={Region(district)}&limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
            Assert.That(own.Select(t => t!["status"]!.GetValue<string>()).Distinct().Count(), Is.EqualTo(4), district);
        }
    }

    [Test]
    public async Task TheDemoTownsReviewer_HasTopicsOfItsOwn()
    {
        using var town = await Api.ClientForAsync("town.suggestion_reviewer");
        var topics = (await (await town.GetAsync("/api/v1/suggestion-topics")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        Assert.That(topics.Select(t => t!["status"]!.GetValue<string>()), Is.EquivalentTo(new[] { "published", "concluded" }));
    }

    [Test]
    public async Task ThePublic_SeesOpenAndConcludedTopics_WithSummaries_AndNoDraft()
    {
        using var anonymous = Api.CreateClient();
        var topics = (await (await anonymous.GetAsync("/api/v1/public/suggestion-topics?limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        Assert.That(topics.Select(t => t!["status"]!.GetValue<string>()).Distinct(), Is.EquivalentTo(new[] { "published", "closed", "concluded" }));
        Assert.That(topics.Count(t => t!["takesSuggestions"]!.GetValue<bool>()), Is.GreaterThanOrEqualTo(7), "the city's, every district's and its first town's");
        var concluded = topics.First(t => t!["status"]!.GetValue<string>() == "concluded")!;
        var detail = await (await anonymous.GetAsync($"/api/v1/public/suggestion-topics/{concluded["id"]}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(detail["summary"]!.GetValue<string>(), Does.Contain("采纳"));
    }

    [Test]
    public async Task TheCitysReviewer_HasAFewHundredSuggestions_InEveryStatus_SomeAwaitingScreening_SomeAnsweredAndRated()
    {
        using var reviewer = await Api.ClientForAsync("city.suggestion_reviewer");
        var statuses = new List<string>();
        var answered = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await reviewer.GetAsync($"/api/v1/suggestions?limit=100{(cursor is null ? "" : $"&cursor={cursor}")}")).ShouldBeOkAsync<JsonObject>();
            statuses.AddRange(page["items"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()));
            answered.AddRange(page["items"]!.AsArray().Where(s => s!["status"]!.GetValue<string>() == "answered").Select(s => s!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.That(statuses, Has.Count.InRange(300, 800));
        Assert.That(statuses.Distinct(), Is.EquivalentTo(new[] { "submitted", "valid", "duplicate", "out_of_scope", "assigned", "answered", "implemented" }));
        Assert.That(statuses.Count(s => s is "valid" or "assigned" or "answered" or "implemented"), Is.GreaterThan(statuses.Count / 2));
        var outcomes = new List<string>();
        var rated = 0;
        foreach (var id in answered)
        {
            var detail = await (await reviewer.GetAsync($"/api/v1/suggestions/{id}")).ShouldBeOkAsync<JsonObject>();
            outcomes.Add(detail["outcome"]!.GetValue<string>());
            Assert.That(detail["assignments"]![0]!["reply"]!.GetValue<string>(), Does.StartWith("感谢您的建议"));
            rated += detail["rating"] is null ? 0 : 1;
        }

        Assert.That(outcomes.Distinct(), Is.EquivalentTo(new[] { "adopted", "partly_adopted", "kept_for_reference", "not_adopted" }));
        Assert.That(rated, Is.InRange(1, answered.Count - 1), "most answers rated, not all");
    }

    [Test]
    public async Task ThePublic_SeesAdoptedSuggestions_WithWhatWasDone_AndTheAwardedOnes()
    {
        using var anonymous = Api.CreateClient();
        var adopted = (await (await anonymous.GetAsync("/api/v1/public/adopted-suggestions?limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        Assert.That(adopted.Select(s => s!["outcome"]!.GetValue<string>()).Distinct(), Is.EquivalentTo(new[] { "adopted", "partly_adopted" }));
        Assert.That(adopted.Count(s => s!["implementation"] is not null), Is.GreaterThan(0));
        var awarded = (await (await anonymous.GetAsync("/api/v1/public/adopted-suggestions?awarded=true&limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        Assert.That(awarded, Is.Not.Empty);
        Assert.That(awarded.Select(s => s!["award"]!.GetValue<string>()), Is.All.Contains("优秀建议"));
    }

    [Test]
    public async Task TheCitysReviewer_ScreeningADemoSuggestion_IsShownEarlierSimilarOnes_FromTheLoadedTextIndex()
    {
        using var reviewer = await Api.ClientForAsync("city.suggestion_reviewer");
        var waiting = (await (await reviewer.GetAsync("/api/v1/suggestions?status=submitted&limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        Assert.That(waiting, Is.Not.Empty);
        var shown = 0;
        foreach (var item in waiting)
        {
            var detail = await (await reviewer.GetAsync($"/api/v1/suggestions/{item!["id"]}")).ShouldBeOkAsync<JsonObject>();
            var similar = detail["similar"]!.AsArray();
            shown += similar.Count;
            Assert.That(similar.Select(s => s!["similarity"]!.GetValue<double>()), Is.All.GreaterThanOrEqualTo(0.5));
            Assert.That(similar.Select(s => s!["submittedAt"]!.GetValue<DateTimeOffset>()), Is.All.LessThanOrEqualTo(detail["submittedAt"]!.GetValue<DateTimeOffset>()));
        }

        Assert.That(shown, Is.GreaterThan(0), "the demo's ideas recur, so a suggestion awaiting screening meets earlier ones like it");
    }

    [TestCase("district.suggestion_reviewer")]
    [TestCase("town.suggestion_reviewer")]
    public async Task EveryReviewer_FindsSuggestions_InTheirWorklist(string user)
    {
        using var reviewer = await Api.ClientForAsync(user);
        var page = await (await reviewer.GetAsync("/api/v1/suggestions?limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(page["items"]!.AsArray(), Is.Not.Empty);
    }

    [TestCase("district.suggestion_reviewer", "")]
    [TestCase("district.suggestion_reviewer", "&status=valid")]
    [TestCase("town.suggestion_reviewer", "")]
    [TestCase("town.suggestion_reviewer", "&status=valid")]
    public async Task AReviewersWorklist_HoldsTheirSubtreesSuggestionsOnly_OnEveryPage(string user, string filter)
    {
        using var reviewer = await Api.ClientForAsync(user);
        var regions = (await (await reviewer.GetAsync("/api/v1/regions?includeRetired=true")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray()
            .Select(r => r!["id"]!.GetValue<string>()).ToHashSet();
        using var city = await Api.ClientForAsync("city.analyst");
        var cityWide = (await (await city.GetAsync("/api/v1/suggestions?limit=100" + filter)).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        Assert.That(cityWide.Select(i => i!["regionId"]!.GetValue<string>()), Has.Some.Matches<string>(r => !regions.Contains(r)), "the city reads beyond the reviewer's subtree");

        var seen = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await (await reviewer.GetAsync("/api/v1/suggestions?limit=100" + filter + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor))))
                .ShouldBeOkAsync<JsonObject>();
            seen.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.That(seen, Is.Not.Empty);
        Assert.That(seen.Select(i => i["regionId"]!.GetValue<string>()), Is.All.Matches<string>(regions.Contains));
        Assert.That(seen.Select(i => i["submittedAt"]!.GetValue<DateTimeOffset>()), Is.Ordered.Descending);
    }

    [TestCase("city.handler")]
    [TestCase("district.handler")]
    public async Task DepartmentHandlers_FindSuggestionsAssignedToTheirUnit(string user)
    {
        using var handler = await Api.ClientForAsync(user);
        var page = await (await handler.GetAsync("/api/v1/suggestion-assignments?limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(page["items"]!.AsArray(), Is.Not.Empty);
    }
}
