using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Contracts.Organization;
using Fengqiao.Receptions.Schedule;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.MustVisits;

internal sealed record PlannedMustVisit
{
    public required Guid TownId { get; init; }

    public required Guid ReceptionId { get; init; }

    public required DateOnly Day { get; init; }

    public required string? HostName { get; init; }

    public required ReceptionStatus Status { get; init; }
}

/// <summary>A town proposed for the month: every reason that holds, the figures and register entries behind them, and the visits planned from it.</summary>
internal sealed record MustVisitProposal(
    Guid TownId,
    string TownName,
    IReadOnlyList<MustVisitReason> Reasons,
    TownFigures Figures,
    IReadOnlyList<PolicyEntry> Policies,
    IReadOnlyList<IncidentEntry> Incidents,
    IReadOnlyList<PlannedMustVisit> PlannedVisits);

/// <summary>
/// A district's must-visit proposals of a month. Petitions and concluded cases count over the basis period (the month before),
/// growth against the previous period (the month before that); backlog and overdue cases as they stand now.
/// </summary>
internal sealed record MustVisitProposals(
    string Month,
    Guid DistrictId,
    string DistrictName,
    DateOnly BasisFrom,
    DateOnly BasisTo,
    DateOnly PreviousFrom,
    DateOnly PreviousTo,
    string RuleSet,
    MustVisitThresholds Thresholds,
    IReadOnlyList<MustVisitProposal> Towns);

/// <summary>The towns of a district (county) the system proposes for a must-visit (四个必访) in a month (yyyy-MM), and why.</summary>
internal sealed record GetMustVisitProposals(string Month, Guid DistrictId) : IQuery<MustVisitProposals>;

internal sealed class GetMustVisitProposalsValidator : AbstractValidator<GetMustVisitProposals>
{
    public GetMustVisitProposalsValidator()
    {
        RuleFor(q => q.Month).NotEmpty().Must(m => Months.TryParse(m, out _)).WithMessage("Give the month as yyyy-MM.");
        RuleFor(q => q.DistrictId).NotEmpty();
    }
}

/// <summary>
/// Computes the proposals as the data stands, and records those of the caller's towns not yet recorded for the month (so each
/// publishes <c>MustVisitProposed</c> once, whether the monthly proposer or a read finds it first).
/// </summary>
internal sealed class GetMustVisitProposalsHandler(
    IDbSession session, ICurrentUser caller, IOrganizationDirectory directory, MustVisitProposer proposer, MustVisitRecorder recorder)
    : IQueryHandler<GetMustVisitProposals, MustVisitProposals>
{
    public async ValueTask<MustVisitProposals> Handle(GetMustVisitProposals query, CancellationToken cancellationToken)
    {
        Months.TryParse(query.Month, out var month);
        var district = await MustVisitDistricts.FindAsync(directory, caller, query.DistrictId, cancellationToken);
        var proposals = await proposer.ProposeAsync(district, month, caller.RegionPath, cancellationToken);
        await recorder.RecordMissingAsync(district, month, proposals.Towns, cancellationToken);
        var planned = (await session.QueryAsync<PlannedMustVisit>(MustVisitSql.PlannedOfMonth, new { DistrictId = district.Id, query.Month }, cancellationToken))
            .ToLookup(p => p.TownId);
        var p = proposals.Periods;
        return new MustVisitProposals(
            query.Month, district.Id, district.Name, p.BasisFrom, p.BasisTo, p.PreviousFrom, p.PreviousTo, proposals.RuleSet, proposals.Thresholds,
            proposals.Towns.Select(t => new MustVisitProposal(t.TownId, t.TownName, t.Reasons, t.Figures, t.Policies, t.Incidents, planned[t.TownId].ToList())).ToList());
    }
}

internal static class MustVisitDistricts
{
    /// <summary>
    /// A district (county) that overlaps the caller's jurisdiction: one within it, or the one a town's caller works in (who then
    /// sees their own towns only). Any other district answers 404, as a missing one; a region of another level is a 400.
    /// </summary>
    public static async Task<RegionSnapshot> FindAsync(IOrganizationDirectory directory, ICurrentUser caller, Guid districtId, CancellationToken cancellationToken)
    {
        var district = await directory.FindRegionAsync(districtId, cancellationToken);
        if (district is null || !(Jurisdiction.Contains(caller, district.Path) || Jurisdiction.Contains(district.Path, caller.RegionPath ?? string.Empty)))
        {
            throw new NotFoundException("District");
        }

        return RegionPaths.LevelOf(district.Path) == RegionLevel.District
            ? district
            : throw ReceptionStore.Invalid(nameof(GetMustVisitProposals.DistrictId), "Name a district or county: must-visits are proposed per county.");
    }
}

internal static class GetMustVisitProposalsEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapGet("/must-visits", Handle)
            .WithName("GetMustVisitProposals")
            .WithDescription("The towns of a district the system proposes for a must-visit (四个必访) in a month (`month=yyyy-MM`), each with every reason that holds (petition growth, backlog and overdue cases, a major policy, an emergency), the figures and register entries behind them, and the visits planned. A town's staff see their own town only. 404 for a district outside the jurisdiction; 400 for a region of another level.")
            .WithSummary("The towns of a district proposed for a must-visit (四个必访) in a month, with the reasons, the figures behind them and the visits planned.")
            .RequireCapability(Capability.ViewReceptions)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<MustVisitProposals>> Handle(string month, Guid districtId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetMustVisitProposals(month, districtId), cancellationToken));
}
