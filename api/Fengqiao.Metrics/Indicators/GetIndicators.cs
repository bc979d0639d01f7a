using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>The backlog's change within the period: no figure, but what turns the stock at a month's end into the month before's.</summary>
    public long BacklogChange { get; init; }

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
        BacklogChange = a.BacklogChange + b.BacklogChange,
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
/// went to, unit of a leader's reception). With <paramref name="Indicators"/>, each row carries only those figures (in the definitions' order).
/// </summary>
internal sealed record GetIndicators(
    DateOnly From, DateOnly To, Guid? RegionId, IndicatorGrouping GroupBy, Guid? UnitId = null, IReadOnlyList<string>? Indicators = null) : IQuery<IndicatorTable>;

internal sealed class GetIndicatorsValidator : AbstractValidator<GetIndicators>
{
    public GetIndicatorsValidator()
    {
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("The period ends on or after its start.");
        RuleFor(q => q.To).Must((q, to) => to.DayNumber - q.From.DayNumber <= 3660).WithMessage("Give a period of at most ten years.");
        RuleFor(q => q.UnitId).NotEqual(Guid.Empty).WithMessage("Name a unit, or leave the unit out for all of them.");
        RuleForEach(q => q.Indicators).Must(IndicatorDefinitions.IsKey).WithMessage(IndicatorDefinitions.NotAKeyMessage);
    }
}

internal sealed class GetIndicatorsHandler(IndicatorTables tables) : IQueryHandler<GetIndicators, IndicatorTable>
{
    public async ValueTask<IndicatorTable> Handle(GetIndicators query, CancellationToken cancellationToken) => await tables.ReadAsync(query, cancellationToken);
}

internal static class GetIndicatorsEndpoint
{
    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapGet("/indicators", Handle)
            .WithName("GetIndicators")
            .WithDescription("The indicators of petition work (petitions and persons registered, replies on time, satisfaction, backlog, repeat and skip-level petitions, ...; GetIndicatorDefinitions lists them) of a region of the caller's jurisdiction, its own by default, for a period, grouped by region below it, responsible unit, channel, category, month, quarter or year; each figure with its numerator, denominator and definition key. With indicators (repeated, keys from GetIndicatorDefinitions), each row carries only those figures; all by default. With unitId, only what is counted under that responsible unit (a case's lead unit, the unit a supervision order went to, a reception's unit); registrations, suggestions and mediation have none. By unit, the units beyond the caller's jurisdiction make one unnamed row (other_units) and the facts without a unit another (no_unit). 400 for a period ending before it starts or longer than ten years, an empty unit id or an unknown indicator key; 404 for a region or unit outside the jurisdiction.")
            .WithSummary("The indicators of a region of the caller's jurisdiction (its own by default) for a period, optionally of one responsible unit, by region below it, unit, channel, category, month, quarter or year; each figure with its numerator, denominator and definition key.")
            .RequireCapability(Capability.ViewMetrics)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<IndicatorTable>> Handle(
        DateOnly from, DateOnly to, Guid? regionId, Guid? unitId, [QueryEnum(typeof(IndicatorGrouping))] string? groupBy, [FromQuery] string[]? indicators, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new GetIndicators(
                from, to, regionId, QueryEnum.Parse<IndicatorGrouping>(groupBy, nameof(groupBy)) ?? IndicatorGrouping.Region, unitId, IndicatorDefinitions.Requested(indicators)),
            cancellationToken));
}
