using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Api.Receptions;
using Fengqiao.Tests.Api.Suggestions;
using Fengqiao.Metrics.Facts;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>The suggestion and leader reception indicators, from suggestions and receptions driven through their real endpoints.</summary>
public sealed class ProgrammeIndicatorTests : MetricsTestBase
{
    [Test]
    public async Task SuggestionAndReceptionIndicators_EqualTheHandComputedFigures_AndSurviveARebuild()
    {
        await AnsweredSuggestionAsync("建议增设社区食堂", "adopted");
        await AnsweredSuggestionAsync("建议开设夜间托管班", "partly_adopted");
        await AnsweredSuggestionAsync("建议拓宽背街小巷", "not_adopted");
        using var anonymous = Api.CreateClient();
        await EvaluationTests.SubmitAsync(anonymous, new { regionId = Region("府山街道"), title = "建议增设公交站亭", content = "建议增设公交站亭，方便群众。" });
        await LeaderReceptionAsync();
        await DeliverAllEventsAsync();

        using var leader = await Api.ClientForAsync("district.leader");
        var before = Figures((await (await leader.GetAsync($"/api/v1/metrics/indicators?{Period}")).ShouldBeOkAsync<JsonObject>())["total"]!);
        var expected = new Dictionary<string, string>
        {
            ["suggestions_received"] = "4",
            ["suggestion_adoption_rate"] = "2/3",
            ["leader_reception_batches"] = "2",
            ["leader_reception_persons"] = "6",
            ["must_visit_batches"] = "0",
            ["must_visit_share"] = "0/0",
        };
        Assert.That(before.Where(f => expected.ContainsKey(f.Key)).ToDictionary(), Is.EquivalentTo(expected));
        Assert.That(before["registered"], Is.EqualTo("0"), "neither suggestions nor receptions without a petition register petitions");
        Assert.That(before["must_visit_share"], Is.EqualTo("0/0"), "a district leader's reception day is no county-level visit, of which the share is taken");

        await Api.Services.GetRequiredService<MetricsRebuild>().RebuildAsync(null, CancellationToken.None);
        var after = Figures((await (await leader.GetAsync($"/api/v1/metrics/indicators?{Period}")).ShouldBeOkAsync<JsonObject>())["total"]!);
        Assert.That(after, Is.EquivalentTo(before));

        var byChannel = (await (await leader.GetAsync($"/api/v1/metrics/indicators?{Period}&groupBy=channel")).ShouldBeOkAsync<JsonObject>())["rows"]!.AsArray();
        Assert.That(byChannel.Select(r => r!["key"]!.GetValue<string>()), Is.EquivalentTo(new[] { "reception", "suggestion" }));
    }

    /// <summary>A suggestion of 府山街道 submitted online, screened valid, assigned to the district's housing bureau and answered.</summary>
    private async Task AnsweredSuggestionAsync(string title, string outcome)
    {
        using var anonymous = Api.CreateClient();
        var credentials = await EvaluationTests.SubmitAsync(anonymous, new { regionId = Region("府山街道"), title, content = $"{title}，方便群众。" });
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var id = await EvaluationTests.IdOfAsync(reviewer, credentials["trackingCode"]!.GetValue<string>());
        var housing = await UnitAsync(DistrictHousing);
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/screening", new { outcome = "valid" }, 1)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/assignment", new { unitIds = new[] { housing } }, 2)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{id}/answers", new { unitId = housing, outcome, reply = "经研究答复如下。" }, 3))
            .ShouldBeOkAsync<JsonObject>();
    }

    /// <summary>A leader's reception day held in 迪荡街道 with batches of 2 and 1 persons, the second corrected to 4.</summary>
    private async Task LeaderReceptionAsync()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var created = await (await leader.PostAsJsonAsync("/api/v1/receptions", ReceptionTestBase.LeaderDay(Region("迪荡街道"))))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        await (await SendWithIfMatch(leader, HttpMethod.Post, $"/api/v1/receptions/{id}/holding", null, 1)).ShouldBeOkAsync<JsonObject>();
        await (await officer.PostAsJsonAsync($"/api/v1/receptions/{id}/batches", ReceptionTestBase.Explained(2, Petitioner())))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var batch = await (await officer.PostAsJsonAsync($"/api/v1/receptions/{id}/batches", ReceptionTestBase.Explained(1, Petitioner())))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/receptions/{id}/batches/{batch["id"]}/correction",
            new { persons = 4, outcome = "explained", reason = "同行亲属漏记。" }, 1)).ShouldBeOkAsync<JsonObject>();
    }

    private object Petitioner() => new { name = Data.Name(), idNumber = Data.NewIdNumber(), phone = Data.MobilePhone() };
}
