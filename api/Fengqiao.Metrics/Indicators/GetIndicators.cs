using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Metrics.Indicators;

/// <summary>The sums of the fact counters of one group, as the SQL answers them.</summary>
internal record FactSums
{
    public long Registered { get; init; }

    public long RegisteredPersons { get; init; }

    public long RepeatRegistered { get; init; }

    public long SkipLevelRegistered { get; init; }

    public long Accepted { get; init; }

    public long AcceptedOnTime { get; init; }

    public long Concluded { get; init; }

    public long ConcludedOnTime { get; init; }

    public long RatedSatisfied { get; init; }

    public long RatedBasicallySatisfied { get; init; }

    public long RatedDissatisfied { get; init; }

    public long Closed { get; init; }

    public long Resolved { get; init; }

    public long FirstTimeClosed { get; init; }

    public long FirstTimeResolved { get; init; }

    public long Backlog { get; init; }

    public long SuggestionsReceived { get; init; }

    public long SuggestionsAnswered { get; init; }

    public long SuggestionsAdopted { get; init; }

    public long ReceptionBatches { get; init; }

    public long ReceptionPersons { get; init; }

    public long MustVisitBatches { get; init; }

    public long CountyVisitBatches { get; init; }

    public long CountyMustVisitBatches { get; init; }

    public long DisputesOpened { get; init; }

    public long DisputesAccepted { get; init; }

    public long MediationSessions { get; init; }

    public long MediationAgreements { get; init; }

    public long MediationFailures { get; init; }

    public long JudicialDecided { get; init; }

    public long JudicialConfirmed { get; init; }

    public long AgreementsFollowedUp { get; init; }

    public long AgreementsPerformed { get; init; }

    public long CasesForwarded { get; init; }

    public long CasesAssigned { get; init; }

    public long SupervisionOrders { get; init; }

    public static FactSums Add(FactSums a, FactSums b) => new()
    {
        Registered = a.Registered + b.Registered,
        RegisteredPersons = a.RegisteredPersons + b.RegisteredPersons,
        RepeatRegistered = a.RepeatRegistered + b.RepeatRegistered,
        SkipLevelRegistered = a.SkipLevelRegistered + b.SkipLevelRegistered,
        Accepted = a.Accepted + b.Accepted,
        AcceptedOnTime = a.AcceptedOnTime + b.AcceptedOnTime,
        Concluded = a.Concluded + b.Concluded,
        ConcludedOnTime = a.ConcludedOnTime + b.ConcludedOnTime,
        RatedSatisfied = a.RatedSatisfied + b.RatedSatisfied,
        RatedBasicallySatisfied = a.RatedBasicallySatisfied + b.RatedBasicallySatisfied,
        RatedDissatisfied = a.RatedDissatisfied + b.RatedDissatisfied,
        Closed = a.Closed + b.Closed,
        Resolved = a.Resolved + b.Resolved,
        FirstTimeClosed = a.FirstTimeClosed + b.FirstTimeClosed,
        FirstTimeResolved = a.FirstTimeResolved + b.FirstTimeResolved,
        Backlog = a.Backlog + b.Backlog,
        SuggestionsReceived = a.SuggestionsReceived + b.SuggestionsReceived,
        SuggestionsAnswered = a.SuggestionsAnswered + b.SuggestionsAnswered,
        SuggestionsAdopted = a.SuggestionsAdopted + b.SuggestionsAdopted,
        ReceptionBatches = a.ReceptionBatches + b.ReceptionBatches,
        ReceptionPersons = a.ReceptionPersons + b.ReceptionPersons,
        MustVisitBatches = a.MustVisitBatches + b.MustVisitBatches,
        CountyVisitBatches = a.CountyVisitBatches + b.CountyVisitBatches,
        CountyMustVisitBatches = a.CountyMustVisitBatches + b.CountyMustVisitBatches,
        DisputesOpened = a.DisputesOpened + b.DisputesOpened,
        DisputesAccepted = a.DisputesAccepted + b.DisputesAccepted,
        MediationSessions = a.MediationSessions + b.MediationSessions,
        MediationAgreements = a.MediationAgreements + b.MediationAgreements,
        MediationFailures = a.MediationFailures + b.MediationFailures,
        JudicialDecided = a.JudicialDecided + b.JudicialDecided,
        JudicialConfirmed = a.JudicialConfirmed + b.JudicialConfirmed,
        AgreementsFollowedUp = a.AgreementsFollowedUp + b.AgreementsFollowedUp,
        AgreementsPerformed = a.AgreementsPerformed + b.AgreementsPerformed,
        CasesForwarded = a.CasesForwarded + b.CasesForwarded,
        CasesAssigned = a.CasesAssigned + b.CasesAssigned,
        SupervisionOrders = a.SupervisionOrders + b.SupervisionOrders,
    };

