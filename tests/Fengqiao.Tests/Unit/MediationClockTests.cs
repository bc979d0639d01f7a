using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Mediation.Clock;
using Fengqiao.Mediation.Outcomes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Unit;

/// <summary>The medical disputes' 30-working-day clock (医疗纠纷预防和处理条例 Art 33) on the 2026 work calendar, under both rule sets.</summary>
public sealed class MediationClockTests
{
    private static readonly WorkCalendar Calendar = WorkCalendar.LoadFromDirectory(RepositoryPaths.Combine("api", "Fengqiao.Api", "WorkCalendar"));

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static MediationRuleSection Rules(string ruleSet) => RuleSetFiles.Active(ruleSet).Section<MediationRuleSection>(MediationRuleSection.Section);

    private static MediationPeriod Medical(string ruleSet) => Rules(ruleSet).TimeLimitOf("medical")!.Period;

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void Medical_Is30WorkingDays_AndOtherTypesHaveNoLimit(string ruleSet)
    {
        Assert.That((Medical(ruleSet).Days, Medical(ruleSet).WorkingDays), Is.EqualTo((30, true)));
        Assert.That(Rules(ruleSet).TimeLimitOf("neighbourhood"), Is.Null);
        Assert.That(Rules(ruleSet).MaxRepresentativesPerSide("medical"), Is.EqualTo(5));
        Assert.That(Rules(ruleSet).MaxRepresentativesPerSide("neighbourhood"), Is.Null);
    }

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void AcrossTheSpringFestival_SkipsTheHolidays_AndCountsBothMakeUpSaturdays(string ruleSet)
    {
        // After 2 Feb: 9 working days to 13 Feb, make-up Saturday 14 Feb, holidays 15–23 Feb, 24–27 Feb, make-up Saturday 28 Feb, then three weeks.
        Assert.That(MediationClock.DueOn(Day("2026-02-02"), Medical(ruleSet), Calendar), Is.EqualTo(Day("2026-03-20")));
    }

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void AcrossNationalDay_CountsTheMakeUpSundayAndSaturday(string ruleSet)
    {
        // Make-up Sunday 20 Sep, holidays 25–27 Sep and 1–7 Oct, make-up Saturday 10 Oct.
        Assert.That(MediationClock.DueOn(Day("2026-09-14"), Medical(ruleSet), Calendar), Is.EqualTo(Day("2026-10-30")));
    }

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void AnAppraisalPause_OverTheHolidays_CountsOnlyItsWorkingDays_AndMovesTheDeadline(string ruleSet)
    {
        var limit = Medical(ruleSet);
        var paused = MediationClock.PausedDays(Day("2026-02-12"), Day("2026-02-25"), limit, Calendar);
        Assert.That(paused, Is.EqualTo(4), "13 Feb, make-up Saturday 14 Feb, 24 and 25 Feb; the Spring Festival is not counted");
        var due = MediationClock.DueOn(Day("2026-02-02"), limit, Calendar);
        Assert.That(MediationClock.MovedBy(due, paused, limit, Calendar), Is.EqualTo(Day("2026-03-26")));
    }

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void APauseResumedTheSameDay_TakesNothing(string ruleSet)
    {
        Assert.That(MediationClock.PausedDays(Day("2026-03-03"), Day("2026-03-03"), Medical(ruleSet), Calendar), Is.Zero);
        Assert.That(MediationClock.MovedBy(Day("2026-03-20"), 0, Medical(ruleSet), Calendar), Is.EqualTo(Day("2026-03-20")));
    }

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void AnExtension_OverQingming_SkipsTheHolidays(string ruleSet)
    {
        // 1–3 Apr, then Qingming 4–6 Apr: the fourth working day is 7 Apr.
        Assert.That(MediationClock.MovedBy(Day("2026-03-31"), 4, Medical(ruleSet), Calendar), Is.EqualTo(Day("2026-04-07")));
    }

    [Test]
    public void ACalendarDayLimit_CountsEveryDayPaused()
    {
        var limit = new MediationPeriod(30, WorkingDays: false);
        Assert.That(MediationClock.PausedDays(Day("2026-02-12"), Day("2026-02-25"), limit, Calendar), Is.EqualTo(13));
        Assert.That(MediationClock.DueOn(Day("2026-01-16"), limit, Calendar), Is.EqualTo(Day("2026-02-24")), "15 Feb falls in the Spring Festival: the next working day");
    }

    [Test]
    public void PastTheDeadline_ARunningClockIsOverdue_APausedOneIsNot()
    {
        var due = Day("2026-03-20");
        Assert.That(MediationClock.IsOverdue(due, paused: false, Day("2026-03-20")), Is.False);
        Assert.That(MediationClock.IsOverdue(due, paused: false, Day("2026-03-21")), Is.True);
        Assert.That(MediationClock.IsOverdue(due, paused: true, Day("2026-03-21")), Is.False);
    }

    [Test]
    public void WorkingDaysLeft_SkipTheHolidays_AndNoneRemainOnceItPassed()
    {
        Assert.That(MediationClock.WorkingDaysLeft(Day("2026-02-25"), Day("2026-02-12"), Calendar), Is.EqualTo(4));
        Assert.That(MediationClock.WorkingDaysLeft(Day("2026-02-25"), Day("2026-02-26"), Calendar), Is.Zero);
    }
}
