using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Dispatch;

public sealed class CaseWorkflowTests : DispatchTestBase
{
    [Test]
    public async Task AssignSignProgressExtendReplyRateClose_RunsTheWholeCase_AndPublishesEachStep()
    {
        var (caseId, code, secret) = await OpenPublicCaseAsync();
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var opened = await CaseAsync(officer, caseId);
        Assert.That(opened["status"]!.GetValue<string>(), Is.EqualTo("awaiting_assignment"));
        Assert.That(opened["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Does.Contain("assign"));
        Assert.That(opened["deadlines"]!["ruleSet"]!.GetValue<string>(), Is.EqualTo("national"));
        Assert.That(opened["deadlines"]!["ruleSetTitle"]!.GetValue<string>(), Is.EqualTo("信访工作条例 (2022)"), "the page shows the rule set by its title");

        await AssignAsync(caseId, TownGovernment);
        using var town = await Api.ClientForAsync("town.handler");
        var toSign = await (await town.GetAsync("/api/v1/cases?tab=to_sign")).ShouldBeOkAsync<JsonObject>();
        Assert.That(toSign["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Does.Contain(caseId.ToString()));

        await (await ChangeAsync(town, caseId, "signature", new { note = "已签收" })).ShouldBeOkAsync<JsonObject>();
        await (await ChangeAsync(town, caseId, "notes", new { text = "已约谈物业负责人。", isPublic = false })).ShouldBeOkAsync<JsonObject>();
        await (await ChangeAsync(town, caseId, "notes", new { text = "正在协调物业清理。", isPublic = true })).ShouldBeOkAsync<JsonObject>();

        var replyDue = DateOnly.Parse((await CaseAsync(town, caseId))["deadlines"]!["replyDue"]!.GetValue<string>());
        await (await ChangeAsync(town, caseId, "extension-request", new { days = 10, reason = "需等待消防部门检测结果。" })).ShouldBeOkAsync<JsonObject>();
        using var supervisor = await Api.ClientForAsync("district.supervisor");
        await (await ChangeAsync(supervisor, caseId, "extension-decision", new { approve = false, reason = "理由不充分。" })).ShouldBeOkAsync<JsonObject>();
        Assert.That(DateOnly.Parse((await CaseAsync(town, caseId))["deadlines"]!["replyDue"]!.GetValue<string>()), Is.EqualTo(replyDue), "a refusal keeps the deadline");
        await (await ChangeAsync(town, caseId, "extension-request", new { days = 10, reason = "需等待消防部门检测结果。" })).ShouldBeOkAsync<JsonObject>();
        await (await ChangeAsync(supervisor, caseId, "extension-decision", new { approve = true, reason = "同意延期。" })).ShouldBeOkAsync<JsonObject>();
        var extended = await CaseAsync(town, caseId);
        Assert.That(DateOnly.Parse(extended["deadlines"]!["replyDue"]!.GetValue<string>()), Is.GreaterThanOrEqualTo(replyDue.AddDays(10)));
        Assert.That(extended["extensions"]!.AsArray().Select(e => e!["status"]!.GetValue<string>()), Is.EqualTo(new[] { "Refused", "Approved" }));

        await (await ChangeAsync(town, caseId, "reply", new { opinion = "support", text = "经核查，已责成物业于三日内清理完毕。" })).ShouldBeOkAsync<JsonObject>();

        using var citizen = Api.CreateClient();
        citizen.DefaultRequestHeaders.Add("X-Tracking-Secret", secret);
        var tracked = await (await citizen.GetAsync($"/api/v1/public/petitions/{code}/case")).ShouldBeOkAsync<JsonObject>();
        Assert.That(tracked["handlingUnitName"]!.GetValue<string>(), Is.EqualTo(TownGovernment));
        Assert.That(tracked["canRate"]!.GetValue<bool>(), Is.True);
        var publicTexts = tracked["timeline"]!.AsArray().Select(t => t!["text"]!.GetValue<string>()).ToList();
        Assert.That(publicTexts, Does.Contain("正在协调物业清理。").And.Not.Contain("已约谈物业负责人。").And.Not.Contain("请依法依规办理并按期答复。"));
        Assert.That(tracked.ToJsonString(), Does.Not.Contain("userName"));
        await (await SendWithIfMatch(citizen, HttpMethod.Post, $"/api/v1/public/petitions/{code}/case/rating", new { rating = "satisfied" },
            tracked["version"]!.GetValue<long>())).ShouldBeOkAsync<JsonObject>();

        var closing = await ChangeAsync(town, caseId, "closure", new { });
        var blocked = await closing.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(blocked["code"]!.GetValue<string>(), Is.EqualTo("checklist_incomplete"));
        await TickChecklistAsync(town, caseId);
        await (await ChangeAsync(town, caseId, "closure", new { note = "办结" })).ShouldBeOkAsync<JsonObject>();

        var closed = await CaseAsync(town, caseId);
        Assert.That(closed["status"]!.GetValue<string>(), Is.EqualTo("closed"));
        Assert.That(closed["rating"]!.GetValue<string>(), Is.EqualTo("satisfied"));
        Assert.That(closed["ratingSource"]!.GetValue<string>(), Is.EqualTo("petitioner"));
        Assert.That(closed["checklist"]!.AsArray().All(i => i!["doneByName"] is not null), Is.True);
        Assert.That(EventsOf(caseId), Is.SupersetOf(new[]
        {
            "Dispatch.CaseAssigned", "Dispatch.CaseSigned", "Dispatch.CaseExtended", "Dispatch.CaseReplied", "Dispatch.CaseRated", "Dispatch.CaseClosed",
        }));
        using var db = TestDatabase.Open(Api);
        var audited = TestDatabase.Strings(db, "SELECT action FROM audit_entries WHERE object_id = $id", ("$id", caseId.ToString()));
        Assert.That(audited, Is.SupersetOf(new[] { "case.assigned", "case.signed", "case.extension_refused", "case.extension_approved", "case.replied", "case.rated", "case.closed" }));
    }

    [Test]
    public async Task AssigningToARetiredUnit_Returns400_AndSupervisingItToo()
    {
        using var admin = await Api.ClientForAsync("district.admin");
        var townUnit = await (await admin.GetAsync($"/api/v1/units/{await UnitAsync(TownGovernment)}")).ShouldBeOkAsync<JsonObject>();
        var created = await (await admin.PostAsJsonAsync("/api/v1/units",
                new { name = $"府山街道临时专班{Guid.NewGuid():N}", kind = "functional_department", regionId = townUnit["regionId"]!.GetValue<string>() }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var retiredUnitId = created["id"]!.GetValue<string>();
        await (await SendWithIfMatch(admin, HttpMethod.Post, $"/api/v1/units/{retiredUnitId}/retire", null, 1)).ShouldBeOkAsync<JsonObject>();

        var (caseId, _) = await OpenCaseAsync();
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var assign = await (await ChangeAsync(officer, caseId, "assignment",
                new { mode = "assign", leadUnitId = retiredUnitId, coUnitIds = Array.Empty<Guid>(), instructions = "请依法依规办理并按期答复。" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(assign["errors"]!["leadUnitId"]![0]!.GetValue<string>(), Does.Contain("retired"));

        await AssignAsync(caseId, TownGovernment);
        using var supervisor = await Api.ClientForAsync("district.supervisor");
        var order = await (await ChangeAsync(supervisor, caseId, "supervision-orders",
                new { unitId = retiredUnitId, text = "请加快办理。", dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd") }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(order["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "unitId" }));
    }

    [Test]
    public async Task Return_ThenReassign_TheNewUnitSeesTheCase_AndThePetitionerSeesWhoHandlesItNow()
    {
        var (caseId, code, secret) = await OpenPublicCaseAsync();
        await AssignAsync(caseId, TownGovernment);
        using var town = await Api.ClientForAsync("town.handler");
        await (await ChangeAsync(town, caseId, "return", new { reason = "属住建部门职责。", suggestedUnitId = await UnitAsync(DistrictHousing) })).ShouldBeOkAsync<JsonObject>();

        using var officer = await Api.ClientForAsync("district.petition_officer");
        var returned = await (await officer.GetAsync("/api/v1/cases?tab=returned")).ShouldBeOkAsync<JsonObject>();
        Assert.That(returned["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Does.Contain(caseId.ToString()));
        Assert.That((await CaseAsync(officer, caseId))["suggestedUnitId"]!.GetValue<string>(), Is.EqualTo((await UnitAsync(DistrictHousing)).ToString()));

        await AssignAsync(caseId, DistrictHousing, "forward");
        using var housing = await Api.ClientForAsync("district.handler");
        var toSign = await (await housing.GetAsync("/api/v1/cases?tab=to_sign")).ShouldBeOkAsync<JsonObject>();
        Assert.That(toSign["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Does.Contain(caseId.ToString()));
        await (await town.GetAsync($"/api/v1/cases/{caseId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var citizen = Api.CreateClient();
        citizen.DefaultRequestHeaders.Add("X-Tracking-Secret", secret);
        var tracked = await (await citizen.GetAsync($"/api/v1/public/petitions/{code}/case")).ShouldBeOkAsync<JsonObject>();
        Assert.That(tracked["handlingUnitName"]!.GetValue<string>(), Is.EqualTo(DistrictHousing));
        Assert.That(tracked["timeline"]!.AsArray().Last()!["kind"]!.GetValue<string>(), Is.EqualTo("reassigned"));
        Assert.That(EventsOf(caseId), Is.SupersetOf(new[] { "Dispatch.CaseReturned" }));
    }

    [Test]
    public async Task ReviewThenReReview_MakesTheMatterFinal_AndANewPetitionOnItIsFlagged()
    {
        var idNumber = Data.NewIdNumber();
        var (caseId, _) = await OpenCaseAsync(idNumber);
        await AssignAsync(caseId, TownGovernment);
        using var town = await Api.ClientForAsync("town.handler");
        await ReplyAsync(town, caseId);

        using var officer = await Api.ClientForAsync("district.petition_officer");
        await (await ChangeAsync(officer, caseId, "review-request", new { reason = "信访人对答复不满意，申请复查。" })).ShouldBeOkAsync<JsonObject>();
        var reviewId = ChildOf(caseId);
        var review = await CaseAsync(officer, reviewId);
        Assert.That(review["kind"]!.GetValue<string>(), Is.EqualTo("review"));
        Assert.That(review["leadUnitName"]!.GetValue<string>(), Is.EqualTo("越城区信访局"), "review goes one level up");
        Assert.That(DateOnly.Parse(review["deadlines"]!["replyDue"]!.GetValue<string>()), Is.GreaterThanOrEqualTo(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(29)));
        await (await ChangeAsync(officer, caseId, "review-request", new { reason = "再次申请" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await ReplyAsync(officer, reviewId);
        using var city = await Api.ClientForAsync("city.petition_officer");
        await (await ChangeAsync(officer, reviewId, "review-request", new { reason = "申请复核。" })).ShouldBeOkAsync<JsonObject>();
        var reReviewId = ChildOf(reviewId);
        Assert.That((await CaseAsync(city, reReviewId))["leadUnitName"]!.GetValue<string>(), Is.EqualTo("绍兴市信访局"));
        await ReplyAsync(city, reReviewId);
        await TickChecklistAsync(city, reReviewId);
        await (await ChangeAsync(city, reReviewId, "closure", new { })).ShouldBeOkAsync<JsonObject>();
        Assert.That((await CaseAsync(city, reReviewId))["finalAt"], Is.Not.Null);
        await (await ChangeAsync(city, reReviewId, "review-request", new { reason = "还要复核" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(EventsOf(reReviewId), Does.Contain("Dispatch.CaseFinal"));
        await PumpOutboxAsync();

        using var registrar = await Api.ClientForAsync("town.petition_officer");
        var again = await IntakeData.RegisterAsync(registrar, Data.Registration(await FushanVillageAsync(), idNumber: idNumber));
        var flags = again["flags"]!.AsArray().Select(f => f!["flag"]!.GetValue<string>()).ToList();
        Assert.That(flags, Does.Contain("final_matter"));
        using var db = TestDatabase.Open(Api);
        var finalNumber = TestDatabase.Strings(db, "SELECT number FROM intake_petitions WHERE final_at IS NOT NULL AND id = (SELECT petition_id FROM dispatch_cases WHERE id = $id)", ("$id", caseId.ToString())).Single();
        Assert.That(again["flags"]!.AsArray().Single(f => f!["flag"]!.GetValue<string>() == "final_matter")!["related"]!.AsArray().Select(r => r!.GetValue<string>()), Does.Contain(finalNumber));

        var refused = await (await SendWithIfMatch(registrar, HttpMethod.Post, $"/api/v1/petitions/{again["id"]}/classification",
            new { decision = "accept", notice = "您的信访事项已受理。" }, 1)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(refused["code"]!.GetValue<string>(), Is.EqualTo("final_matter"));
        Assert.That(refused["detail"]!.GetValue<string>(), Does.Contain(finalNumber).And.Contain("Art 36"), "the refusal cites the final decision");
        await (await SendWithIfMatch(registrar, HttpMethod.Post, $"/api/v1/petitions/{again["id"]}/classification",
            new { decision = "not_accept", reason = "该事项已复核终结，同一事实和理由不再受理。", notice = "您反映的事项已终结，不再受理。" }, 1)).ShouldBeOkAsync<JsonObject>();

        var withNewFacts = await IntakeData.RegisterAsync(registrar, Data.Registration(await FushanVillageAsync(), idNumber: idNumber));
        await (await SendWithIfMatch(registrar, HttpMethod.Post, $"/api/v1/petitions/{withNewFacts["id"]}/classification",
            new { decision = "accept", reason = "信访人提供了终结后新发生的漏水事实及检测报告。", notice = "您的信访事项已受理。" }, 1)).ShouldBeOkAsync<JsonObject>();
        Assert.That(TestDatabase.Strings(db, "SELECT after_json FROM audit_entries WHERE action = 'petition.final_matter_accepted_as_new' AND object_id = $id",
            ("$id", withNewFacts["id"]!.GetValue<string>())).Select(json => JsonNode.Parse(json)!["newFactsOrReasons"]!.GetValue<string>()).Single(), Does.Contain("检测报告"));

        var finalMatters = await registrar.GetFromJsonAsync<JsonObject>("/api/v1/petitions?flag=final_matter&limit=100");
        var listed = finalMatters!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        Assert.That(listed, Is.EquivalentTo(new[] { again["id"]!.GetValue<string>(), withNewFacts["id"]!.GetValue<string>() }), "the worklist filters on the final-matter flag");
        Assert.That(finalMatters["items"]![0]!["isFinalMatter"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task SupervisionOrder_IsAnsweredByTheSupervisedUnit_AndTheBoardCountsTheCase()
    {
        var (caseId, _) = await OpenCaseAsync();
        await AssignAsync(caseId, TownGovernment);
        using var supervisor = await Api.ClientForAsync("district.supervisor");
        await (await ChangeAsync(supervisor, caseId, "supervision-orders",
            new { text = "请于三日内书面报告办理进展。", dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)).ToString("yyyy-MM-dd") })).ShouldBeOkAsync<JsonObject>();
        await (await ChangeAsync(supervisor, caseId, "listing", new { reason = "久拖未决，挂牌督办。" })).ShouldBeOkAsync<JsonObject>();
        await (await ChangeAsync(supervisor, caseId, "listing", new { reason = "再次挂牌" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        using var housing = await Api.ClientForAsync("district.handler");
        await (await housing.GetAsync($"/api/v1/cases/{caseId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var town = await Api.ClientForAsync("town.handler");
        var order = (await CaseAsync(town, caseId))["supervisionOrders"]!.AsArray().Single()!;
        Assert.That((await CaseAsync(town, caseId))["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Does.Contain("answer_supervision_order"));
        await (await ChangeAsync(town, caseId, "supervision-answers", new { orderId = order["id"]!.GetValue<string>(), text = "已签收并组织核查，预计下周答复。" })).ShouldBeOkAsync<JsonObject>();
        var answered = (await CaseAsync(town, caseId))["supervisionOrders"]!.AsArray().Single()!;
        Assert.That(answered["answerText"]!.GetValue<string>(), Is.EqualTo("已签收并组织核查，预计下周答复。"));

        var board = await (await supervisor.GetAsync("/api/v1/supervision-board")).ShouldBeOkAsync<JsonObject>();
        var row = UnitRows(board).Single(r => r!["unitName"]?.GetValue<string>() == TownGovernment)!;
        Assert.That(row["listed"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(1));
        Assert.That(row["openCases"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(1));
        using var townOfficer = await Api.ClientForAsync("town.handler");
        await (await townOfficer.GetAsync("/api/v1/supervision-board")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task InProgressTab_PagesThroughTheCasesAUnitLeadsOrCoHandles_AsTheCountSays()
    {
        var (led, _) = await OpenCaseAsync();
        var (ledWithHelp, _) = await OpenCaseAsync();
        var (helping, _) = await OpenCaseAsync();
        await AssignAsync(led, TownGovernment);
        await AssignAsync(ledWithHelp, TownGovernment, "assign", DistrictHousing);
        await AssignAsync(helping, DistrictHousing, "assign", TownGovernment);
        using var town = await Api.ClientForAsync("town.handler");
        using var housing = await Api.ClientForAsync("district.handler");
        await (await ChangeAsync(town, led, "signature", new { })).ShouldBeOkAsync<JsonObject>();
        await (await ChangeAsync(town, ledWithHelp, "signature", new { })).ShouldBeOkAsync<JsonObject>();
        await (await ChangeAsync(housing, helping, "signature", new { })).ShouldBeOkAsync<JsonObject>();

        foreach (var (client, expected) in new[] { (town, new[] { led, ledWithHelp, helping }), (housing, new[] { ledWithHelp, helping }) })
        {
            var seen = new List<(DateOnly Due, string Id)>();
            string? cursor = null;
            do
            {
                var page = await (await client.GetAsync("/api/v1/cases?tab=in_progress&limit=2" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor))))
                    .ShouldBeOkAsync<JsonObject>();
                seen.AddRange(page["items"]!.AsArray().Select(i => (DateOnly.Parse(i!["currentDueOn"]!.GetValue<string>()), i["id"]!.GetValue<string>())));
                cursor = page["nextCursor"]?.GetValue<string>();
            }
            while (cursor is not null);

            var counts = await (await client.GetAsync("/api/v1/cases/counts")).ShouldBeOkAsync<JsonObject>();
            Assert.That(seen.Select(s => s.Id), Is.Unique.And.SupersetOf(expected.Select(id => id.ToString())));
            Assert.That(seen, Is.EqualTo(seen.OrderBy(s => s.Due).ThenBy(s => s.Id, StringComparer.Ordinal).ToList()), "most urgent first, by id on the same day");
            Assert.That(seen, Has.Count.EqualTo(counts["tabs"]!["in_progress"]!.GetValue<long>()));
        }
    }

    [Test]
    public async Task SupervisionBoard_MatchesTheCaseRows_ThroughAssignmentReturnListingReplyClosingAndReview()
    {
        var (returned, _) = await OpenCaseAsync();
        var (listed, _) = await OpenCaseAsync();
        var (reviewed, _) = await OpenCaseAsync();
        await OpenCaseAsync();
        using var town = await Api.ClientForAsync("town.handler");
        using var officer = await Api.ClientForAsync("district.petition_officer");
        using var supervisor = await Api.ClientForAsync("district.supervisor");
        await AssignAsync(returned, TownGovernment);
        await (await ChangeAsync(town, returned, "return", new { reason = "不属于本单位职责。" })).ShouldBeOkAsync<JsonObject>();
        await AssignAsync(returned, DistrictHousing);
        await AssignAsync(listed, TownGovernment, "assign", DistrictHousing);
        await (await ChangeAsync(town, listed, "signature", new { })).ShouldBeOkAsync<JsonObject>();
        await (await ChangeAsync(supervisor, listed, "listing", new { reason = "久拖未决，挂牌督办。" })).ShouldBeOkAsync<JsonObject>();
        await AssignAsync(reviewed, TownGovernment);
        await ReplyAsync(town, reviewed);
        await TickChecklistAsync(town, reviewed);
        await (await ChangeAsync(town, reviewed, "closure", new { })).ShouldBeOkAsync<JsonObject>();
        await (await ChangeAsync(officer, reviewed, "review-request", new { reason = "信访人对处理意见不服。" })).ShouldBeOkAsync<JsonObject>();

        using var city = await Api.ClientForAsync("city.supervisor");
        using var db = TestDatabase.Open(Api);
        foreach (var (client, regionName) in new[] { (supervisor, "越城区"), (city, "绍兴市") })
        {
            var path = TestDatabase.Strings(db, "SELECT path FROM org_regions WHERE name = $name", ("$name", regionName)).Single();
            var board = await (await client.GetAsync("/api/v1/supervision-board")).ShouldBeOkAsync<JsonObject>();
            Assert.That(board["region"]!["name"]!.GetValue<string>(), Is.EqualTo(regionName));
            Assert.That(BoardRows(UnitRows(board), "unitId"), Is.EqualTo(BoardByUnitFromCaseRows(path)), regionName);
            Assert.That(BoardRows(RegionRows(board), "regionId"), Is.EqualTo(BoardByRegionFromCaseRows(path)), regionName);
            Assert.That(UnitRows(board).Sum(r => r!["openCases"]!.GetValue<long>()), Is.GreaterThanOrEqualTo(4), "three open handling cases and the review");
        }

        var (counters, caseRows) = BoardCountersAndCaseRows();
        Assert.That(counters, Is.EqualTo(caseRows));
    }

    [Test]
    public async Task Agent_SeesTheCase_ActsForThePetitioner_AndTheTimelineShowsIt()
    {
        var (caseId, _) = await OpenCaseAsync();
        await AssignAsync(caseId, TownGovernment);
        using var db = TestDatabase.Open(Api);
        var agentId = TestDatabase.Strings(db, "SELECT id FROM org_users WHERE user_name = 'town.agent'").Single();
        using var officer = await Api.ClientForAsync("district.petition_officer");
        await (await ChangeAsync(officer, caseId, "agent", new { agentUserId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var cityAgentId = TestDatabase.Strings(db, "SELECT id FROM org_users WHERE user_name = 'city.agent'").Single();
        await (await ChangeAsync(officer, caseId, "agent", new { agentUserId = cityAgentId })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await ChangeAsync(officer, caseId, "agent", new { agentUserId = agentId })).ShouldBeOkAsync<JsonObject>();

        using var agent = await Api.ClientForAsync("town.agent");
        var mine = await (await agent.GetAsync("/api/v1/cases?tab=agent")).ShouldBeOkAsync<JsonObject>();
        Assert.That(mine["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Does.Contain(caseId.ToString()));
        await (await ChangeAsync(agent, caseId, "notes", new { text = "代信访人补充了小区业主联名材料。", isPublic = false })).ShouldBeOkAsync<JsonObject>();

        using var town = await Api.ClientForAsync("town.handler");
        await ReplyAsync(town, caseId);
        await (await ChangeAsync(agent, caseId, "rating", new { rating = "basically_satisfied", calledBy = "代办员" })).ShouldBeOkAsync<JsonObject>();
        var detail = await CaseAsync(agent, caseId);
        Assert.That(detail["ratingSource"]!.GetValue<string>(), Is.EqualTo("agent"));
        var byAgent = detail["timeline"]!.AsArray().Where(t => t!["byAgent"]!.GetValue<bool>()).Select(t => t!["kind"]!.GetValue<string>()).ToList();
        Assert.That(byAgent, Is.SupersetOf(new[] { "note", "rated" }));
    }

    [Test]
    public async Task Changes_AnswerWrongRole403_OtherUnit404_Stale412_MissingIfMatch428_InvalidTransition409_BadInput400()
    {
        var (caseId, _) = await OpenCaseAsync();
        using var analyst = await Api.ClientForAsync("district.analyst");
        await (await ChangeAsync(analyst, caseId, "assignment", new { mode = "assign", leadUnitId = await UnitAsync(TownGovernment), instructions = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var officer = await Api.ClientForAsync("district.petition_officer");
        await (await ChangeAsync(officer, caseId, "assignment", new { mode = "assign", leadUnitId = await UnitAsync(TownGovernment), instructions = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/assignment", new { mode = "assign", leadUnitId = await UnitAsync(TownGovernment), instructions = "办理" }))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/cases/{caseId}/assignment", new { mode = "assign", leadUnitId = await UnitAsync(TownGovernment), instructions = "办理" }, 99))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await AssignAsync(caseId, TownGovernment);

        using var town = await Api.ClientForAsync("town.handler");
        await (await ChangeAsync(town, caseId, "signature", new { })).ShouldBeOkAsync<JsonObject>();
        var twice = await (await ChangeAsync(town, caseId, "signature", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(twice["detail"]!.GetValue<string>(), Does.Contain("in_progress"));

        using var housing = await Api.ClientForAsync("district.handler");
        await (await SendWithIfMatch(housing, HttpMethod.Post, $"/api/v1/cases/{caseId}/reply", new { opinion = "support", text = "x" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await housing.GetAsync($"/api/v1/cases/{caseId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var otherTownOfficer = await Api.ClientForAsync("city.handler");
        await (await otherTownOfficer.GetAsync($"/api/v1/cases/{caseId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await town.GetAsync("/api/v1/cases?tab=nonsense")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await town.GetAsync("/api/v1/cases?tab=to_sign&cursor=garbage")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Counts_ReportEachTab_ForTheCaller()
    {
        var (caseId, _) = await OpenCaseAsync();
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var counts = await (await officer.GetAsync("/api/v1/cases/counts")).ShouldBeOkAsync<JsonObject>();
        Assert.That(counts["tabs"]!["to_assign"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(1));
        await AssignAsync(caseId, TownGovernment);
        using var town = await Api.ClientForAsync("town.handler");
        var townCounts = await (await town.GetAsync("/api/v1/cases/counts")).ShouldBeOkAsync<JsonObject>();
        Assert.That(townCounts["tabs"]!["to_sign"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(1));
        Assert.That(townCounts["tabs"]!.AsObject().ContainsKey("to_assign"), Is.False, "a handler does not have the bureau's tab");
        await (await town.GetAsync("/api/v1/cases?tab=to_assign")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private Guid ChildOf(Guid caseId)
    {
        using var db = TestDatabase.Open(Api);
        return Guid.Parse(TestDatabase.Strings(db, "SELECT id FROM dispatch_cases WHERE parent_case_id = $id", ("$id", caseId.ToString())).Single());
    }
}
