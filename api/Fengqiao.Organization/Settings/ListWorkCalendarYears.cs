using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Settings;

/// <summary>The years the work calendar knows, with how many holidays and make-up working days each has.</summary>
internal sealed record ListWorkCalendarYears : IQuery<WorkCalendarYearList>;

internal sealed record WorkCalendarYearSummary(int Year, string? Source, int Holidays, int MakeUpWorkdays, long Version, DateTimeOffset UpdatedAt);

internal sealed record WorkCalendarYearList(IReadOnlyList<WorkCalendarYearSummary> Items);

internal sealed class ListWorkCalendarYearsHandler(WorkCalendarStore store) : IQueryHandler<ListWorkCalendarYears, WorkCalendarYearList>
{
    public async ValueTask<WorkCalendarYearList> Handle(ListWorkCalendarYears query, CancellationToken cancellationToken) =>
        new((await store.ListAsync(cancellationToken))
            .Select(y => new WorkCalendarYearSummary(y.Year, y.Source, y.Holidays.Count, y.MakeUpWorkdays.Count, y.Version, y.UpdatedAt))
            .ToList());
}

internal static class ListWorkCalendarYearsEndpoint
{
    public static void Map(IEndpointRouteBuilder calendar) =>
        calendar.MapGet("/", Handle)
            .WithName("ListWorkCalendarYears")
            .WithDescription("The years the work calendar knows, oldest first, each with how many public holidays and make-up working days (调休) it lists. Deadlines in working days are counted on this calendar.")
            .WithSummary("Years of the work calendar (public holidays and make-up working days), oldest first.")
            .RequireCapability(Capability.ManageSettings);

    private static async Task<Ok<WorkCalendarYearList>> Handle(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListWorkCalendarYears(), cancellationToken));
}
