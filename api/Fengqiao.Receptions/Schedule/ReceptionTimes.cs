using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Fengqiao.BuildingBlocks.Clock;
using FluentValidation;

namespace Fengqiao.Receptions.Schedule;

/// <summary>The day and local start and end times of a reception: HH:mm, ending after it starts, within a year either side of today.</summary>
internal static partial class ReceptionTimes
{
    public static bool IsTime(string? value) => value is not null && Time().IsMatch(value);

    public static void Rules<T>(AbstractValidator<T> validator, Expression<Func<T, DateOnly>> day, Expression<Func<T, string>> startsAt, Expression<Func<T, string>> endsAt, TimeProvider clock)
    {
        var start = startsAt.Compile();
        validator.RuleFor(day)
            .Must(d => Math.Abs(d.DayNumber - WorkCalendar.LocalDate(clock.GetUtcNow()).DayNumber) <= 366)
            .WithMessage("Give a day within a year of today.");
        validator.RuleFor(startsAt).NotEmpty().Must(IsTime).WithMessage("Give the start as HH:mm (00:00–23:59).");
        validator.RuleFor(endsAt).NotEmpty().Must(IsTime).WithMessage("Give the end as HH:mm (00:00–23:59).")
            .Must((c, end) => !IsTime(start(c)) || string.CompareOrdinal(end, start(c)) > 0).WithMessage("The end comes after the start.");
    }

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    private static partial Regex Time();
}
