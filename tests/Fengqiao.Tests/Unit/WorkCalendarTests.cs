using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Unit;

public sealed class WorkCalendarTests
{
    private static readonly WorkCalendar Calendar = WorkCalendar.LoadFromDirectory(RepositoryPaths.Combine("api", "Fengqiao.Api", "WorkCalendar"));

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void DataFiles_CoverTheYearsInUse()
    {
        Assert.That(Calendar.Years.Select(y => y.Year), Is.SupersetOf(new[] { 2025, 2026 }));
    }

    [TestCase("2026-10-01", false, TestName = "National Day is a holiday")]
    [TestCase("2026-10-10", true, TestName = "Make-up Saturday after National Day is a working day")]
    [TestCase("2026-02-14", true, TestName = "Make-up Saturday before Spring Festival is a working day")]
    [TestCase("2026-11-21", false, TestName = "An ordinary Saturday rests")]
    [TestCase("2026-11-24", true, TestName = "An ordinary Tuesday works")]
    public void IsWorkingDay(string day, bool expected)
    {
        Assert.That(Calendar.IsWorkingDay(Day(day)), Is.EqualTo(expected));
    }

    [Test]
    public void CalendarDays_CountFromTheNextDay()
    {
        // 15 days from Tuesday 2026-11-03 ends Wednesday 2026-11-18.
        Assert.That(Calendar.AddCalendarDays(Day("2026-11-03"), 15), Is.EqualTo(Day("2026-11-18")));
    }

    [Test]
    public void CalendarDays_EndingOnAHoliday_MoveToTheNextWorkingDay()
    {
        // 15 days from 2026-09-16 is 2026-10-01 (National Day); the holiday runs to 10-07, so 10-08.
        Assert.That(Calendar.AddCalendarDays(Day("2026-09-16"), 15), Is.EqualTo(Day("2026-10-08")));
    }

    [Test]
    public void CalendarDays_EndingOnAMakeUpSaturday_StayThere()
    {
        // 15 days from 2026-09-25 is Saturday 2026-10-10, a make-up working day.
        Assert.That(Calendar.AddCalendarDays(Day("2026-09-25"), 15), Is.EqualTo(Day("2026-10-10")));
    }

    [Test]
    public void WorkingDays_SkipHolidaysAndCountMakeUpSaturday()
    {
        // From Wed 2026-09-30: 10-01..10-07 off, 10-08 (Thu) 1, 10-09 (Fri) 2, 10-10 (make-up Sat) 3.
        Assert.That(Calendar.AddWorkingDays(Day("2026-09-30"), 3), Is.EqualTo(Day("2026-10-10")));
    }

    [Test]
    public void WorkingDays_AcrossTheYearEnd()
    {
        // From Wed 2025-12-31: 2026-01-01..03 off, Sunday 01-04 is a make-up working day (1), Mon 01-05 (2).
        Assert.That(Calendar.AddWorkingDays(Day("2025-12-31"), 2), Is.EqualTo(Day("2026-01-05")));
    }

    [Test]
    public void CalendarDays_AcrossTheYearEnd_MoveOffTheNewYearHoliday()
    {
        // 15 days from 2025-12-17 is 2026-01-01, a holiday; the next working day is Sunday 01-04 (make-up).
        Assert.That(Calendar.AddCalendarDays(Day("2025-12-17"), 15), Is.EqualTo(Day("2026-01-04")));
    }

    [Test]
    public void WorkingDays_FiveWorkingDaysOverSpringFestival()
    {
        // From Thu 2026-02-12: Fri 02-13 (1), make-up Sat 02-14 (2), 02-15..23 off, Tue 02-24 (3), 02-25 (4), 02-26 (5).
        Assert.That(Calendar.AddWorkingDays(Day("2026-02-12"), 5), Is.EqualTo(Day("2026-02-26")));
    }

    [Test]
    public void WorkingDaysBetween_CountsOnlyWorkingDays()
    {
        Assert.That(Calendar.WorkingDaysBetween(Day("2026-09-30"), Day("2026-10-10")), Is.EqualTo(3));
    }

    [Test]
    public void YearWithoutData_FallsBackToWeekends()
    {
        var empty = new WorkCalendar([]);
        Assert.That(empty.AddWorkingDays(Day("2030-01-04"), 1), Is.EqualTo(Day("2030-01-07")));
    }

    [Test]
    public void DayListedAsBothHolidayAndWorkday_IsRejected()
    {
        var day = Day("2026-10-01");
        Assert.Throws<ArgumentException>(() => _ = new WorkCalendar([new WorkCalendarYear(2026, [day], [day])]));
    }

    [Test]
    public void LocalDate_UsesChinaStandardTime()
    {
        Assert.That(WorkCalendar.LocalDate(new DateTimeOffset(2026, 9, 30, 16, 30, 0, TimeSpan.Zero)), Is.EqualTo(Day("2026-10-01")));
    }
}
