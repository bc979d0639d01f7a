using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Api.Dispatch;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>
/// Issue 18 item 7's edge cases, each a short scripted sequence through the real endpoints in a town of its own, with the figures
/// worked out by hand from DOMAIN §9 and written down: no rating, a review requested in time (and one too late), a case returned
/// and reassigned and later reopened by a review, merged petitions, and cases crossing month ends (and the Shaoxing day).
/// The clock only moves ahead, so each test starts in a month after the one the test before it left.
/// </summary>
public sealed class IndicatorEdgeCaseTests : WatchedDispatchTestBase
{
    private const string Officer = "district.petition_officer";
    private const string Handler = "district.handler";

    /// <summary>The petition and case figures of an empty period; each fixture names only what differs.</summary>
    private static readonly Dictionary<string, string> Nothing = new()
    {
        ["registered"] = "0", ["repeat_rate"] = "0/0", ["skip_level_rate"] = "0/0", ["on_time_acceptance_rate"] = "0/0", ["on_time_conclusion_rate"] = "0/0",
        ["satisfaction_rate"] = "0/0", ["participation_rate"] = "0/0", ["resolution_rate"] = "0/0", ["first_time_resolution_rate"] = "0/0", ["backlog"] = "0",
        ["cases_forwarded"] = "0", ["cases_assigned"] = "0", ["supervision_orders"] = "0",
    };

    /// <summary>Matters far apart, so that no petition is flagged a repeat of another unless a fixture means it to be.</summary>
    private static readonly string[] Matters =
    [
        "小区门口道路破损多年未修，雨天积水严重，请求尽快修复路面。",
        "用人单位拖欠三个月工资共计一万二千元，多次讨要无果，请求责令支付。",
        "邻居在楼顶违章搭建彩钢棚，影响采光和消防通道，请求依法拆除。",
        "菜市场周边夜间噪声扰民，货车凌晨装卸，请求规范经营时间。",
        "孩子入学片区划分调整后上学距离过远，请求教育部门说明划片依据。",
        "医院收费项目与价格公示不一致，多收检查费用，请求核查退还。",
        "村集体土地流转收益分配不公开，请求公布账目并依法分配。",
        "工厂排放废水污染河道，鱼类大量死亡，请求环保部门查处。",
        "老旧小区加装电梯方案未征求一楼住户意见，请求重新协商。",
        "公交线路调整后村民出行不便，请求恢复原站点或增设班次。",
        "低保资格复核时被取消，家庭收入并未变化，请求重新审核。",
        "物业公司擅自提高停车收费标准，未经业主大会同意，请求纠正。",
    ];

    private DateOnly _day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    private int _matters;

    protected override Dictionary<string, string?> Settings => new(base.Settings) { ["Outbox:Enabled"] = "false" };

    [OneTimeSetUp]
    public async Task SignInBeforeTheClockMoves()
    {
        // Tokens are issued by the host's clock and checked by the real one.
        foreach (var user in new[] { Officer, Handler, "district.leader", "city.admin" })
        {
            await Api.TokenForAsync(user);
        }

        await UnitAsync(DistrictHousing);
    }

    [Test]
    public async Task NoRating_CountsAsConcludedButNotRated_AndAClosedCaseResolvesWhateverItsRating()
    {
        var town = Region("城南街道");
        var day = NextMonth().AddDays(1);
        Move(day);
        var unrated = await CaseAsync(town, day);
        var dissatisfied = await CaseAsync(town, day);
        var basically = await CaseAsync(town, day);
        foreach (var caseId in new[] { unrated, dissatisfied, basically })
        {
            await AssignAsync(caseId);
            await SignAndReplyAsync(caseId);
        }

        await RateAsync(dissatisfied, "dissatisfied");
        await RateAsync(basically, "basically_satisfied");
        await CloseAsync(unrated);
        await CloseAsync(dissatisfied);

        // 3 replied; 2 rated (1 basically satisfied); 2 closed, neither taken to review, so both resolved, the unrated one too.
        var figures = await MonthsAsync(town, day, day);
        Assert.That(figures[Month(day)], Is.EquivalentTo(Expect(
            "registered=3", "repeat_rate=0/3", "skip_level_rate=0/3", "on_time_acceptance_rate=3/3", "cases_assigned=3", "on_time_conclusion_rate=3/3",
            "satisfaction_rate=1/2", "participation_rate=2/3", "resolution_rate=2/2", "first_time_resolution_rate=2/2")));
    }

