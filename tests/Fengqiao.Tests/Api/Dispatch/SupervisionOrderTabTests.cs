using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Dispatch;

/// <summary>The worklist tab of the supervision orders a unit has still to answer, and its count on the home page.</summary>
public sealed class SupervisionOrderTabTests : DispatchTestBase
{
    [Test]
    public async Task Tab_ListsTheCasesWithAnOrderToTheCallersUnit_UntilAnswered()
    {
        using var town = await Api.ClientForAsync("town.handler");
        using var cityHandler = await Api.ClientForAsync("city.handler");
        var before = await CountAsync(town);
        var (caseId, _) = await OpenCaseAsync();
        await AssignAsync(caseId, TownGovernment);
        var (other, _) = await OpenCaseAsync();
        await AssignAsync(other, TownGovernment);

        using var supervisor = await Api.ClientForAsync("district.supervisor");
        await (await ChangeAsync(supervisor, caseId, "supervision-orders",
            new { unitId = (Guid?)null, text = "请于三日内书面报告办理进展。", dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)).ToString("yyyy-MM-dd") }))
            .ShouldBeOkAsync<JsonObject>();

        Assert.That(await TabAsync(town), Does.Contain(caseId.ToString()).And.Not.Contain(other.ToString()), "only the case with an order to the unit");
        Assert.That(await CountAsync(town), Is.EqualTo(before + 1));
        Assert.That(await TabAsync(cityHandler), Does.Not.Contain(caseId.ToString()), "the order went to 府山街道's office, not to the city's unit");

        var orderId = (await CaseAsync(town, caseId))["supervisionOrders"]!.AsArray().Single()!["id"]!.GetValue<string>();
        await (await ChangeAsync(town, caseId, "supervision-answers", new { orderId, text = "已督促物业整改，三日内完成。" })).ShouldBeOkAsync<JsonObject>();
        Assert.That(await TabAsync(town), Does.Not.Contain(caseId.ToString()), "an answered order waits no longer");
        Assert.That(await CountAsync(town), Is.EqualTo(before));
    }

    [TestCase("town.supervisor")]
    [TestCase("town.leader")]
    [TestCase("town.analyst")]
    public async Task Tab_ForRolesThatDoNotAnswerOrders_Answers403_AndIsNotCounted(string user)
    {
        using var client = await Api.ClientForAsync(user);
        await (await client.GetAsync("/api/v1/cases?tab=supervision_orders")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var counts = await (await client.GetAsync("/api/v1/cases/counts")).ShouldBeOkAsync<JsonObject>();
        Assert.That(counts["tabs"]!.AsObject().ContainsKey("supervision_orders"), Is.False);
    }

    private static async Task<List<string>> TabAsync(HttpClient client)
    {
        var page = await (await client.GetAsync("/api/v1/cases?tab=supervision_orders&limit=100")).ShouldBeOkAsync<JsonObject>();
        return page["items"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
    }

    private static async Task<long> CountAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/cases/counts")).ShouldBeOkAsync<JsonObject>())["tabs"]!["supervision_orders"]!.GetValue<long>();
}
