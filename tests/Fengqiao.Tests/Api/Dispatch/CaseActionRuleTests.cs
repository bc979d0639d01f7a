using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Dispatch;

/// <summary>
/// The server refuses every case action it does not offer in allowedActions, and takes the ones it offers: for a case in
/// each state (led by the town government, co-handled by the district housing bureau, with an agent and a supervision
/// order) and every demo user.
/// </summary>
public sealed class CaseActionRuleTests : DispatchTestBase
{
    public enum Stage
    {
        AwaitingAssignment,
        AwaitingSignature,
        Returned,
        InProgress,
        InProgressExtensionPending,
        InProgressPaused,
        Replied,
        Closed,
    }

    private static readonly string[] Levels = ["city", "district", "town"];

    private static readonly string[] Roles =
        ["admin", "petition_officer", "handler", "supervisor", "leader", "mediator", "suggestion_reviewer", "analyst", "discipline_inspector", "agent"];

    /// <summary>Each change endpoint and the actions of allowedActions it takes (assigning and re-assigning share one).</summary>
    private static readonly (string Path, string[] Actions)[] Endpoints =
    [
        ("assignment", ["assign", "reassign"]),
        ("signature", ["sign"]),
        ("return", ["return"]),
        ("notes", ["add_note"]),
        ("co-unit-input", ["submit_co_unit_input"]),
        ("extension-request", ["request_extension"]),
        ("extension-decision", ["decide_extension"]),
        ("clock-pause", ["pause_clock"]),
        ("clock-resume", ["resume_clock"]),
        ("reply", ["reply"]),
        ("rating", ["rate"]),
        ("closure", ["close"]),
        ("review-request", ["request_review"]),
        ("checklist", ["tick_checklist"]),
        ("agent", ["assign_agent"]),
        ("leader", ["take_charge"]),
        ("supervision-orders", ["issue_supervision_order"]),
        ("supervision-answers", ["answer_supervision_order"]),
        ("listing", ["list_for_supervision"]),
    ];

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

    private static IEnumerable<string> DemoUsers => Levels.SelectMany(level => Roles.Select(role => $"{level}.{role}"));

