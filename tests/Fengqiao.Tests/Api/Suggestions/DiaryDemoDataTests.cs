using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Suggestions;

/// <summary>A fresh host with the demo diary seeded: the demo town's cadres find entries, proposals, matters and their conversions.</summary>
public sealed class DiaryDemoDataTests : SuggestionTestBase
{
    protected override Dictionary<string, string?> Settings => new() { ["Demo:Diary"] = "true" };

    [Test]
    public async Task TheDemoTownsCadre_FindsEntries_Proposals_AndMattersThatBecamePetitionsAndSuggestions()
    {
        using var cadre = await Api.ClientForAsync("town.petition_officer");
        var entries = await (await cadre.GetAsync("/api/v1/diary/entries?limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(entries["items"]!.AsArray(), Has.Count.GreaterThan(20));
        Assert.That(entries["items"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).Distinct(), Is.EquivalentTo(new[] { "visit", "group_message" }));

        var proposals = await (await cadre.GetAsync("/api/v1/diary/matter-proposals")).ShouldBeOkAsync<JsonArray>();
        Assert.That(proposals, Is.Not.Empty, "the recent entries of a recurring matter are left open");

        using var city = await Api.ClientForAsync("city.analyst");
        var all = await (await city.GetAsync("/api/v1/diary/entries?limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(all["nextCursor"]?.GetValue<string>(), Is.Not.Null, "more than a page of a hundred over the first towns");
        var matters = (await (await city.GetAsync("/api/v1/diary/matters?limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        Assert.That(matters.Select(m => m!["convertedTo"]?.GetValue<string>()).Distinct(), Is.EquivalentTo(new[] { "petition", "suggestion", null }));

        var converted = matters.First(m => m!["convertedTo"]?.GetValue<string>() == "petition")!;
        using var officer = await Api.ClientForAsync("city.petition_officer");
        var matter = await (await officer.GetAsync($"/api/v1/diary/matters/{converted["id"]}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(matter["outcome"]!["status"]!.GetValue<string>(), Is.EqualTo("registered"), "registered through intake");
        Assert.That(matter["entries"]!.AsArray(), Has.Count.GreaterThanOrEqualTo(2));
    }
}
