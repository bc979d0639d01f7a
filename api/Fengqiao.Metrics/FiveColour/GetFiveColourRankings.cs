using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Metrics.FiveColour;

/// <summary>A region's place in one month's ranking.</summary>
internal sealed record RankingPlace(Guid RegionId, string Name, decimal? Score, string? Colour, int? Rank, int? RankChange);

internal sealed record RankingMonth(string Month, IReadOnlyList<RankingPlace> Places);

internal sealed record FiveColourRankings(Guid RegionId, string RegionName, IReadOnlyList<RankingMonth> Months);

/// <summary>The rankings of the regions below a region month by month, from <see cref="From"/> to <see cref="To"/> (yyyy-MM).</summary>
internal sealed record GetFiveColourRankings(string From, string To, Guid? RegionId) : IQuery<FiveColourRankings>;

internal sealed class GetFiveColourRankingsValidator : AbstractValidator<GetFiveColourRankings>
{
    public GetFiveColourRankingsValidator()
    {
        RuleFor(q => q.From).Must(m => FiveColourMonths.TryParse(m, out _)).WithMessage(FiveColourMonths.Invalid);
        RuleFor(q => q.To).Must(m => FiveColourMonths.TryParse(m, out _)).WithMessage(FiveColourMonths.Invalid);
        RuleFor(q => q.To)
            .Must((q, to) =>
            {
                var from = FiveColourMonths.Parse(q.From);
                var last = FiveColourMonths.Parse(to);
                return last >= from && last <= from.AddMonths(23);
            })
            .When(q => FiveColourMonths.TryParse(q.From, out _) && FiveColourMonths.TryParse(q.To, out _))
            .WithMessage("From one month up to 24 months later.");
    }
}

internal sealed class GetFiveColourRankingsHandler(FiveColourCalculator calculator, IOrganizationDirectory directory) : IQueryHandler<GetFiveColourRankings, FiveColourRankings>
{
    public async ValueTask<FiveColourRankings> Handle(GetFiveColourRankings query, CancellationToken cancellationToken)
    {
        var region = await calculator.RegionAsync(query.RegionId, cancellationToken);
        var children = await directory.ListChildRegionsAsync(region.Id, cancellationToken);
        var months = new List<RankingMonth>();
        for (var first = FiveColourMonths.Parse(query.From); first <= FiveColourMonths.Parse(query.To); first = first.AddMonths(1))
        {
            var (_, entries) = await calculator.RankedAsync(region, children, first, cancellationToken);
            months.Add(new RankingMonth(FiveColourMonths.Format(first),
                entries.Select(e => new RankingPlace(e.RegionId, e.Name, e.Check.Score, e.Check.Colour, e.Rank, e.RankChange)).ToList()));
        }

        return new FiveColourRankings(region.Id, region.Name, months);
    }
}

internal static class GetFiveColourRankingsEndpoint
{
    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapGet("/five-colour/rankings", Handle)
            .WithName("GetFiveColourRankings")
            .WithSummary("The five-colour rankings of the regions below a region of the caller's jurisdiction, month by month.")
            .WithDescription("The rankings of the regions directly below a region of the caller's jurisdiction (its own by default), month by month from one month to another (yyyy-MM, at most 24 months): each region's score, colour, rank (equal scores share a rank) and change of rank since the month before. 400 for months not given as yyyy-MM or out of order; 404 for a region outside the jurisdiction.")
            .RequireCapability(Capability.ViewMetrics)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<FiveColourRankings>> Handle(string from, string to, Guid? regionId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetFiveColourRankings(from, to, regionId), cancellationToken));
}
