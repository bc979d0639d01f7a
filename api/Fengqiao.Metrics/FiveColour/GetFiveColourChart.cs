using System.Globalization;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Contracts.Organization;
using Fengqiao.Metrics.Indicators;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Metrics.FiveColour;

/// <summary>
/// A region below the chart's region in a month: its health check, its rank among its siblings (equal scores share a rank) and
/// the change since the month before (a positive rank change is a climb); the changes are null when it was unranked then.
/// </summary>
internal sealed record FiveColourEntry(
    Guid RegionId, string Name, string Level, HealthCheck Check, int? Rank, int? PreviousRank, int? RankChange, decimal? ScoreChange);

/// <summary>The five-colour chart of a region for a month: its own health check and the ranked regions directly below it.</summary>
internal sealed record FiveColourChart(
    Guid RegionId, string RegionName, string RegionLevel, string Month, IReadOnlyList<FiveColourBand> Bands, HealthCheck Check, IReadOnlyList<FiveColourEntry> Entries);

/// <param name="Month">yyyy-MM.</param>
internal sealed record GetFiveColourChart(string Month, Guid? RegionId) : IQuery<FiveColourChart>;

internal sealed class GetFiveColourChartValidator : AbstractValidator<GetFiveColourChart>
{
    public GetFiveColourChartValidator() =>
        RuleFor(q => q.Month).Must(m => FiveColourMonths.TryParse(m, out _)).WithMessage(FiveColourMonths.Invalid);
}

internal static class FiveColourMonths
{
    public const string Invalid = "A month as yyyy-MM, of the years 1900 to 2999.";

    /// <summary>
    /// A month as yyyy-MM, within the days every endpoint accepts (<see cref="QueryValueChecks"/>), so that the months around it
    /// (the month before, a year's trend) stay valid dates.
    /// </summary>
    public static bool TryParse(string? month, out DateOnly first) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first)
        && first >= QueryValueChecks.EarliestDay && first <= QueryValueChecks.LatestDay;

    public static DateOnly Parse(string month) => TryParse(month, out var first) ? first : throw new ArgumentException("Not a month.", nameof(month));

    public static string Format(DateOnly first) => first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>Scores a region and the regions below it for a month from the daily facts, in the caller's jurisdiction.</summary>
internal sealed class FiveColourCalculator(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory, IRuleSets ruleSets)
{
    /// <summary>A region outside the caller's jurisdiction answers 404, as a missing one does.</summary>
    public Task<RegionSnapshot> RegionAsync(Guid? regionId, CancellationToken cancellationToken) =>
        directory.RegionInJurisdictionAsync(caller, regionId, cancellationToken);

    public FiveColourRules Rules => FiveColourRules.From(ruleSets);

    /// <summary>The sums of the region and of each child for the month starting <paramref name="first"/>, of the counters given.</summary>
    private async Task<(FactSums Region, IReadOnlyList<(RegionSnapshot Child, FactSums Sums)> Children)> MonthAsync(
        RegionSnapshot region, IReadOnlyList<RegionSnapshot> children, DateOnly first, SumColumns counters, CancellationToken cancellationToken)
    {
        var parameters = new FactFilter(region.Path, first, first.AddMonths(1).AddDays(-1), Sums: counters);
        var sums = await session.KeyedAsync(caller, FactGroup.RegionPath, parameters, cancellationToken);
        var childSums = children.Select(child => (child, FactSums.Sum(sums.Where(s => Jurisdiction.Contains(child.Path, s.Key)).Select(s => s.Value)))).ToList();
        return (FactSums.Sum(sums.Values), childSums);
    }

