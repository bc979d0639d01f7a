using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using Fengqiao.Metrics.FiveColour;
using Fengqiao.Metrics.Indicators;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Metrics.Exports;

/// <summary>
/// Queues an export of an indicator table (<see cref="ExportJobParameters.From"/>, <see cref="ExportJobParameters.To"/>, optionally
/// <see cref="ExportJobParameters.GroupBy"/>), a month's five-colour ranking (<see cref="ExportJobParameters.Month"/>) or the daily facts of a
/// period (one row per day, region, unit, channel and category: the large one) of a region of the caller's jurisdiction, as XLSX or CSV;
/// the table and the facts optionally of one responsible unit (<see cref="ExportJobParameters.UnitId"/>).
/// </summary>
internal sealed record StartExportJob(ExportKind Kind, ExportFormat Format, ExportJobParameters Parameters) : ICommand<ExportJobStarted>;

internal sealed record ExportJobStarted(Guid Id);

internal sealed class StartExportJobValidator : AbstractValidator<StartExportJob>
{
    public StartExportJobValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Format).IsInEnum();
        RuleFor(c => c.Parameters).NotNull();
        When(c => c.Parameters is not null && c.Kind is ExportKind.Indicators or ExportKind.DailyFacts, () =>
        {
            RuleFor(c => c.Parameters.From).NotNull().WithMessage("Give the period's first day.");
            RuleFor(c => c.Parameters.To).NotNull().WithMessage("Give the period's last day.");
            RuleFor(c => c.Parameters.From).InclusiveBetween(QueryValueChecks.EarliestDay, QueryValueChecks.LatestDay).When(c => c.Parameters.From is not null)
                .WithMessage(QueryValueChecks.DayOutOfRange);
            RuleFor(c => c.Parameters.To).InclusiveBetween(QueryValueChecks.EarliestDay, QueryValueChecks.LatestDay).When(c => c.Parameters.To is not null)
                .WithMessage(QueryValueChecks.DayOutOfRange);
            RuleFor(c => c.Parameters.To).GreaterThanOrEqualTo(c => c.Parameters.From).When(c => c.Parameters.From is not null)
                .WithMessage("The period ends on or after its start.");
            RuleFor(c => c.Parameters.To).Must((c, to) => to!.Value.DayNumber - c.Parameters.From!.Value.DayNumber <= 3660)
                .When(c => c.Parameters.From is not null && c.Parameters.To is not null).WithMessage("Give a period of at most ten years.");
            RuleFor(c => c.Parameters.Month).Null().WithMessage("A month is given only for a five-colour ranking.");
        });
        When(c => c.Parameters is not null && c.Kind == ExportKind.FiveColourRanking, () =>
        {
            RuleFor(c => c.Parameters.Month).Must(m => FiveColourMonths.TryParse(m, out _)).WithMessage(FiveColourMonths.Invalid);
            RuleFor(c => c.Parameters.From).Null().WithMessage("A ranking is of one month; give the month.");
            RuleFor(c => c.Parameters.To).Null().WithMessage("A ranking is of one month; give the month.");
        });
        RuleFor(c => c.Parameters.GroupBy).Null().When(c => c.Parameters is not null && c.Kind != ExportKind.Indicators)
            .WithMessage("Only an indicator table is grouped.");
        RuleFor(c => c.Parameters.GroupBy).IsInEnum().When(c => c.Parameters is not null && c.Kind == ExportKind.Indicators);
        RuleFor(c => c.Parameters.UnitId).NotEqual(Guid.Empty).When(c => c.Parameters is not null)
            .WithMessage("Name a unit, or leave the unit out for all of them.");
        RuleFor(c => c.Parameters.UnitId).Null().When(c => c.Parameters is not null && c.Kind == ExportKind.FiveColourRanking)
            .WithMessage("A ranking is of regions; it keeps to no unit.");
    }
}

internal sealed class StartExportJobHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<StartExportJob, ExportJobStarted>
{
    public async ValueTask<ExportJobStarted> Handle(StartExportJob command, CancellationToken cancellationToken)
    {
        var userId = caller.UserId ?? throw new ForbiddenException("An export job belongs to a signed-in user, who alone may download its file.");
        var region = await RegionAsync(command.Parameters.RegionId, cancellationToken);
        var unitId = command.Parameters.UnitId is { } requested ? (await directory.UnitInJurisdictionAsync(caller, requested, cancellationToken)).Id : (Guid?)null;
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var parameters = command.Parameters;
        await session.ExecuteAsync(
            ExportJobSql.Insert,
            new
            {
                Id = id,
                Kind = command.Kind.ToString(),
                Format = command.Format.ToString(),
                RegionId = region.Id,
                FromDay = parameters.From,
                ToDay = parameters.To,
                parameters.Month,
                GroupBy = command.Kind == ExportKind.Indicators ? (parameters.GroupBy ?? IndicatorGrouping.Region).ToString() : null,
                UnitId = unitId,
                CreatedBy = userId,
                CreatorUnitId = caller.UnitId,
                CreatorRegionPath = caller.RegionPath,
                CreatedAt = now,
            },
            cancellationToken);
        // Exports take figures out of the system: who took which slice is recorded, as for the petition worklist.
        audit.Record(new AuditEntry("metrics.export_started", "metrics_export_job", id, After: new { command.Kind, command.Format, parameters, RegionId = region.Id }));
        return new ExportJobStarted(id);
    }

    /// <summary>A region outside the caller's jurisdiction answers 404, as a missing one does.</summary>
    private async Task<RegionSnapshot> RegionAsync(Guid? regionId, CancellationToken cancellationToken)
    {
        var region = regionId is { } id
            ? await directory.FindRegionAsync(id, cancellationToken)
            : caller.RegionPath is { Length: > 0 } own ? (await directory.FindRegionsByPathAsync([own], cancellationToken)).FirstOrDefault() : null;
        return region is not null && Jurisdiction.Contains(caller, region.Path) ? region : throw new NotFoundException("Region");
    }
}

internal static class StartExportJobEndpoint
{
    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapPost("/export-jobs", Handle)
            .WithName("StartExportJob")
            .WithSummary("Queues an export of an indicator table, a five-colour ranking or the daily facts, optionally of one unit, as XLSX or CSV; poll the job, then download its file.")
            .WithDescription("Queues a background export of a region of the caller's jurisdiction (its own by default): an indicator table (kind indicators: from, to, groupBy), a month's five-colour ranking (five_colour_ranking: month as yyyy-MM) or the daily facts of a period row by row (daily_facts: from, to), as XLSX or CSV. An indicator table and the daily facts keep to one responsible unit with unitId, as GetIndicators does. Answers 202 with the job and its address; poll GetExportJob for the state and progress, then DownloadExportJob. Only the caller who started a job sees it. 400 names the parameter that does not fit the kind (or an empty unit id); 404 for a region or unit outside the jurisdiction.")
            .RequireCapability(Capability.ViewMetrics)
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestExample(new StartExportJob(
                ExportKind.DailyFacts, ExportFormat.Xlsx, new ExportJobParameters(null, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), null, null, null)));

    private static async Task<Accepted<ExportJobView>> Handle(StartExportJob request, ISender sender, ExportJobRunner runner, CancellationToken cancellationToken)
    {
        var started = await sender.Send(request, cancellationToken);
        runner.Wake();
        return TypedResults.Accepted($"/api/v1/metrics/export-jobs/{started.Id}", await sender.Send(new GetExportJob(started.Id), cancellationToken));
    }
}