    public static FactSums Sum(IEnumerable<FactSums> sums) => sums.Aggregate(new FactSums(), Add);
}

internal sealed record KeyedSums : FactSums
{
    public required string GroupKey { get; init; }
}

internal sealed record DailySums : FactSums
{
    public required DateOnly Day { get; init; }
}

internal enum IndicatorGrouping
{
    Region,
    Unit,
    Channel,
    Category,
    Month,
    Quarter,
    Year,
}

/// <param name="Key">
/// The group: a region's id (or <c>direct</c> for the region's own level), a unit's id (or <c>no_unit</c>, <c>other_units</c>), a
/// channel, a category or a calendar period (yyyy-MM, yyyy-Qn or yyyy).
/// </param>
/// <param name="RegionId">The region to drill down to, for rows by region.</param>
/// <param name="UnitId">The unit to keep to, for rows by unit of a unit in the caller's jurisdiction.</param>
internal sealed record IndicatorRow(string Key, string Label, Guid? RegionId, Guid? UnitId, IReadOnlyList<IndicatorFigure> Figures);

/// <param name="UnitId">The responsible unit the figures keep to, when one was asked for.</param>
internal sealed record IndicatorTable(
    Guid RegionId, string RegionName, string RegionLevel, DateOnly From, DateOnly To, IndicatorGrouping GroupBy, IndicatorRow Total, IReadOnlyList<IndicatorRow> Rows,
    Guid? UnitId, string? UnitName);

/// <summary>
/// The indicators of a region of the caller's jurisdiction (the caller's own by default) for a period, grouped; with
/// <paramref name="UnitId"/>, only the facts counted under that responsible unit (lead unit of a case, unit a supervision order
/// went to, unit of a leader's reception).
/// </summary>
internal sealed record GetIndicators(DateOnly From, DateOnly To, Guid? RegionId, IndicatorGrouping GroupBy, Guid? UnitId = null) : IQuery<IndicatorTable>;

internal sealed class GetIndicatorsValidator : AbstractValidator<GetIndicators>
{
    public GetIndicatorsValidator()
    {
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("The period ends on or after its start.");
        RuleFor(q => q.To).Must((q, to) => to.DayNumber - q.From.DayNumber <= 3660).WithMessage("Give a period of at most ten years.");
        RuleFor(q => q.UnitId).NotEqual(Guid.Empty).WithMessage("Name a unit, or leave the unit out for all of them.");
    }
}

internal sealed class GetIndicatorsHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory) : IQueryHandler<GetIndicators, IndicatorTable>
{
    /// <summary>The row of facts counted at the region's own level (e.g. the city's bureau), not in any region below it.</summary>
    public const string DirectKey = "direct";

    /// <summary>The row of facts counted under no unit: registrations, suggestions, mediation, receptions by a leader without a unit.</summary>
    public const string NoUnitKey = "no_unit";

    /// <summary>The row of facts of the region counted under units outside the caller's jurisdiction (e.g. a city bureau leading a town's case), unnamed.</summary>
    public const string OtherUnitsKey = "other_units";