    /// <summary>The chart of a region already checked against the caller's jurisdiction for the month starting <paramref name="first"/>.</summary>
    public async Task<FiveColourChart> ChartAsync(RegionSnapshot region, DateOnly first, CancellationToken cancellationToken)
    {
        var children = await directory.ListChildRegionsAsync(region.Id, cancellationToken);
        var (own, entries) = await RankedAsync(region, children, first, cancellationToken);
        return new FiveColourChart(region.Id, region.Name, region.Level, FiveColourMonths.Format(first), Rules.Bands, own, entries);
    }

    /// <summary>The ranked entries of a month, with the changes since the month before.</summary>
    public async Task<(HealthCheck Region, IReadOnlyList<FiveColourEntry> Entries)> RankedAsync(
        RegionSnapshot region, IReadOnlyList<RegionSnapshot> children, DateOnly first, CancellationToken cancellationToken)
    {
        var rules = Rules;
        var inputs = IndicatorDefinitions.InputNamesOf(rules.Indicators.Select(i => i.Key)).ToList();
        var (ownSums, currentSums) = await MonthAsync(region, children, first, SumColumns.Of([.. inputs, nameof(FactSums.BacklogChange)]), cancellationToken);

        // The backlog at the end of the month before is this month's less this month's change: the stock, summed over the whole
        // history, is read once.
        var (_, previousFlows) = await MonthAsync(region, children, first.AddMonths(-1), SumColumns.Of(inputs.Where(i => i != nameof(FactSums.Backlog))), cancellationToken);
        var current = currentSums.Select(c => (c.Child, Check: FiveColourScoring.Check(rules, c.Sums))).ToList();
        var previousScores = previousFlows
            .Zip(currentSums, (before, now) => (before.Child.Id, Score: FiveColourScoring.ScoreOf(rules, before.Sums with { Backlog = now.Sums.Backlog - now.Sums.BacklogChange })))
            .ToDictionary(p => p.Id, p => p.Score);
        var ranks = FiveColourScoring.Rank(current.Select(c => (c.Child.Id, c.Check.Score)));
        var previousRanks = FiveColourScoring.Rank(previousScores.Select(p => (p.Key, p.Value)));
        var entries = current
            .Select(c =>
            {
                int? rank = ranks.TryGetValue(c.Child.Id, out var r) ? r : null;
                int? before = previousRanks.TryGetValue(c.Child.Id, out var p) ? p : null;
                return new FiveColourEntry(c.Child.Id, c.Child.Name, c.Child.Level, c.Check, rank, before, rank - before is { } climb ? -climb : null,
                    c.Check.Score - previousScores[c.Child.Id]);
            })
            .OrderBy(e => e.Rank ?? int.MaxValue).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        return (FiveColourScoring.Check(rules, ownSums), entries);
    }
}

internal sealed class GetFiveColourChartHandler(FiveColourCalculator calculator) : IQueryHandler<GetFiveColourChart, FiveColourChart>
{
    public async ValueTask<FiveColourChart> Handle(GetFiveColourChart query, CancellationToken cancellationToken) =>
        await calculator.ChartAsync(await calculator.RegionAsync(query.RegionId, cancellationToken), FiveColourMonths.Parse(query.Month), cancellationToken);
}

internal static class GetFiveColourChartEndpoint
{
    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapGet("/five-colour", Handle)
            .WithName("GetFiveColourChart")
            .WithSummary("The five-colour monthly health check of a region of the caller's jurisdiction and the ranked regions below it.")
            .WithDescription("The five-colour chart 五色图 for a month (yyyy-MM): the health check of a region of the caller's jurisdiction (its own by default) and of each region directly below it (the districts of the city, the towns of a district), each a score out of 100 from the rule set's weighted indicators, its colour band, each indicator's figure, score and points lost (those that pulled it down, most first), and the rank among its siblings with the change since the month before (equal scores share a rank). 400 for a month not given as yyyy-MM; 404 for a region outside the jurisdiction.")
            .RequireCapability(Capability.ViewMetrics)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<FiveColourChart>> Handle(string month, Guid? regionId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetFiveColourChart(month, regionId), cancellationToken));
}
