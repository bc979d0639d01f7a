using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Mediation.Outcomes;

namespace Fengqiao.Mediation.Clock;

/// <summary>
/// The mediation time limit of a dispute type, pure (医疗纠纷预防和处理条例 Art 33): the deadline counts the limit from the day of
/// acceptance on the work calendar; the days an appraisal 鉴定 paused it, and the days both sides agreed to extend it, move it on,
/// counted as the limit counts days. Past it, a running clock is overdue; a paused one is not.
/// </summary>
internal static class MediationClock
{
    public static DateOnly DueOn(DateOnly acceptedOn, MediationPeriod limit, WorkCalendar calendar) => limit.From(acceptedOn, calendar);

    /// <summary>The days a pause took out of the limit: those after the day it paused up to the day it resumed, as the limit counts days.</summary>
    public static int PausedDays(DateOnly pausedOn, DateOnly resumedOn, MediationPeriod limit, WorkCalendar calendar) =>
        limit.WorkingDays ? calendar.WorkingDaysBetween(pausedOn, resumedOn) : Math.Max(0, resumedOn.DayNumber - pausedOn.DayNumber);

    /// <summary>The deadline moved on by <paramref name="days"/> paused or extended, counted as the limit counts days.</summary>
    public static DateOnly MovedBy(DateOnly dueOn, int days, MediationPeriod limit, WorkCalendar calendar) =>
        days == 0 ? dueOn : (limit with { Days = days }).From(dueOn, calendar);

    public static bool IsOverdue(DateOnly dueOn, bool paused, DateOnly today) => !paused && today > dueOn;

    /// <summary>The working days left after today up to and including the deadline; none once it passed.</summary>
    public static int WorkingDaysLeft(DateOnly dueOn, DateOnly today, WorkCalendar calendar) =>
        today >= dueOn ? 0 : calendar.WorkingDaysBetween(today, dueOn);
}
