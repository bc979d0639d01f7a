using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Settings;

/// <summary>One year of the work calendar with its ETag; a year not stored yet is a 404 (save it with If-Match "0").</summary>
internal sealed record GetWorkCalendarYear(int Year) : IQuery<WorkCalendarYearView>;

internal sealed record WorkCalendarYearView(
    int Year,
    string? Source,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<DateOnly> MakeUpWorkdays,
    long Version,
    DateTimeOffset UpdatedAt);

internal sealed class GetWorkCalendarYearHandler(WorkCalendarStore store) : IQueryHandler<GetWorkCalendarYear, WorkCalendarYearView>
{
    public async ValueTask<WorkCalendarYearView> Handle(GetWorkCalendarYear query, CancellationToken cancellationToken)
    {
        var year = await store.FindAsync(query.Year, cancellationToken) ?? throw new NotFoundException("Work calendar year");
        return new WorkCalendarYearView(year.Year, year.Source, year.Holidays, year.MakeUpWorkdays, year.Version, year.UpdatedAt);
    }
}

internal static class GetWorkCalendarYearEndpoint
{
    public static void Map(IEndpointRouteBuilder calendar) =>
        calendar.MapGet("/{year:int}", Handle)
            .WithName("GetWorkCalendarYear")
            .WithSummary("One year of the work calendar: its public holidays and make-up working days.")
            .WithDescription("The public holidays and make-up working days (调休) of one year, with the ETag to save changes. A year not stored yet is 404: save it with `If-Match: \"0\"`.")
            .ProducesETag()
            .RequireCapability(Capability.ManageSettings)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<WorkCalendarYearView>> Handle(int year, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetWorkCalendarYear(year), cancellationToken);
        Versioning.SetETag(context, view.Version);
        return TypedResults.Ok(view);
    }
}
