using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Metrics.FiveColour;
using Fengqiao.Metrics.Indicators;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Metrics.Dashboard;

/// <summary>
/// What the leaders' dashboard shows of a region for a month, in one answer: the five-colour chart with its ranking, the twelve
/// months up to the month by month, and the month by channel and by category.
/// </summary>
internal sealed record MetricsDashboard(FiveColourChart FiveColour, IndicatorTable Trend, IndicatorTable Channels, IndicatorTable Categories);

/// <param name="Month">yyyy-MM.</param>
/// <param name="Indicators">The figures the trend's and the mixes' rows carry; all by default. The chart always carries its rule set's.</param>
internal sealed record GetMetricsDashboard(string Month, Guid? RegionId, IReadOnlyList<string>? Indicators = null) : IQuery<MetricsDashboard>;

internal sealed class GetMetricsDashboardValidator : AbstractValidator<GetMetricsDashboard>
{
    public GetMetricsDashboardValidator()
    {
        RuleFor(q => q.Month).Must(m => FiveColourMonths.TryParse(m, out _)).WithMessage(FiveColourMonths.Invalid);
        RuleForEach(q => q.Indicators).Must(IndicatorDefinitions.IsKey).WithMessage(IndicatorDefinitions.NotAKeyMessage);
    }
}

/// <summary>Checks the region once and reads the four parts on the request's one connection, one after another.</summary>
internal sealed class GetMetricsDashboardHandler(FiveColourCalculator calculator, IndicatorTables tables) : IQueryHandler<GetMetricsDashboard, MetricsDashboard>
{
    public async ValueTask<MetricsDashboard> Handle(GetMetricsDashboard query, CancellationToken cancellationToken)
    {
        var region = await calculator.RegionAsync(query.RegionId, cancellationToken);
        var first = FiveColourMonths.Parse(query.Month);
        var last = first.AddMonths(1).AddDays(-1);
        var chart = await calculator.ChartAsync(region, first, cancellationToken);
        Task<IndicatorTable> TableAsync(DateOnly from, IndicatorGrouping groupBy) =>
            tables.ReadAsync(region, null, new GetIndicators(from, last, region.Id, groupBy, null, query.Indicators), cancellationToken);
        var trend = await TableAsync(first.AddMonths(-11), IndicatorGrouping.Month);
        var channels = await TableAsync(first, IndicatorGrouping.Channel);
        var categories = await TableAsync(first, IndicatorGrouping.Category);
        return new MetricsDashboard(chart, trend, channels, categories);
    }
}

internal static class GetMetricsDashboardEndpoint
{
    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapGet("/dashboard", Handle)
            .WithName("GetMetricsDashboard")
            .WithSummary("The leaders' dashboard of a region of the caller's jurisdiction for a month: the five-colour chart, the twelve months' trend and the month's mix by channel and by category.")
            .WithDescription("In one answer, for a region of the caller's jurisdiction (its own by default) and a month (yyyy-MM): the five-colour chart as GetFiveColourChart gives it, the indicators of the twelve months ending with the month by month, and the month's indicators by channel and by category, as GetIndicators gives them. With indicators (repeated, keys from GetIndicatorDefinitions), the trend's and the mixes' rows carry only those figures. 400 for a month not given as yyyy-MM or an unknown indicator key; 404 for a region outside the jurisdiction.")
            .RequireCapability(Capability.ViewMetrics)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<MetricsDashboard>> Handle(string month, Guid? regionId, [FromQuery] string[]? indicators, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetMetricsDashboard(month, regionId, IndicatorDefinitions.Requested(indicators)), cancellationToken));
}
