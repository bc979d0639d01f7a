using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Dispatch.Cases;
using Fengqiao.Dispatch.Rules;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Unit;

public sealed class CaseClockTests
{
    private static readonly WorkCalendar Calendar = WorkCalendar.LoadFromDirectory(RepositoryPaths.Combine("api", "Fengqiao.Api", "WorkCalendar"));
    private static readonly DispatchRules National = Rules("national");
    private static readonly DispatchRules Zhejiang = Rules("zhejiang");

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void National_Reply60Days_EndingInTheNationalDayHolidays_MovesToTheFirstWorkingDay()
    {
        Assert.That(CaseClock.ReplyDue(Day("2026-08-03"), National.ReplyDeadline, 0, 0, Calendar), Is.EqualTo(Day("2026-10-08")));
    }

    [Test]
    public void Zhejiang_Reply30Days_EndingOnNationalDay_MovesToTheFirstWorkingDay()
    {
        Assert.That(CaseClock.ReplyDue(Day("2026-09-01"), Zhejiang.ReplyDeadline, 0, 0, Calendar), Is.EqualTo(Day("2026-10-08")));
    }

    [Test]
    public void Extension_AddsItsDays_AndARestDayMovesOn()
    {
        Assert.That(CaseClock.ReplyDue(Day("2026-08-03"), National.ReplyDeadline, 30, 0, Calendar), Is.EqualTo(Day("2026-11-02")), "90 days end on Sunday 1 November");
    }

    [Test]
    public void PausedDays_AreAddedToTheDeadline()
    {
        Assert.That(CaseClock.ReplyDue(Day("2026-08-03"), National.ReplyDeadline, 0, 10, Calendar), Is.EqualTo(Day("2026-10-12")));
    }

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void SignDeadline_OneWorkingDay_LandsOnAMakeUpSaturday(string ruleSet)
    {
        Assert.That(Rules(ruleSet).SignDeadline.From(Day("2026-10-09"), Calendar), Is.EqualTo(Day("2026-10-10")));
    }

    [Test]
    public void ReturnDeadline_FiveWorkingDays_AcrossTheYearEnd_SkipsNewYearAndCountsTheMakeUpSunday()
    {
        Assert.That(National.ReturnDeadline.From(Day("2025-12-29"), Calendar), Is.EqualTo(Day("2026-01-06")));
    }

    [TestCase("national", "2026-12-31", "2027-01-15")]
    [TestCase("zhejiang", "2026-12-31", "2027-01-15")]
    public void AssignmentDeadline_15CalendarDays_RunsIntoTheNextYear(string ruleSet, string received, string expected)
    {
        Assert.That(Rules(ruleSet).AssignmentDeadline.From(Day(received), Calendar), Is.EqualTo(Day(expected)));
    }

    [Test]
    public void PausedWorkingDays_CountOnlyWorkingDays()
    {
        Assert.That(National.ReturnDeadline.Count(Day("2026-09-30"), Day("2026-10-09"), Calendar), Is.EqualTo(2), "8 and 9 October; the holidays do not count");
        Assert.That(National.ReplyDeadline.Count(Day("2026-09-30"), Day("2026-10-09"), Calendar), Is.EqualTo(9));
    }

    [Test]
    public void YellowFrom_IsTheFirstDayWithAtMostThreeWorkingDaysLeft_AcrossAHoliday()
    {
        Assert.That(CaseClock.YellowFrom(Day("2026-10-08"), 3, Calendar), Is.EqualTo(Day("2026-09-28")));
    }

    [TestCase("2026-09-27", "green")]
    [TestCase("2026-09-28", "yellow")]
    [TestCase("2026-10-08", "yellow")]
    [TestCase("2026-10-09", "red")]
    public void Light_OnADay(string today, string expected)
    {
        var light = CaseClock.LightOn(Day(today), Day("2026-10-08"), CaseClock.YellowFrom(Day("2026-10-08"), 3, Calendar));
        Assert.That(light.ToString().ToLowerInvariant(), Is.EqualTo(expected));
    }

    [Test]
    public void Reading_OfARepliedCase_HasNoLight()
    {
        var reading = CaseClock.Read(CaseStatus.Replied, Day("2026-08-18"), Day("2026-08-19"), Day("2026-10-08"), Day("2026-12-01"), 3, Calendar);
        Assert.That(reading.Light, Is.EqualTo(Light.None));
        Assert.That(reading.DueOn, Is.EqualTo(Day("2026-10-08")));
    }

    private static DispatchRules Rules(string name) => DispatchRules.From(RuleSetFiles.Active(name));
}
