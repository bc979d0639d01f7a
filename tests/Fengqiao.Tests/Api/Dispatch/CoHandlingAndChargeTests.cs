using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Dispatch;

/// <summary>A pause refused, a co-handling unit's input and a leader's 包案, through the API.</summary>
public sealed class CoHandlingAndChargeTests : DispatchTestBase
{
    [Test]
    public async Task PauseWithoutAReason_Answers400_AndByAUnitThatDoesNotLeadTheCase_403()
    {
        var (caseId, _) = await OpenCaseAsync();
        await AssignAsync(caseId, TownGovernment, "assign", DistrictHousing);
        using var town = await Api.ClientForAsync("town.handler");
        await (await ChangeAsync(town, caseId, "signature", new { })).ShouldBeOkAsync<JsonObject>();

        var problem = await (await ChangeAsync(town, caseId, "clock-pause", new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("reason"));

        using var coUnit = await Api.ClientForAsync("district.handler");
        await (await ChangeAsync(coUnit, caseId, "clock-pause", new { reason = "协办单位无权暂停。" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.That((await CaseAsync(town, caseId))["pausedAt"], Is.Null);
    }

    [Test]
    public async Task CoHandlingUnit_SubmitsItsInput_TheLeadSeesIt_AndTheLeadItselfCannotSubmitAsCoUnit()
    {
        var (caseId, _) = await OpenCaseAsync();
        await AssignAsync(caseId, TownGovernment, "assign", DistrictHousing);
        using var town = await Api.ClientForAsync("town.handler");
        await (await ChangeAsync(town, caseId, "signature", new { })).ShouldBeOkAsync<JsonObject>();
        using var coUnit = await Api.ClientForAsync("district.handler");

        await (await ChangeAsync(coUnit, caseId, "co-unit-input", new { text = "经现场核查，楼道杂物系住户堆放。" })).ShouldBeOkAsync<JsonObject>();
        await (await ChangeAsync(town, caseId, "co-unit-input", new { text = "牵头单位不应提交协办意见。" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await ChangeAsync(coUnit, caseId, "co-unit-input", new { text = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var seenByLead = await CaseAsync(town, caseId);
        var input = seenByLead["coUnits"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(input["unitName"]!.GetValue<string>(), Is.EqualTo(DistrictHousing));
            Assert.That(input["inputText"]!.GetValue<string>(), Is.EqualTo("经现场核查，楼道杂物系住户堆放。"));
            Assert.That(input["inputAt"], Is.Not.Null);
            var entry = seenByLead["timeline"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "co_unit_input")!;
            Assert.That(entry["isPublic"]!.GetValue<bool>(), Is.False, "a co-unit's input is internal to the units");
        });
    }

    [Test]
    public async Task Leader_TakesChargeOfTheCase_TheCaseNamesThem_AndOthersCannot()
    {
        var (caseId, _) = await OpenCaseAsync();
        await AssignAsync(caseId, TownGovernment);
        using var leader = await Api.ClientForAsync("district.leader");
        var me = await (await leader.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();

        await (await ChangeAsync(leader, caseId, "leader", new { note = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await ChangeAsync(leader, caseId, "leader", new { note = "本人包案，一周内约见信访人。" })).ShouldBeOkAsync<JsonObject>();

        using var town = await Api.ClientForAsync("town.handler");
        var seen = await CaseAsync(town, caseId);
        Assert.That(seen["leaderName"]!.GetValue<string>(), Is.EqualTo(me["displayName"]!.GetValue<string>()));
        Assert.That(seen["timeline"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()), Does.Contain("leader_in_charge"));
        await (await ChangeAsync(town, caseId, "leader", new { note = "办理人员不能包案。" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var otherTownLeader = await Api.ClientForAsync("town.leader");
        var (otherCaseId, _) = await OpenCaseAsync(regionId: Region("塔山街道"));
        await (await SendWithIfMatch(otherTownLeader, HttpMethod.Post, $"/api/v1/cases/{otherCaseId}/leader", new { note = "越权包案。" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
