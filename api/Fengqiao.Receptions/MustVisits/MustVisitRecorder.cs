using System.Globalization;
using System.Text.Json;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Organization;
using Fengqiao.Contracts.Receptions;

namespace Fengqiao.Receptions.MustVisits;

/// <summary>
/// Records a month's must-visit proposals once per month, town and reason, each with one <see cref="MustVisitProposed"/> in the
/// same transaction: the unique key and a key-range-locked insert make a second recorder, or a concurrent one, record nothing.
/// </summary>
internal sealed class MustVisitRecorder(IDbSession session, UnitOfWork unitOfWork, IEventPublisher events, TimeProvider clock)
{
    private sealed record Recorded
    {
        public required Guid RegionId { get; init; }

        public required string Reason { get; init; }
    }

    /// <summary>
    /// Records the proposals not recorded yet in a transaction of their own; none is opened when all are, since a read calls this
    /// and every commit empties the read cache. Returns how many were recorded.
    /// </summary>
    public async Task<int> RecordMissingAsync(RegionSnapshot district, DateOnly month, IReadOnlyList<TownProposal> towns, CancellationToken cancellationToken)
    {
        var recorded = (await session.QueryAsync<Recorded>(MustVisitSql.RecordedOfMonth, new { DistrictId = district.Id, Month = MonthOf(month) }, cancellationToken))
            .Select(r => (r.RegionId, r.Reason))
            .ToHashSet();
        if (towns.All(t => t.Reasons.All(r => recorded.Contains((t.TownId, r.ToSnakeCase())))))
        {
            return 0;
        }

        return await unitOfWork.ExecuteAsync(async token => await RecordAsync(district, month, towns, token), cancellationToken);
    }

    /// <summary>Within the caller's unit of work: records each town's reasons not recorded for the month and publishes their events.</summary>
    public async Task<int> RecordAsync(RegionSnapshot district, DateOnly month, IReadOnlyList<TownProposal> towns, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var monthText = MonthOf(month);
        var insert = MustVisitSql.InsertProposalIfAbsent(session.Dialect);
        var count = 0;
        foreach (var town in towns)
        {
            var f = town.Figures;
            var figures = new MustVisitFigures(f.Petitions, f.PreviousPetitions, f.GrowthPercent, f.UrgentPetitions, f.Backlog, f.Overdue, f.Concluded, f.ResolutionRate);
            foreach (var reason in town.Reasons)
            {
                var id = Guid.CreateVersion7(now);
                var reasonText = reason.ToSnakeCase();
                var inserted = await session.ExecuteAsync(insert, new
                {
                    Id = id,
                    Month = monthText,
                    DistrictId = district.Id,
                    RegionId = town.TownId,
                    RegionPath = town.TownPath,
                    RegionName = town.TownName,
                    Reason = reasonText,
                    Figures = JsonSerializer.Serialize(figures, JsonSerializerOptions.Web),
                    ProposedAt = now,
                }, cancellationToken);
                if (inserted == 0)
                {
                    continue;
                }

                count++;
                events.Publish(new MustVisitProposed(
                    Guid.CreateVersion7(now), now, id, monthText, district.Id, town.TownId, town.TownPath, town.TownName, reasonText, figures,
                    reason == MustVisitReason.MajorPolicy ? town.Policies.Select(p => p.Id).ToList() : [],
                    reason == MustVisitReason.Emergency ? town.Incidents.Select(i => i.Id).ToList() : []));
            }
        }

        return count;
    }

    private static string MonthOf(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
