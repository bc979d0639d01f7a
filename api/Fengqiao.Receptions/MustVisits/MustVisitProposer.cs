using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;

namespace Fengqiao.Receptions.MustVisits;

/// <summary>The data periods of a month's proposal: petitions and concluded cases of the month before it, growth against the one before that.</summary>
internal sealed record ProposalPeriods(DateOnly Month, DateOnly BasisFrom, DateOnly BasisTo, DateOnly PreviousFrom, DateOnly PreviousTo)
{
    public static ProposalPeriods Of(DateOnly month) =>
        new(month, month.AddMonths(-1), month.AddDays(-1), month.AddMonths(-2), month.AddMonths(-1).AddDays(-1));

    /// <summary>The start of a local (Asia/Shanghai) day as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, WorkCalendar.ChinaStandardTime.GetUtcOffset(midnight));
    }
}

/// <summary>A district's towns proposed for a month under the active rule set's thresholds, and the thresholds applied.</summary>
internal sealed record DistrictProposals(ProposalPeriods Periods, string RuleSet, MustVisitThresholds Thresholds, IReadOnlyList<TownProposal> Towns);

/// <summary>
/// Gathers each town's picture from intake's and dispatch's aggregate contracts (counts by region, folded into towns here) and the
/// module's own registers, and applies <see cref="MustVisitRules"/>. Only towns within a given region path are proposed: the
/// caller's jurisdiction for a read, the whole district for the monthly proposer.
/// </summary>
internal sealed class MustVisitProposer(
    IDbSession session, IOrganizationDirectory directory, IPetitionStatistics petitions, ICaseStatistics cases, IRuleSets ruleSets)
{
    /// <param name="withinPath">The region subtree whose towns may be proposed; null proposes none.</param>
    public async Task<DistrictProposals> ProposeAsync(RegionSnapshot district, DateOnly month, string? withinPath, CancellationToken cancellationToken)
    {
        var thresholds = ReceptionsRuleSection.From(ruleSets);
        var periods = ProposalPeriods.Of(month);
        var basisFrom = ProposalPeriods.StartOf(periods.BasisFrom);
        var basisTo = ProposalPeriods.StartOf(month);
        var towns = (await directory.ListChildRegionsAsync(district.Id, cancellationToken)).Where(t => Jurisdiction.Contains(withinPath, t.Path)).ToList();
        var current = await petitions.CountByRegionAsync(district.Path, basisFrom, basisTo, cancellationToken);
        var previous = await petitions.CountByRegionAsync(district.Path, ProposalPeriods.StartOf(periods.PreviousFrom), basisFrom, cancellationToken);
        var workload = await cases.WorkloadByRegionAsync(district.Path, basisFrom, basisTo, cancellationToken);
        var prefix = new { DistrictPrefix = district.Path + "%" };
        var policies = await session.QueryAsync<PolicyEntry>(MustVisitSql.PoliciesOfDistrict, new
        {
            prefix.DistrictPrefix, LatestFrom = month.AddMonths(1).AddDays(-1 + thresholds.MajorPolicy.LeadDays), MonthStart = month,
        }, cancellationToken);
        var incidents = await session.QueryAsync<IncidentEntry>(MustVisitSql.IncidentsOfDistrict, new
        {
            prefix.DistrictPrefix, EarliestDay = month.AddDays(-thresholds.Emergency.IncidentLookbackDays), MonthEnd = month.AddMonths(1).AddDays(-1),
        }, cancellationToken);

        var pictures = towns.Select(town =>
        {
            bool In(string path) => Jurisdiction.Contains(town.Path, path);
            var now = current.Where(c => In(c.RegionPath)).ToList();
            var work = workload.Where(w => In(w.RegionPath)).ToList();
            return new TownPicture(
                town.Id,
                town.Name,
                town.Path,
                now.Sum(c => c.Petitions),
                previous.Where(c => In(c.RegionPath)).Sum(c => c.Petitions),
                now.Sum(c => c.Urgent),
                work.Sum(w => w.Backlog),
                work.Sum(w => w.Overdue),
                work.Sum(w => w.Concluded),
                work.Sum(w => w.Resolved),
                policies.Where(p => In(p.RegionPath)).ToList(),
                incidents.Where(i => In(i.RegionPath)).ToList());
        });
        return new DistrictProposals(periods, ruleSets.Active.Name, thresholds, MustVisitRules.Propose(pictures, month, thresholds));
    }
}