    [Test]
    public async Task ReviewRequestedInTime_TakesBackTheResolutionInTheMonthItWasClosed_AndOneTooLateIsRefused()
    {
        var town = Region("稽山街道");
        var day = NextMonth().AddMonths(1).AddDays(-3);
        Move(day);
        var reviewedLater = await CaseAsync(town, day);
        var reviewedTooLate = await CaseAsync(town, day);
        var reviewedFirst = await CaseAsync(town, day);
        foreach (var caseId in new[] { reviewedLater, reviewedTooLate, reviewedFirst })
        {
            await AssignAsync(caseId);
            await SignAndReplyAsync(caseId);
        }

        await RequestReviewAsync(reviewedFirst);
        foreach (var caseId in new[] { reviewedLater, reviewedTooLate, reviewedFirst })
        {
            await CloseAsync(caseId);
        }

        var closedMonth = await MonthsAsync(town, day, day);
        Assert.That(closedMonth[Month(day)]["resolution_rate"], Is.EqualTo("2/3"), "before the later request, two closed cases count as resolved");

        // 20 days after the reply, in the next month and within the 30-day window: the resolution counted at closing is taken back there.
        Move(day.AddDays(20));
        await RequestReviewAsync(reviewedLater);
        // 40 days after the reply the window has passed: the request is refused and the case stays resolved.
        Move(day.AddDays(40));
        using var officer = await Api.ClientForAsync(Officer);
        var refused = await (await ChangeAsync(officer, reviewedTooLate, "review-request", new { reason = "信访人逾期申请复查。" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(refused.ToJsonString(), Does.Contain("review_window_passed"));
        await DeliverAsync();

        var figures = await MonthsAsync(town, day, day.AddDays(40));
        Assert.That(figures[Month(day)], Is.EquivalentTo(Expect(
            "registered=3", "repeat_rate=0/3", "skip_level_rate=0/3", "on_time_acceptance_rate=3/3", "cases_assigned=3", "on_time_conclusion_rate=3/3",
            "participation_rate=0/3", "resolution_rate=1/3", "first_time_resolution_rate=1/3")));
        Assert.That(figures[Month(day.AddDays(20))], Is.EquivalentTo(Expect()), "a review request is no figure of its own month");
        Assert.That(figures["total"]["resolution_rate"], Is.EqualTo("1/3"));
    }

    [Test]
    public async Task Reopened_AReturnedCaseReassignedCountsOnce_AndAReviewAfterClosingReopensItsResolutionOnly()
    {
        var town = Region("迪荡街道");
        var day = NextMonth().AddDays(4);
        Move(day);
        var caseId = await CaseAsync(town, day);
        await AssignAsync(caseId, "forward");
        using (var handler = await Api.ClientForAsync(Handler))
        {
            await (await ChangeAsync(handler, caseId, "return", new { reason = "该事项应由属地街道办理。", suggestedUnitId = (Guid?)null })).ShouldBeOkAsync<JsonObject>();
        }

        await AssignAsync(caseId, "assign");
        await SignAndReplyAsync(caseId);
        await RateAsync(caseId, "satisfied");
        await CloseAsync(caseId);
        var beforeReview = await MonthsAsync(town, day, day);
        Assert.That(beforeReview[Month(day)]["resolution_rate"], Is.EqualTo("1/1"));

        var reopened = day.AddDays(12);
        Move(reopened);
        await RequestReviewAsync(caseId);

        // Forwarded first, so one forward and no assignment; rated satisfied, which stands; closed, but no longer resolved.
        var figures = await MonthsAsync(town, day, reopened);
        Assert.That(figures[Month(day)], Is.EquivalentTo(Expect(
            "registered=1", "repeat_rate=0/1", "skip_level_rate=0/1", "on_time_acceptance_rate=1/1", "cases_forwarded=1", "on_time_conclusion_rate=1/1",
            "satisfaction_rate=1/1", "participation_rate=1/1", "resolution_rate=0/1", "first_time_resolution_rate=0/1")), "the review case opened one level up is no second case");
    }

    [Test]
    public async Task MergedPetitions_StayRegisteredAsReceived_ButOnlyTheOneMergedIntoIsAcceptedAndHandled()
    {
        var town = Region("北海街道");
        var day = NextMonth().AddDays(6);
        Move(day);
        var idNumber = Data.NewIdNumber();
        const string Matter = "北海街道某小区电梯长期故障无人维修，老人上下楼困难，请求督促物业尽快修复。";
        using var officer = await Api.ClientForAsync(Officer);
        var first = await RegisterAsync(officer, town, day, idNumber, Matter);
        var duplicate = await RegisterAsync(officer, town, day, idNumber, Matter);
        var again = await RegisterAsync(officer, town, day, idNumber, Matter);
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{duplicate}/merge", new { intoPetitionId = first }, 1)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{again}/classification",
            new { decision = "not_accept", notice = "该事项已在办理中，不再重复受理。", reason = "同一事项正在办理（第十九条）。" }, 1)).ShouldBeOkAsync<JsonObject>();
        var caseId = await AcceptAsync(officer, first);
        await AssignAsync(caseId);

        // Three received (the two later ones repeats of the first); one accepted, one case.
        var figures = await MonthsAsync(town, day, day);
        Assert.That(figures[Month(day)], Is.EquivalentTo(Expect(
            "registered=3", "repeat_rate=2/3", "skip_level_rate=0/3", "on_time_acceptance_rate=1/1", "cases_assigned=1")));
    }

    [Test]
    public async Task RegisteredPersons_CountEachPetitionsPersonsOnItsShaoxingDay_AMergedDuplicateIncluded_UnderNoUnit()
    {
        var town = Region("东湖街道");
        var lastDay = NextMonth().AddMonths(1).AddDays(-1);
        var nextMonth = lastDay.AddDays(1);
        Move(nextMonth);
        using var officer = await Api.ClientForAsync(Officer);
        var idNumber = Data.NewIdNumber();
        const string Matter = "东湖街道某村征地补偿款迟迟未发放到户，村民多次集体反映，请求公开补偿标准并尽快发放。";
        // A group of seven on the last day of the month: one batch, seven persons.
        var group = await RegisterAsync(officer, town, lastDay, idNumber, Matter, persons: 7);
        // Three of them again at 07:00 on the 1st (still the last day in UTC), merged into the group's petition: it stays registered.
        var again = await RegisterAsync(officer, town, nextMonth, idNumber, Matter, hoursBefore: 3, persons: 3);
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{again}/merge", new { intoPetitionId = group }, 1)).ShouldBeOkAsync<JsonObject>();
        // And one petitioner alone the same day.
        await RegisterAsync(officer, town, nextMonth, Data.NewIdNumber(), null);
        await DeliverAsync();

        using var leader = await Api.ClientForAsync("district.leader");
        var period = $"from={lastDay:yyyy-MM-dd}&to={nextMonth:yyyy-MM-dd}&regionId={town}";
        var byMonth = await (await leader.GetAsync($"/api/v1/metrics/indicators?{period}&groupBy=month")).ShouldBeOkAsync<JsonObject>();
        static string Counts(JsonNode row) => $"{MetricsTestBase.Figures(row)["registered"]} batches, {MetricsTestBase.Figures(row)["registered_persons"]} persons";
        var months = byMonth["rows"]!.AsArray().ToDictionary(r => r!["key"]!.GetValue<string>(), r => Counts(r!));
        Assert.Multiple(() =>
        {
            Assert.That(months[Month(lastDay)], Is.EqualTo("1 batches, 7 persons"), "the group, on the last day");
            Assert.That(months[Month(nextMonth)], Is.EqualTo("2 batches, 4 persons"), "the merged three and the one alone, on the 1st");
            Assert.That(Counts(byMonth["total"]!), Is.EqualTo("3 batches, 11 persons"));
        });

        var byUnit = await (await leader.GetAsync($"/api/v1/metrics/indicators?{period}&groupBy=unit")).ShouldBeOkAsync<JsonObject>();
        Assert.That(
            byUnit["rows"]!.AsArray().Select(r => $"{r!["key"]}: {Counts(r)}"), Is.EqualTo(new[] { "no_unit: 3 batches, 11 persons" }),
            "a registration has no responsible unit yet");
    }

    [Test]
    public async Task CasesCrossingMonthEnds_CountEachStepInTheMonthOfItsShaoxingDay_AndTheBacklogAsAStockAtEachMonthsEnd()
    {
        var town = Region("塔山街道");
        var lastDay = NextMonth().AddMonths(1).AddDays(-1);
        var nextMonth = lastDay.AddDays(1);
        Move(lastDay);
        using var officer = await Api.ClientForAsync(Officer);
        using var handler = await Api.ClientForAsync(Handler);
        var receivedLastDay = await RegisterAsync(officer, town, lastDay, Data.NewIdNumber(), null);
        Move(nextMonth);
        // 07:00 on the 1st in Shaoxing is still the last day of the month in UTC: it counts on the 1st.
        var receivedFirstDay = await RegisterAsync(officer, town, nextMonth, Data.NewIdNumber(), null, hoursBefore: 3);
        var replied = await AcceptAsync(officer, receivedLastDay);
        var overdue = await AcceptAsync(officer, receivedFirstDay);
        foreach (var caseId in new[] { replied, overdue })
        {
            await AssignAsync(caseId);
        }

        await (await ChangeAsync(handler, overdue, "signature", new { })).ShouldBeOkAsync<JsonObject>();
        Move(nextMonth.AddDays(9));
        await SignAndReplyAsync(replied);
        await CloseAsync(replied);
        var ratedOn = nextMonth.AddMonths(1).AddDays(1);
        Move(ratedOn);
        await RateAsync(replied, "satisfied");
        // The other case's reply was due 60 days after its acceptance: the watcher finds it overdue, then it is replied late.
        var foundOverdue = lastDay.AddDays(70);
        Move(foundOverdue);
        await WatchAsync();
        var repliedLate = lastDay.AddDays(100);
        Move(repliedLate);
        await (await ChangeAsync(handler, overdue, "reply", new { opinion = "explain", text = "经调查核实，现将处理意见答复如下。" })).ShouldBeOkAsync<JsonObject>();

        var figures = await MonthsAsync(town, lastDay, repliedLate);
        Assert.Multiple(() =>
        {
            Assert.That(figures.Keys, Is.EquivalentTo(new[] { "total", Month(lastDay), Month(nextMonth), Month(ratedOn), Month(foundOverdue), Month(repliedLate) }));
            Assert.That(figures[Month(lastDay)], Is.EquivalentTo(Expect("registered=1", "repeat_rate=0/1", "skip_level_rate=0/1")), "received on the last day");
            Assert.That(figures[Month(nextMonth)], Is.EquivalentTo(Expect(
                "registered=1", "repeat_rate=0/1", "skip_level_rate=0/1", "on_time_acceptance_rate=2/2", "cases_assigned=2", "on_time_conclusion_rate=1/1",
                "participation_rate=0/1", "resolution_rate=1/1", "first_time_resolution_rate=1/1")), "received early on the 1st, both accepted and assigned, one replied and closed");
            Assert.That(figures[Month(ratedOn)], Is.EquivalentTo(Expect("satisfaction_rate=1/1", "participation_rate=1/0")), "rated the month after its reply");
            Assert.That(figures[Month(foundOverdue)], Is.EquivalentTo(Expect("backlog=1")), "past its reply deadline at the month's end");
            Assert.That(figures[Month(repliedLate)], Is.EquivalentTo(Expect("on_time_conclusion_rate=0/1", "participation_rate=0/1")), "replied late: out of the backlog");
            Assert.That(figures["total"], Is.EquivalentTo(Expect(
                "registered=2", "repeat_rate=0/2", "skip_level_rate=0/2", "on_time_acceptance_rate=2/2", "cases_assigned=2", "on_time_conclusion_rate=1/2",
                "satisfaction_rate=1/1", "participation_rate=1/2", "resolution_rate=1/1", "first_time_resolution_rate=1/1")));
        });
    }

    /// <summary>The figures of <see cref="Nothing"/> with the given "key=figure" ones instead.</summary>
    private static Dictionary<string, string> Expect(params string[] figures)
    {
        var expected = new Dictionary<string, string>(Nothing);
        foreach (var figure in figures.Select(f => f.Split('=')))
        {
            Assert.That(expected.ContainsKey(figure[0]), figure[0]);
            expected[figure[0]] = figure[1];
        }

        return expected;
    }

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The first day of the month after the clock's.</summary>
    private DateOnly NextMonth() => new DateOnly(_day.Year, _day.Month, 1).AddMonths(1);

    private void Move(DateOnly day)
    {
        Assert.That(day, Is.GreaterThanOrEqualTo(_day), "the clock only moves ahead");
        MoveTo(_day = day);
    }

    /// <summary>The town's petition and case figures by month from <paramref name="from"/> to <paramref name="to"/>, and their total.</summary>
    private async Task<Dictionary<string, Dictionary<string, string>>> MonthsAsync(Guid town, DateOnly from, DateOnly to)
    {
        await DeliverAsync();
        using var leader = await Api.ClientForAsync("district.leader");
        var table = await (await leader.GetAsync($"/api/v1/metrics/indicators?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&regionId={town}&groupBy=month")).ShouldBeOkAsync<JsonObject>();
        Dictionary<string, string> Petitions(JsonNode row) => MetricsTestBase.Figures(row).Where(f => Nothing.ContainsKey(f.Key)).ToDictionary();
        var months = table["rows"]!.AsArray().ToDictionary(r => r!["key"]!.GetValue<string>(), r => Petitions(r!));
        months["total"] = Petitions(table["total"]!);
        return months;
    }

    private Task DeliverAsync() => MetricsTestBase.DeliverAllEventsAsync(this);

    private async Task WatchAsync()
    {
        await NewWatcher().WatchOnceAsync(CancellationToken.None);
        await DeliverAsync();
    }

    /// <summary>A petition of the town received <paramref name="hoursBefore"/> hours before 10:00 in Shaoxing on <paramref name="day"/> (the clock's time), accepted: its case.</summary>
    private async Task<Guid> CaseAsync(Guid town, DateOnly day, int hoursBefore = 1)
    {
        using var officer = await Api.ClientForAsync(Officer);
        return await AcceptAsync(officer, await RegisterAsync(officer, town, day, Data.NewIdNumber(), null, hoursBefore));
    }

    private async Task<Guid> RegisterAsync(HttpClient officer, Guid town, DateOnly day, string idNumber, string? request, int hoursBefore = 1, int persons = 1)
    {
        var registration = Data.Registration(town, "letter", idNumber, request ?? Matters[_matters++ % Matters.Length], persons);
        registration["receivedAt"] = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).AddHours(-hoursBefore).ToString("O");
        return Guid.Parse((await IntakeData.RegisterAsync(officer, registration))["id"]!.GetValue<string>());
    }