    [Test]
    public async Task AgentOfTheLeadUnit_WhoIsNotTheCasesAgent_IsOfferedNothing_AndCannotAddANote()
    {
        var caseId = await CaseAtAsync(Stage.InProgress, withAgent: false);
        using var agent = await Api.ClientForAsync("town.agent");
        var detail = await CaseAsync(agent, caseId);
        Assert.That(detail["allowedActions"]!.AsArray(), Is.Empty, "the town's agent sees the case its unit leads, but acts only for its own petitioners");

        await (await ChangeAsync(agent, caseId, "notes", new { text = "补充说明。", isPublic = false })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task TakeCharge_ByTheLeaderAlreadyInCharge_IsNotOffered_AndIsRefused()
    {
        var caseId = await CaseAtAsync(Stage.InProgress, withAgent: false);
        using var leader = await Api.ClientForAsync("district.leader");
        await (await ChangeAsync(leader, caseId, "leader", new { note = "包案化解。" })).ShouldBeOkAsync<JsonObject>();

        Assert.That(ActionsOf(await CaseAsync(leader, caseId)), Does.Not.Contain("take_charge"));
        await (await ChangeAsync(leader, caseId, "leader", new { note = "再次包案。" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [TestCaseSource(nameof(AllStages))]
    public async Task EveryActionNotOffered_IsRefused_AndEveryOfferedOne_IsTaken(Stage stage)
    {
        var caseId = await CaseAtAsync(stage);
        var disagreements = new List<string>();
        var offeredTo = new Dictionary<string, string>();
        foreach (var user in DemoUsers)
        {
            using var client = await Api.ClientForAsync(user);
            var read = await client.GetAsync($"/api/v1/cases/{caseId}");
            var detail = read.StatusCode == HttpStatusCode.OK ? await read.ShouldBeOkAsync<JsonObject>() : null;
            var offered = detail is null ? [] : ActionsOf(detail);
            foreach (var (path, actions) in Endpoints)
            {
                if (actions.Any(offered.Contains))
                {
                    offeredTo.TryAdd(path, user);
                    continue;
                }

                var response = await SendWithIfMatch(client, HttpMethod.Post, $"/api/v1/cases/{caseId}/{path}", await BodyAsync(path, detail), detail is null ? 1 : VersionOf(detail));
                if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Conflict))
                {
                    disagreements.Add($"{user} {path}: not offered, answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        foreach (var (path, user) in offeredTo)
        {
            var fresh = await CaseAtAsync(stage);
            using var client = await Api.ClientForAsync(user);
            var detail = await CaseAsync(client, fresh);
            var response = await SendWithIfMatch(client, HttpMethod.Post, $"/api/v1/cases/{fresh}/{path}", await BodyAsync(path, detail), VersionOf(detail));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                disagreements.Add($"{user} {path}: offered, answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.That(offeredTo, Is.Not.Empty, "someone may act in every state");
        Assert.That(disagreements, Is.Empty);
    }

    private static IEnumerable<Stage> AllStages() => Enum.GetValues<Stage>();

    private static List<string> ActionsOf(JsonObject detail) => detail["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();

    /// <summary>A request the endpoint's validator accepts, so that only the rule can refuse it.</summary>
    private async Task<object> BodyAsync(string path, JsonObject? detail) => path switch
    {
        "assignment" => new { mode = "assign", leadUnitId = await UnitAsync(TownGovernment), coUnitIds = new[] { await UnitAsync(DistrictHousing) }, instructions = "请依法办理。" },
        "signature" => new { },
        "return" => new { reason = "不属于本单位职责。" },
        "notes" => new { text = "已电话联系信访人。", isPublic = false },
        "co-unit-input" => new { text = "协办单位意见：同意主办单位处理意见。" },
        "extension-request" => new { days = 1, reason = "需要组织鉴定。" },
        "extension-decision" => new { approve = true, reason = "同意延期。" },
        "clock-pause" => new { reason = "组织听证。" },
        "clock-resume" => new { note = "听证结束。" },
        "reply" => new { opinion = "support", text = "经核查，已责成物业清理。" },
        "rating" => new { rating = "satisfied", calledBy = "回访员" },
        "closure" => new { note = "办结。" },
        "review-request" => new { reason = "信访人对处理意见不服。" },
        "checklist" => new { itemKey = detail?["checklist"]!.AsArray().FirstOrDefault(i => i!["doneAt"] is null)?["itemKey"]!.GetValue<string>() ?? "reply_sent" },
        "agent" => new { agentUserId = TownAgentId() },
        "leader" => new { note = "包案化解。" },
        "supervision-orders" => new { unitId = await UnitAsync(TownGovernment), text = "请于三日内报告进展。", dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)).ToString("yyyy-MM-dd") },
        "supervision-answers" => new { orderId = detail?["supervisionOrders"]!.AsArray().FirstOrDefault(o => o!["answeredAt"] is null)?["id"]!.GetValue<string>() ?? Guid.NewGuid().ToString(), text = "已组织核查。" },
        "listing" => new { reason = "久拖未决。" },
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "no body for this endpoint"),
    };

    private string TownAgentId()
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT id FROM org_users WHERE user_name = 'town.agent'").Single();
    }

    /// <summary>A case brought to <paramref name="stage"/> through the API; with the town's agent and a supervision order to the town unless told.</summary>
    private async Task<Guid> CaseAtAsync(Stage stage, bool withAgent = true)
    {
        var (caseId, _) = await OpenCaseAsync();
        using var officer = await Api.ClientForAsync("district.petition_officer");
        if (withAgent)
        {
            await (await ChangeAsync(officer, caseId, "agent", new { agentUserId = TownAgentId() })).ShouldBeOkAsync<JsonObject>();
            using var supervisor = await Api.ClientForAsync("district.supervisor");
            await (await ChangeAsync(supervisor, caseId, "supervision-orders", await BodyAsync("supervision-orders", null))).ShouldBeOkAsync<JsonObject>();
        }

        if (stage == Stage.AwaitingAssignment)
        {
            return caseId;
        }

        await AssignAsync(caseId, TownGovernment, "assign", DistrictHousing);
        using var town = await Api.ClientForAsync("town.handler");
        async Task StepAsync(string path) => await (await ChangeAsync(town, caseId, path, await BodyAsync(path, await CaseAsync(town, caseId)))).ShouldBeOkAsync<JsonObject>();
        switch (stage)
        {
            case Stage.AwaitingSignature:
                break;
            case Stage.Returned:
                await StepAsync("return");
                break;
            case Stage.InProgress:
                await StepAsync("signature");
                break;
            case Stage.InProgressExtensionPending:
                await StepAsync("signature");
                await StepAsync("extension-request");
                break;
            case Stage.InProgressPaused:
                await StepAsync("signature");
                await StepAsync("clock-pause");
                break;
            case Stage.Replied:
                await StepAsync("signature");
                await StepAsync("reply");
                break;
            case Stage.Closed:
                await StepAsync("signature");
                await StepAsync("reply");
                await TickChecklistAsync(town, caseId);
                await StepAsync("closure");
                break;
        }

        return caseId;
    }
}
