using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Dispatch;

/// <summary>A supervision order goes to a unit within the issuer's jurisdiction that can read the case; any other id answers as a missing one.</summary>
public sealed class SupervisionOrderTargetTests : DispatchTestBase
{
    /// <summary>Cases open when the test pumps the outbox, not when the background dispatcher happens to claim the event first.</summary>
    protected override Dictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Outbox:Enabled"] = "false";
            return settings;
        }
    }

    [Test]
    public async Task Order_ToTheLeadUnit_ACoUnit_OrTheBureauAbove_IsIssued()
    {
        var caseId = await AssignedCaseAsync();
        using var supervisor = await Api.ClientForAsync("district.supervisor");

        await (await IssueAsync(supervisor, caseId, null)).ShouldBeOkAsync<JsonObject>();
        await (await IssueAsync(supervisor, caseId, await UnitAsync(DistrictHousing))).ShouldBeOkAsync<JsonObject>();
        await (await IssueAsync(supervisor, caseId, await UnitAsync("越城区信访局"))).ShouldBeOkAsync<JsonObject>();

        var supervised = (await CaseAsync(supervisor, caseId))["supervisionOrders"]!.AsArray().Select(o => o!["unitName"]!.GetValue<string>());
        Assert.That(supervised, Is.EquivalentTo(new[] { TownGovernment, DistrictHousing, "越城区信访局" }));
    }

    [TestCase("塔山街道办事处", TestName = "Order_ToAUnitInTheJurisdictionThatCannotReadTheCase_Answers404")]
    [TestCase("柯桥区住房和城乡建设局", TestName = "Order_ToAUnitOfAnotherDistrict_Answers404")]
    [TestCase("绍兴市住房和城乡建设局", TestName = "Order_ToAUnitAboveTheIssuersJurisdiction_Answers404")]
    public async Task Order_ToAUnitBeyondTheIssuerOrTheCase_AnswersAsAMissingUnit(string unitName)
    {
        var caseId = await AssignedCaseAsync();
        using var supervisor = await Api.ClientForAsync("district.supervisor");

        var beyond = await (await IssueAsync(supervisor, caseId, await UnitAsync(unitName))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await IssueAsync(supervisor, caseId, Guid.NewGuid())).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        Assert.That(beyond["title"]!.GetValue<string>(), Is.EqualTo(missing["title"]!.GetValue<string>()));
        Assert.That(beyond["detail"]?.GetValue<string>(), Is.EqualTo(missing["detail"]?.GetValue<string>()), "an existing id beyond reach answers exactly as an unknown one");
        Assert.That((await CaseAsync(supervisor, caseId))["supervisionOrders"]!.AsArray(), Is.Empty);
    }

    private async Task<Guid> AssignedCaseAsync()
    {
        var (caseId, _) = await OpenCaseAsync();
        await AssignAsync(caseId, TownGovernment, "assign", DistrictHousing);
        return caseId;
    }

    private Task<HttpResponseMessage> IssueAsync(HttpClient supervisor, Guid caseId, Guid? unitId) =>
        ChangeAsync(supervisor, caseId, "supervision-orders",
            new { unitId, text = "请于三日内书面报告办理进展。", dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)).ToString("yyyy-MM-dd") });
}
