using System.Globalization;
using System.Text.Json;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.BuildingBlocks.Clock;

/// <summary>A year of the work calendar as stored, with the version an update must name.</summary>
public sealed record StoredWorkCalendarYear(int Year, string? Source, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> MakeUpWorkdays, long Version, DateTimeOffset UpdatedAt)
{
    public WorkCalendarYear ToYear() => new(Year, Holidays, MakeUpWorkdays) { Source = Source };
}

internal sealed record WorkCalendarYearRow
{
    public required long Year { get; init; }

    public string? Source { get; init; }

    public required string Holidays { get; init; }

    public required string MakeUpWorkdays { get; init; }

    public required long Version { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public StoredWorkCalendarYear ToStored() =>
        new((int)Year, Source, WorkCalendarDays.Parse(Holidays), WorkCalendarDays.Parse(MakeUpWorkdays), Version, UpdatedAt);
}

/// <summary>Days travel to the database as a JSON array of yyyy-MM-dd, sorted.</summary>
internal static class WorkCalendarDays
{
    public static string Format(IEnumerable<DateOnly> days) =>
        JsonSerializer.Serialize(days.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public static IReadOnlyList<DateOnly> Parse(string json) =>
        (JsonSerializer.Deserialize<List<string>>(json) ?? [])
            .Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToList();
}

/// <summary>
/// Reads and versioned writes of the work calendar in <c>platform_work_calendar_years</c>, on the scope's session
/// (inside the command's transaction). After a save commits, call <see cref="IWorkCalendarSource.RefreshAsync"/>.
/// </summary>
public sealed class WorkCalendarStore(IDbSession session, TimeProvider clock)
{
    public async Task<IReadOnlyList<StoredWorkCalendarYear>> ListAsync(CancellationToken cancellationToken) =>
        (await session.QueryAsync<WorkCalendarYearRow>(WorkCalendarSql.List, null, cancellationToken)).Select(r => r.ToStored()).ToList();

    public async Task<StoredWorkCalendarYear?> FindAsync(int year, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<WorkCalendarYearRow>(WorkCalendarSql.Get, new { Year = year }, cancellationToken))?.ToStored();

    /// <summary>
    /// Replaces a year's days; <paramref name="expectedVersion"/> 0 creates a year not stored yet. The whole
    /// calendar must stay consistent (a day is never both a holiday and a make-up working day across years).
    /// </summary>
    /// <returns>The new version.</returns>
    public async Task<long> SaveAsync(WorkCalendarYear year, long expectedVersion, CancellationToken cancellationToken)
    {
        var years = await ListAsync(cancellationToken);
        var current = years.SingleOrDefault(y => y.Year == year.Year);
        if ((current?.Version ?? 0) != expectedVersion)
        {
            throw new PreconditionFailedException(current?.Version ?? 0);
        }

        try
        {
            _ = new WorkCalendar(years.Where(y => y.Year != year.Year).Select(y => y.ToYear()).Append(year));
        }
        catch (ArgumentException conflict)
        {
            throw new ValidationException([new ValidationFailure("holidays", conflict.Message)]);
        }

        var parameters = new
        {
            year.Year,
            year.Source,
            Holidays = WorkCalendarDays.Format(year.Holidays),
            MakeUpWorkdays = WorkCalendarDays.Format(year.MakeUpWorkdays),
            ExpectedVersion = expectedVersion,
            Now = clock.GetUtcNow(),
        };
        if (current is null)
        {
            await session.ExecuteAsync(WorkCalendarSql.Insert, parameters, cancellationToken);
            return 1;
        }

        if (await session.ExecuteAsync(WorkCalendarSql.Update, parameters, cancellationToken) == 0)
        {
            throw new PreconditionFailedException(expectedVersion);
        }

        return expectedVersion + 1;
    }

    /// <summary>Stores a year read from a file unless the database already has it; answers whether it did.</summary>
    internal async Task<bool> SeedAsync(WorkCalendarYear year, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            WorkCalendarSql.InsertIfAbsent,
            new
            {
                year.Year,
                year.Source,
                Holidays = WorkCalendarDays.Format(year.Holidays),
                MakeUpWorkdays = WorkCalendarDays.Format(year.MakeUpWorkdays),
                Now = clock.GetUtcNow(),
            },
            cancellationToken) > 0;
}