    public async ValueTask<IndicatorTable> Handle(GetIndicators query, CancellationToken cancellationToken)
    {
        var region = await RegionAsync(query.RegionId, cancellationToken);
        var unit = query.UnitId is { } unitId ? await directory.UnitInJurisdictionAsync(caller, unitId, cancellationToken) : null;
        var parameters = new FactFilter(region.Path, query.From, query.To, unit?.Id);
        var rows = query.GroupBy switch
        {
            IndicatorGrouping.Region => await ByRegionAsync(region, parameters, cancellationToken),
            IndicatorGrouping.Unit => await ByUnitAsync(parameters, cancellationToken),
            IndicatorGrouping.Channel => Keyed(await session.KeyedAsync(caller, FactGroup.Channel, parameters, cancellationToken)),
            IndicatorGrouping.Category => Keyed(await session.KeyedAsync(caller, FactGroup.Category, parameters, cancellationToken)),
            _ => ByCalendarPeriod(query, await session.DailyAsync(caller, parameters, cancellationToken)),
        };
        var total = query.GroupBy is IndicatorGrouping.Month or IndicatorGrouping.Quarter or IndicatorGrouping.Year
            ? rows.Sums.Count == 0 ? new FactSums() : FactSums.Sum(rows.Sums) with { Backlog = rows.Sums[^1].Backlog }
            : FactSums.Sum(rows.Sums);
        return new IndicatorTable(
            region.Id, region.Name, region.Level, query.From, query.To, query.GroupBy,
            new IndicatorRow("total", region.Name, region.Id, unit?.Id, IndicatorDefinitions.Figures(total)),
            rows.Rows,
            unit?.Id,
            unit?.Name);
    }


    /// <summary>A region outside the caller's jurisdiction answers 404, as a missing one does.</summary>
    private async Task<RegionSnapshot> RegionAsync(Guid? regionId, CancellationToken cancellationToken)
    {
        RegionSnapshot? region;
        if (regionId is { } id)
        {
            region = await directory.FindRegionAsync(id, cancellationToken);
        }
        else
        {
            region = caller.RegionPath is { Length: > 0 } own ? (await directory.FindRegionsByPathAsync([own], cancellationToken)).FirstOrDefault() : null;
        }

        return region is not null && Jurisdiction.Contains(caller, region.Path) ? region : throw new NotFoundException("Region");
    }

    private async Task<(IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<FactSums> Sums)> ByRegionAsync(
        RegionSnapshot region, FactFilter parameters, CancellationToken cancellationToken)
    {
        var sums = await session.KeyedAsync(caller, FactGroup.RegionPath, parameters, cancellationToken);
        var children = await directory.ListChildRegionsAsync(region.Id, cancellationToken);
        var rows = new List<IndicatorRow>();
        var parts = new List<FactSums>();
        foreach (var child in children)
        {
            var childSums = FactSums.Sum(sums.Where(s => Jurisdiction.Contains(child.Path, s.Key)).Select(s => s.Value));
            rows.Add(new IndicatorRow(child.Id.ToString(), child.Name, child.Id, null, IndicatorDefinitions.Figures(childSums)));
            parts.Add(childSums);
        }

        var direct = sums.Where(s => !children.Any(c => Jurisdiction.Contains(c.Path, s.Key))).Select(s => s.Value).ToList();
        if (direct.Count > 0)
        {
            var directSums = FactSums.Sum(direct);
            rows.Add(new IndicatorRow(DirectKey, region.Name, region.Id, null, IndicatorDefinitions.Figures(directSums)));
            parts.Add(directSums);
        }

        return (rows, parts);
    }

    /// <summary>
    /// One row per unit of the caller's jurisdiction with facts in the region and period, by the unit's region and name; then one
    /// for the units beyond the jurisdiction, whose names the caller does not see, and one for the facts without a unit.
    /// </summary>
    private async Task<(IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<FactSums> Sums)> ByUnitAsync(FactFilter parameters, CancellationToken cancellationToken)
    {
        var sums = (await session.KeyedAsync(caller, FactGroup.Unit, parameters, cancellationToken))
            .Select(s => (UnitId: Guid.Parse(s.Key), Sums: s.Value))
            .ToList();
        var visible = (await directory.FindUnitsAsync(sums.Select(s => s.UnitId).Where(id => id != Guid.Empty).ToList(), cancellationToken))
            .Where(u => Jurisdiction.Contains(caller, u.RegionPath))
            .ToDictionary(u => u.Id);
        var rows = new List<IndicatorRow>();
        var parts = new List<FactSums>();
        var named = sums.Where(s => visible.ContainsKey(s.UnitId)).Select(s => (Unit: visible[s.UnitId], s.Sums))
            .OrderBy(u => u.Unit.RegionPath, StringComparer.Ordinal).ThenBy(u => u.Unit.Name, StringComparer.Ordinal);
        foreach (var (unit, unitSums) in named)
        {
            rows.Add(new IndicatorRow(unit.Id.ToString(), unit.Name, null, unit.Id, IndicatorDefinitions.Figures(unitSums)));
            parts.Add(unitSums);
        }

        foreach (var (key, group) in new[]
                 {
                     (OtherUnitsKey, sums.Where(s => s.UnitId != Guid.Empty && !visible.ContainsKey(s.UnitId)).ToList()),
                     (NoUnitKey, sums.Where(s => s.UnitId == Guid.Empty).ToList()),
                 })
        {
            if (group.Count > 0)
            {
                var groupSums = FactSums.Sum(group.Select(s => s.Sums));
                rows.Add(new IndicatorRow(key, key, null, null, IndicatorDefinitions.Figures(groupSums)));
                parts.Add(groupSums);
            }
        }

        return (rows, parts);
    }