    private async Task<Guid> AcceptAsync(HttpClient officer, Guid petitionId)
    {
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{petitionId}/classification",
            new { decision = "accept", notice = "您的信访事项已受理。" }, 1)).ShouldBeOkAsync<JsonObject>();
        await PumpOutboxAsync();
        using var db = TestDatabase.Open(Api);
        return Guid.Parse(TestDatabase.Strings(db, "SELECT id FROM dispatch_cases WHERE petition_id = $id AND kind = 'Handling'", ("$id", petitionId.ToString())).Single());
    }

    private async Task AssignAsync(Guid caseId, string mode = "assign")
    {
        using var officer = await Api.ClientForAsync(Officer);
        await (await ChangeAsync(officer, caseId, "assignment",
            new { mode, leadUnitId = await UnitAsync(DistrictHousing), coUnitIds = Array.Empty<Guid>(), instructions = "请依法依规办理并按期答复。" })).ShouldBeOkAsync<JsonObject>();
    }

    private async Task SignAndReplyAsync(Guid caseId)
    {
        using var handler = await Api.ClientForAsync(Handler);
        await ReplyAsync(handler, caseId);
    }

    private async Task RateAsync(Guid caseId, string rating)
    {
        using var officer = await Api.ClientForAsync(Officer);
        await (await ChangeAsync(officer, caseId, "rating", new { rating, calledBy = "回访员" })).ShouldBeOkAsync<JsonObject>();
    }

    private async Task CloseAsync(Guid caseId)
    {
        using var handler = await Api.ClientForAsync(Handler);
        await TickChecklistAsync(handler, caseId);
        await (await ChangeAsync(handler, caseId, "closure", new { })).ShouldBeOkAsync<JsonObject>();
    }

    private async Task RequestReviewAsync(Guid caseId)
    {
        using var officer = await Api.ClientForAsync(Officer);
        await (await ChangeAsync(officer, caseId, "review-request", new { reason = "信访人对处理意见不服，申请复查。" })).ShouldBeOkAsync<JsonObject>();
    }
}
