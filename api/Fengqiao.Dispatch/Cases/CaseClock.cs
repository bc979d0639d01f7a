using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Dispatch.Rules;

namespace Fengqiao.Dispatch.Cases;

/// <summary>The step whose deadline runs: assignment by the bureau, signature by the unit, reply by the unit; none once replied.</summary>
internal enum ClockStep
{
    Assignment,
    Signature,
    Reply,
    None,
}

/// <summary>green: in time; yellow: a configurable number of working days or fewer remain; red: overdue; none: no clock runs.</summary>
internal enum Light
{
    Green,
    Yellow,
    Red,
    None,
}

/// <summary>Where a case's clock stands: the running step, its deadline, the day it turns yellow and the light today.</summary>
internal sealed record ClockReading(ClockStep Step, DateOnly DueOn, DateOnly YellowOn, Light Light);

/// <summary>The statutory clock of DOMAIN §3, pure: deadlines from the rule set and the work calendar, pauses excluded.</summary>
internal static class CaseClock
{
    public static ClockStep StepOf(CaseStatus status) => status switch
    {
        CaseStatus.AwaitingAssignment or CaseStatus.Returned => ClockStep.Assignment,
        CaseStatus.AwaitingSignature => ClockStep.Signature,
        CaseStatus.InProgress => ClockStep.Reply,
        _ => ClockStep.None,
    };

    /// <summary>The reply deadline: the rule set's period from acceptance (or the review request), plus approved extension days and paused days.</summary>
    public static DateOnly ReplyDue(DateOnly start, Period period, int extensionDays, int pausedDays, WorkCalendar calendar) =>
        period.From(start, calendar, extensionDays + pausedDays);

    /// <summary>The first day on which at most <paramref name="yellowWorkingDays"/> working days remain before <paramref name="dueOn"/>.</summary>
    public static DateOnly YellowFrom(DateOnly dueOn, int yellowWorkingDays, WorkCalendar calendar)
    {
        var day = dueOn;
        while (calendar.WorkingDaysBetween(day.AddDays(-1), dueOn) <= yellowWorkingDays)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    public static Light LightOn(DateOnly today, DateOnly dueOn, DateOnly yellowOn) =>
        today > dueOn ? Light.Red : today >= yellowOn ? Light.Yellow : Light.Green;

    /// <summary>The reading for a case in <paramref name="status"/> with the given step deadlines; a step without a clock keeps the last deadline.</summary>
    public static ClockReading Read(CaseStatus status, DateOnly assignmentDue, DateOnly? signDue, DateOnly? replyDue, DateOnly today, int yellowWorkingDays, WorkCalendar calendar)
    {
        var step = StepOf(status);
        var due = step switch
        {
            ClockStep.Assignment => assignmentDue,
            ClockStep.Signature => signDue ?? assignmentDue,
            _ => replyDue ?? signDue ?? assignmentDue,
        };
        var yellowOn = YellowFrom(due, yellowWorkingDays, calendar);
        return new ClockReading(step, due, yellowOn, step == ClockStep.None ? Light.None : LightOn(today, due, yellowOn));
    }
}