    private static (IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<FactSums> Sums) Keyed(IReadOnlyDictionary<string, FactSums> sums)
    {
        var ordered = sums.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        return (ordered.Select(s => new IndicatorRow(s.Key, s.Key, null, null, IndicatorDefinitions.Figures(s.Value))).ToList(), ordered.Select(s => s.Value).ToList());
    }

    /// <summary>
    /// One row per month, quarter or year the period touches (the first and last cut to the period); each row's backlog is the
    /// stock at its end (or at the period's end).
    /// </summary>
    private static (IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<FactSums> Sums) ByCalendarPeriod(GetIndicators query, IReadOnlyList<KeyValuePair<DateOnly, FactSums>> days)
    {
        var months = query.GroupBy switch
        {
            IndicatorGrouping.Quarter => 3,
            IndicatorGrouping.Year => 12,
            _ => 1,
        };
        var rows = new List<IndicatorRow>();
        var parts = new List<FactSums>();
        for (var start = new DateOnly(query.From.Year, (query.From.Month - 1) / months * months + 1, 1); start <= query.To; start = start.AddMonths(months))
        {
            var end = start.AddMonths(months).AddDays(-1);
            var first = start < query.From ? query.From : start;
            var last = end > query.To ? query.To : end;
            var flows = FactSums.Sum(days.Where(d => d.Key >= first && d.Key <= last).Select(d => d.Value));
            var periodSums = flows with { Backlog = days.Where(d => d.Key <= last).Sum(d => d.Value.Backlog) };
            var key = months switch
            {
                12 => start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                3 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{start.Year}-Q{(start.Month + 2) / 3}"),
                _ => start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            };
            rows.Add(new IndicatorRow(key, key, null, null, IndicatorDefinitions.Figures(periodSums)));
            parts.Add(periodSums);
        }

        return (rows, parts);
    }
}

internal static class GetIndicatorsEndpoint
{
    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapGet("/indicators", Handle)
            .WithName("GetIndicators")
            .WithDescription("The indicators of petition work (petitions and persons registered, replies on time, satisfaction, backlog, repeat and skip-level petitions, ...; GetIndicatorDefinitions lists them) of a region of the caller's jurisdiction, its own by default, for a period, grouped by region below it, responsible unit, channel, category, month, quarter or year; each figure with its numerator, denominator and definition key. With unitId, only what is counted under that responsible unit (a case's lead unit, the unit a supervision order went to, a reception's unit); registrations, suggestions and mediation have none. By unit, the units beyond the caller's jurisdiction make one unnamed row (other_units) and the facts without a unit another (no_unit). 400 for a period ending before it starts or longer than ten years, or an empty unit id; 404 for a region or unit outside the jurisdiction.")
            .WithSummary("The indicators of a region of the caller's jurisdiction (its own by default) for a period, optionally of one responsible unit, by region below it, unit, channel, category, month, quarter or year; each figure with its numerator, denominator and definition key.")
            .RequireCapability(Capability.ViewMetrics)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<IndicatorTable>> Handle(
        DateOnly from, DateOnly to, Guid? regionId, Guid? unitId, [QueryEnum(typeof(IndicatorGrouping))] string? groupBy, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new GetIndicators(from, to, regionId, QueryEnum.Parse<IndicatorGrouping>(groupBy, nameof(groupBy)) ?? IndicatorGrouping.Region, unitId), cancellationToken));
}
