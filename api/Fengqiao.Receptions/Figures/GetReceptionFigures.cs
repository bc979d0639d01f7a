using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using Fengqiao.Receptions.Batches;
using Fengqiao.Receptions.Schedule;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Figures;

/// <summary>The counts of one group of batches, as the SQL answers them.</summary>
internal record FigureCounts
{
    public required long Batches { get; init; }

    public required long Persons { get; init; }

    public required long SolvedOnTheSpot { get; init; }

    public required long Explained { get; init; }

    public required long Assigned { get; init; }
}

internal sealed record LevelCounts : FigureCounts
{
    public required ReceptionLevel Level { get; init; }
}

internal sealed record KindCounts : FigureCounts
{
    public required ReceptionKind Kind { get; init; }
}

internal sealed record LeaderCounts : FigureCounts
{
    public required Guid? HostUserId { get; init; }

    public required string? HostName { get; init; }

    public required ReceptionLevel Level { get; init; }
}

internal sealed record CountyVisitCounts
{
    public required long Batches { get; init; }

    public required long Persons { get; init; }

    public required long MustVisitBatches { get; init; }

    public required long MustVisitPersons { get; init; }
}

/// <summary>
/// The four must-visits (四个必访): the must-visit batches with their outcomes and resolution rate, and their share of the
/// county-level (district) leaders' visits in batches and persons (fractions to four places; null without such visits).
/// </summary>
internal sealed record MustVisitFigures(
    BatchTotals Totals, int CountyVisitBatches, int CountyVisitPersons, int CountyMustVisitBatches, int CountyMustVisitPersons, decimal? BatchShare, decimal? PersonShare)
{
    public static decimal? Share(long part, long whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);
}

/// <summary>One line of the figures: batches, persons, outcomes and the resolution rate ((solved + explained) / batches).</summary>
internal sealed record FigureLine(string Key, string? Label, ReceptionLevel? Level, BatchTotals Totals);

internal sealed record ReceptionFigures(
    DateOnly From, DateOnly To, BatchTotals Totals, IReadOnlyList<FigureLine> ByLevel, IReadOnlyList<FigureLine> ByKind, IReadOnlyList<FigureLine> ByLeader, MustVisitFigures MustVisits);

/// <summary>Batches and persons received from <see cref="From"/> to <see cref="To"/> in the caller's jurisdiction (optionally a region's subtree).</summary>
internal sealed record GetReceptionFigures(DateOnly From, DateOnly To, Guid? RegionId) : IQuery<ReceptionFigures>;

internal sealed class GetReceptionFiguresValidator : AbstractValidator<GetReceptionFigures>
{
    public GetReceptionFiguresValidator()
    {
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("The period ends on or after its start.");
        RuleFor(q => q.To).Must((q, to) => to.DayNumber - q.From.DayNumber <= 3660).WithMessage("Give a period of at most ten years.");
    }
}

internal sealed class GetReceptionFiguresHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory) : IQueryHandler<GetReceptionFigures, ReceptionFigures>
{
    public async ValueTask<ReceptionFigures> Handle(GetReceptionFigures query, CancellationToken cancellationToken)
    {
        var parameters = new { RegionPrefix = await ListReceptionsHandler.RegionPrefixAsync(directory, query.RegionId, cancellationToken), query.From, query.To };
        var totals = await session.QuerySingleInJurisdictionAsync<FigureCounts>(caller, FiguresSql.Totals, parameters, cancellationToken);
        var byLevel = await session.QueryInJurisdictionAsync<LevelCounts>(caller, FiguresSql.ByLevel, parameters, cancellationToken);
        var byKind = await session.QueryInJurisdictionAsync<KindCounts>(caller, FiguresSql.ByKind, parameters, cancellationToken);
        var byLeader = await session.QueryInJurisdictionAsync<LeaderCounts>(caller, FiguresSql.ByLeader, parameters, cancellationToken);
        var mustVisits = await session.QuerySingleInJurisdictionAsync<FigureCounts>(caller, FiguresSql.MustVisits, parameters, cancellationToken);
        var county = (await session.QuerySingleInJurisdictionAsync<CountyVisitCounts>(caller, FiguresSql.CountyVisits, parameters, cancellationToken))!;
        return new ReceptionFigures(
            query.From,
            query.To,
            Totals(totals!),
            byLevel.OrderBy(l => l.Level).Select(l => new FigureLine(l.Level.ToSnakeCase(), null, l.Level, Totals(l))).ToList(),
            byKind.OrderBy(k => k.Kind).Select(k => new FigureLine(k.Kind.ToSnakeCase(), null, null, Totals(k))).ToList(),
            byLeader.Select(l => new FigureLine(l.HostUserId?.ToString() ?? l.HostName ?? string.Empty, l.HostName, l.Level, Totals(l))).ToList(),
            new MustVisitFigures(Totals(mustVisits!), (int)county.Batches, (int)county.Persons, (int)county.MustVisitBatches, (int)county.MustVisitPersons,
                MustVisitFigures.Share(county.MustVisitBatches, county.Batches), MustVisitFigures.Share(county.MustVisitPersons, county.Persons)));
    }

    private static BatchTotals Totals(FigureCounts counts) => new(
        (int)counts.Batches, (int)counts.Persons, (int)counts.SolvedOnTheSpot, (int)counts.Explained, (int)counts.Assigned,
        BatchRules.ResolutionRate((int)counts.SolvedOnTheSpot, (int)counts.Explained, (int)counts.Batches));
}

internal static class GetReceptionFiguresEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapGet("/figures", Handle)
            .WithName("GetReceptionFigures")
            .WithDescription("Batches and persons received in a period within the caller's jurisdiction (optionally a region's subtree), by level, kind and leader, with outcomes and the resolution rate ((solved + explained) / batches), and the four must-visits' (四个必访) share of the district leaders' visits. 400 for a period that ends before it starts or spans more than ten years.")
            .WithSummary("Batches and persons received, by level, kind and leader, with the resolution rate, and the must-visits' share of county-level visits, for a period and region of the caller's jurisdiction.")
            .RequireCapability(Capability.ViewReceptions)
            .ProducesValidationProblem();

    private static async Task<Ok<ReceptionFigures>> Handle(DateOnly from, DateOnly to, Guid? regionId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetReceptionFigures(from, to, regionId), cancellationToken));
}
