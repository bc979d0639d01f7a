using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Settings;

/// <summary>
/// Replaces one year's public holidays and make-up working days (调休). Needs If-Match with the version read, or
/// "0" for a year not stored yet. Only a city administrator changes the calendar.
/// </summary>
internal sealed record SaveWorkCalendarYear(string? Source, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> MakeUpWorkdays)
    : ICommand<WorkCalendarYearVersion>
{
    [JsonIgnore]
    public int Year { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed record WorkCalendarYearVersion(int Year, long Version);

internal sealed class SaveWorkCalendarYearValidator : AbstractValidator<SaveWorkCalendarYear>
{
    public const int FirstYear = 2000;
    public const int LastYear = 2099;

    public SaveWorkCalendarYearValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(FirstYear, LastYear);
        RuleFor(c => c.Source).MaximumLength(200);
        RuleFor(c => c.Holidays).NotNull();
        RuleFor(c => c.MakeUpWorkdays).NotNull();
        RuleForEach(c => c.Holidays)
            .Must((c, day) => InYear(c.Year, day)).WithMessage(c => $"Days of {c.Year} only (or January {c.Year + 1}, when a holiday runs over the year end).");
        RuleForEach(c => c.MakeUpWorkdays)
            .Must((c, day) => InYear(c.Year, day)).WithMessage(c => $"Days of {c.Year} only (or January {c.Year + 1}, when a holiday runs over the year end).")
            .Must(day => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).WithMessage("A make-up working day is a Saturday or Sunday; weekdays are working days anyway.");
        RuleFor(c => c.Holidays)
            .Must(days => days.Distinct().Count() == days.Count).When(c => c.Holidays is not null).WithMessage("A day is listed twice.");
        RuleFor(c => c.MakeUpWorkdays)
            .Must(days => days.Distinct().Count() == days.Count).When(c => c.MakeUpWorkdays is not null).WithMessage("A day is listed twice.")
            .Must((c, days) => !days.Intersect(c.Holidays).Any()).When(c => c.MakeUpWorkdays is not null && c.Holidays is not null)
            .WithMessage("A day cannot be both a holiday and a make-up working day.");
    }

    private static bool InYear(int year, DateOnly day) => day.Year == year || (day.Year == year + 1 && day.Month == 1);
}

internal sealed class SaveWorkCalendarYearHandler(WorkCalendarStore store, ICurrentUser caller, IAuditLog audit)
    : ICommandHandler<SaveWorkCalendarYear, WorkCalendarYearVersion>
{
    public async ValueTask<WorkCalendarYearVersion> Handle(SaveWorkCalendarYear command, CancellationToken cancellationToken)
    {
        Jurisdiction.RequireWholeTree(caller);
        var before = await store.FindAsync(command.Year, cancellationToken);
        var year = new WorkCalendarYear(command.Year, command.Holidays.Order().ToList(), command.MakeUpWorkdays.Order().ToList())
        {
            Source = string.IsNullOrWhiteSpace(command.Source) ? null : command.Source.Trim(),
        };
        var version = await store.SaveAsync(year, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("work_calendar.saved", "work_calendar_year", null, before, new { year.Year, year.Source, year.Holidays, year.MakeUpWorkdays, Version = version }));
        return new WorkCalendarYearVersion(command.Year, version);
    }
}

internal static class SaveWorkCalendarYearEndpoint
{
    public static void Map(IEndpointRouteBuilder calendar) =>
        calendar.MapPut("/{year:int}", Handle)
            .WithName("SaveWorkCalendarYear")
            .WithSummary("Replaces one year's public holidays and make-up working days.")
            .WithDescription("Replaces the public holidays and make-up working days (调休) of one year, which every working-day deadline is counted on. If-Match carries the ETag read, or `\"0\"` for a year not stored yet. 400 names days outside the year (a holiday may run into January), a make-up day that is not a weekend, or a day listed twice or as both. Only an administrator of the city changes the calendar.")
            .ProducesETag()
            .RequireCapability(Capability.ManageSettings)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<WorkCalendarYearVersion>> Handle(
        int year, SaveWorkCalendarYear request, ISender sender, IWorkCalendarSource calendar, HttpContext context, CancellationToken cancellationToken)
    {
        var saved = await sender.Send(request with { Year = year, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        await calendar.RefreshAsync(cancellationToken);
        Versioning.SetETag(context, saved.Version);
        return TypedResults.Ok(saved);
    }
}
