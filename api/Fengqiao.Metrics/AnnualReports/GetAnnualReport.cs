using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Organization;
using Fengqiao.Metrics.Indicators;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Metrics.AnnualReports;

/// <summary>Petitions registered through a channel or about a domain (category) in the year.</summary>
internal sealed record AnnualReportVolume(string Key, long Registered);

/// <summary>A unit the year's handling cases were forwarded or assigned to as lead unit, with the supervision orders it received.</summary>
internal sealed record AnnualReportUnit(Guid UnitId, string UnitName, long Forwarded, long Assigned, long SupervisionOrders);

/// <summary>
/// The annual statistical report (信访工作条例 Art 41) of a region: every indicator of the year (volumes, forwards, assignments,
/// supervision orders, resolution, satisfaction, ... each with its numerator, denominator and definition key), the volumes by
/// channel and by domain, and the units most petitioned about.
/// </summary>
internal sealed record AnnualReport(
    int Year, Guid RegionId, string RegionName, string RegionLevel, DateOnly From, DateOnly To, IReadOnlyList<IndicatorFigure> Figures,
    IReadOnlyList<AnnualReportVolume> ByChannel, IReadOnlyList<AnnualReportVolume> ByCategory, IReadOnlyList<AnnualReportUnit> MostComplainedUnits);

/// <summary>The annual report of a region of the caller's jurisdiction (the caller's own by default) for a calendar year.</summary>
internal sealed record GetAnnualReport(int Year, Guid? RegionId) : IQuery<AnnualReport>;

internal sealed class GetAnnualReportValidator : AbstractValidator<GetAnnualReport>
{
    public GetAnnualReportValidator(TimeProvider clock) =>
        RuleFor(q => q.Year).InclusiveBetween(2000, WorkCalendar.LocalDate(clock.GetUtcNow()).Year).WithMessage("Give a year from 2000 to this year.");
}

internal sealed class UnitSums
{
    public Guid UnitId { get; init; }

    public long Forwarded { get; init; }

    public long Assigned { get; init; }

    public long SupervisionOrders { get; init; }
}

internal sealed class GetAnnualReportHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory, ISender sender)
    : IQueryHandler<GetAnnualReport, AnnualReport>
{
    /// <summary>How many units the report lists as most petitioned about.</summary>
    public const int MostComplainedUnits = 10;

    public async ValueTask<AnnualReport> Handle(GetAnnualReport query, CancellationToken cancellationToken)
    {
        var from = new DateOnly(query.Year, 1, 1);
        var to = new DateOnly(query.Year, 12, 31);
        // The indicators query answers 404 for a region outside the jurisdiction and sums the figures as everywhere else.
        var byChannel = await sender.Send(new GetIndicators(from, to, query.RegionId, IndicatorGrouping.Channel), cancellationToken);
        var byCategory = await sender.Send(new GetIndicators(from, to, byChannel.RegionId, IndicatorGrouping.Category), cancellationToken);
        var region = await directory.FindRegionAsync(byChannel.RegionId, cancellationToken) ?? throw new InvalidOperationException("The region was just found.");
        var units = await session.QueryInJurisdictionAsync<UnitSums>(
            caller, AnnualReportSql.ByUnit, new { RegionPrefix = region.Path + "%", From = from, To = to, NoUnit = Guid.Empty }, cancellationToken);
        var ranked = new List<AnnualReportUnit>();
        foreach (var unit in units.Where(u => u.Forwarded + u.Assigned + u.SupervisionOrders > 0))
        {
            var name = (await directory.FindUnitAsync(unit.UnitId, cancellationToken))?.Name ?? unit.UnitId.ToString();
            ranked.Add(new AnnualReportUnit(unit.UnitId, name, unit.Forwarded, unit.Assigned, unit.SupervisionOrders));
        }

        return new AnnualReport(
            query.Year, region.Id, region.Name, region.Level, from, to, byChannel.Total.Figures,
            Volumes(byChannel), Volumes(byCategory),
            ranked.OrderByDescending(u => u.Forwarded + u.Assigned).ThenByDescending(u => u.SupervisionOrders).ThenBy(u => u.UnitName, StringComparer.Ordinal)
                .Take(MostComplainedUnits).ToList());
    }

    /// <summary>The groups that registered petitions, most first (mediation, receptions and suggestions register none).</summary>
    private static List<AnnualReportVolume> Volumes(IndicatorTable table) =>
        table.Rows
            .Select(r => new AnnualReportVolume(r.Key, r.Figures.Single(f => f.Key == "registered").Numerator))
            .Where(v => v.Registered > 0)
            .OrderByDescending(v => v.Registered).ThenBy(v => v.Key, StringComparer.Ordinal)
            .ToList();
}

internal static class GetAnnualReportEndpoint
{
    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapGet("/annual-report", Handle)
            .WithName("GetAnnualReport")
            .WithSummary("The annual statistical report (Art 41) of a region of the caller's jurisdiction for a year: volumes by channel and domain, the units most petitioned about, forwards, assignments, supervision orders, resolution and satisfaction.")
            .WithDescription("The annual statistical report (信访工作条例 Art 41) of a region of the caller's jurisdiction (its own by default) for a calendar year: every indicator of the year with its numerator, denominator and definition key (petitions registered, cases forwarded and assigned, supervision orders, resolution and satisfaction rates, ...), petitions registered by channel and by domain (category), and the ten units the most handling cases were forwarded or assigned to, with the supervision orders they received. 400 for a year before 2000 or after this one; 404 for a region outside the jurisdiction.")
            .RequireCapability(Capability.ViewMetrics)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<AnnualReport>> Handle(int year, Guid? regionId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetAnnualReport(year, regionId), cancellationToken));
}
