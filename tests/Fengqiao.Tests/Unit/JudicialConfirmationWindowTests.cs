using System.Globalization;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Mediation.Outcomes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Unit;

/// <summary>
/// The window for applying for judicial confirmation of an agreement (人民调解法 Art 33): 30 calendar days from the day after it took
/// effect, and a last day that falls on a rest day moves to the next working day — on the shipped work calendar, under both rule sets.
/// </summary>
public sealed class JudicialConfirmationWindowTests
{
    private static readonly WorkCalendar Calendar = WorkCalendar.LoadFromDirectory(RepositoryPaths.Combine("api", "Fengqiao.Api", "WorkCalendar"));

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static MediationPeriod Window(string ruleSet) =>
        RuleSetFiles.Active(ruleSet).Section<MediationRuleSection>(MediationRuleSection.Section).JudicialConfirmationWindow;

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void TheWindow_Is30CalendarDays(string ruleSet)
    {
        Assert.That((Window(ruleSet).Days, Window(ruleSet).WorkingDays), Is.EqualTo((30, false)));
    }

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void OnAWorkingDay_TheLastDayIs30DaysLater(string ruleSet)
    {
        Assert.That(Window(ruleSet).From(Day("2026-03-10"), Calendar), Is.EqualTo(Day("2026-04-09")));
    }

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void OnASaturday_TheLastDayMovesToMonday(string ruleSet)
    {
        Assert.That(Window(ruleSet).From(Day("2026-03-12"), Calendar), Is.EqualTo(Day("2026-04-13")), "11 Apr is a Saturday");
    }

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void OnQingming_TheLastDayMovesPastTheHoliday(string ruleSet)
    {
        Assert.That(Window(ruleSet).From(Day("2026-03-07"), Calendar), Is.EqualTo(Day("2026-04-07")), "6 Apr is the Qingming holiday's Monday");
    }

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void InTheNationalDayHolidays_TheLastDayMovesToTheFirstWorkingDayAfter(string ruleSet)
    {
        Assert.That(Window(ruleSet).From(Day("2026-09-03"), Calendar), Is.EqualTo(Day("2026-10-08")), "3 Oct falls in the holidays of 1–7 Oct");
    }

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void OnAMakeUpSaturday_TheLastDayStays(string ruleSet)
    {
        Assert.That(Window(ruleSet).From(Day("2026-09-10"), Calendar), Is.EqualTo(Day("2026-10-10")), "10 Oct 2026 is a make-up working day");
    }

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void AcrossTheNewYear_TheLastDayMovesToTheMakeUpSunday(string ruleSet)
    {
        Assert.That(Window(ruleSet).From(Day("2025-12-02"), Calendar), Is.EqualTo(Day("2026-01-04")), "1–3 Jan rest, 4 Jan is worked");
    }
}
