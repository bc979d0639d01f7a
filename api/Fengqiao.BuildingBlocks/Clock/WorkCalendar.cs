using System.Globalization;
using System.Text.Json;

namespace Fengqiao.BuildingBlocks.Clock;

/// <summary>One year of the State Council's holiday arrangement: days off and make-up working days (调休).</summary>
public sealed record WorkCalendarYear(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> MakeUpWorkdays)
{
    /// <summary>Where the arrangement was published, e.g. the State Council notice.</summary>
    public string? Source { get; init; }
}

/// <summary>
/// Working-day arithmetic after DOMAIN §3: periods count from the day after the event, and a deadline that
/// falls on a rest day moves to the next working day. Weekends rest unless a year's data says otherwise.
/// An instance never changes: scoped services inject the current one, singletons ask <see cref="IWorkCalendarSource"/>.
/// </summary>
public sealed class WorkCalendar
{
    public static readonly TimeZoneInfo ChinaStandardTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkdays;

    public WorkCalendar(IEnumerable<WorkCalendarYear> years)
    {
        Years = years.OrderBy(y => y.Year).ToList();
        _holidays = [.. Years.SelectMany(y => y.Holidays)];
        _makeUpWorkdays = [.. Years.SelectMany(y => y.MakeUpWorkdays)];
        var both = _holidays.Intersect(_makeUpWorkdays).ToList();
        if (both.Count > 0)
        {
            throw new ArgumentException($"Days listed both as holiday and as make-up working day: {string.Join(", ", both)}");
        }
    }

    public IReadOnlyList<WorkCalendarYear> Years { get; }

    public bool IsWorkingDay(DateOnly day)
    {
        if (_makeUpWorkdays.Contains(day))
        {
            return true;
        }

        return !_holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The deadline of a period of calendar days counted from the day after <paramref name="start"/>.</summary>
    public DateOnly AddCalendarDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return NextWorkingDayOnOrAfter(start.AddDays(days));
    }

    /// <summary>The deadline of a period of working days counted from the day after <paramref name="start"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return NextWorkingDayOnOrAfter(day);
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The calendar day in China of an instant: deadlines are counted in local days.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ChinaStandardTime).DateTime);

    /// <summary>The instant a local (China) day begins; days from filters are checked into a range where it cannot overflow.</summary>
    public static DateTimeOffset StartOfLocalDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, ChinaStandardTime.GetUtcOffset(midnight));
    }

    /// <summary>Reads every <c>YYYY.json</c> file of a folder.</summary>
    public static WorkCalendar LoadFromDirectory(string directory)
    {
        var years = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.json").Select(ParseYearFile).ToList()
            : [];
        return new WorkCalendar(years);
    }

    public static WorkCalendarYear ParseYearFile(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<YearFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path} is empty.");
        var year = new WorkCalendarYear(file.Year, file.Holidays.Select(Parse).ToList(), file.MakeUpWorkdays.Select(Parse).ToList()) { Source = file.Source };
        var stray = year.Holidays.Concat(year.MakeUpWorkdays).Where(d => d.Year != file.Year && d.Year != file.Year + 1).ToList();
        if (stray.Count > 0)
        {
            throw new InvalidDataException($"{path} lists days outside {file.Year}: {string.Join(", ", stray)}");
        }

        return year;
    }

    private static DateOnly Parse(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record YearFile(int Year, string? Source, IReadOnlyList<string> Holidays, IReadOnlyList<string> MakeUpWorkdays);
}
