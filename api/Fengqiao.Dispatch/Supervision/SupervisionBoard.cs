using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Dispatch.Cases;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Supervision;

internal sealed record BoardRow
{
    public Guid? UnitId { get; init; }

    public string? UnitName { get; init; }

    public Guid? RegionId { get; init; }

    public string? RegionName { get; init; }

    public required long Red { get; init; }

    public required long Yellow { get; init; }

    public required long Backlog { get; init; }

    public required long Repeat { get; init; }

    public required long SkipLevel { get; init; }

    public required long Listed { get; init; }

    public required long OpenCases { get; init; }
}

/// <summary>Open cases of the caller's region subtree by lead unit and by region, worst first.</summary>
internal sealed record SupervisionBoardView(IReadOnlyList<BoardRow> ByUnit, IReadOnlyList<BoardRow> ByRegion, DateOnly Today);

internal sealed record GetSupervisionBoard : IQuery<SupervisionBoardView>;

/// <summary>One lead unit and region of <c>dispatch_board_counts</c>.</summary>
internal sealed record BoardCounterRow
{
    public required Guid LeadUnitId { get; init; }

    public string? LeadUnitName { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required long Red { get; init; }

    public required long Yellow { get; init; }

    public required long RepeatCases { get; init; }

    public required long SkipLevel { get; init; }

    public required long Listed { get; init; }

    public required long OpenCases { get; init; }
}

internal sealed record BoardBacklogRow
{
    public Guid? LeadUnitId { get; init; }

    public required Guid RegionId { get; init; }

    public required long Backlog { get; init; }
}

internal sealed class GetSupervisionBoardHandler(IDbSession session, CaseStore store) : IQueryHandler<GetSupervisionBoard, SupervisionBoardView>
{
    public async ValueTask<SupervisionBoardView> Handle(GetSupervisionBoard query, CancellationToken cancellationToken)
    {
        var today = store.Today;
        var counters = await session.QueryAsync<BoardCounterRow>(SupervisionSql.BoardCounters, store.VisibleTo(), cancellationToken);
        var backlog = (await session.QueryAsync<BoardBacklogRow>(SupervisionSql.BoardBacklog, store.VisibleTo(new { Today = today }), cancellationToken))
            .ToDictionary(b => (b.LeadUnitId ?? Guid.Empty, b.RegionId), b => b.Backlog);
        var byUnit = counters.GroupBy(c => c.LeadUnitId).Select(g => Row(g, backlog) with
        {
            UnitId = g.Key == Guid.Empty ? null : g.Key,
            UnitName = g.Max(c => c.LeadUnitName),
        });
        var byRegion = counters.GroupBy(c => c.RegionId).Select(g => Row(g, backlog) with { RegionId = g.Key, RegionName = g.First().RegionName });
        return new SupervisionBoardView(Worst(byUnit), Worst(byRegion), today);
    }

    private static BoardRow Row(IEnumerable<BoardCounterRow> counters, Dictionary<(Guid, Guid), long> backlog)
    {
        var rows = counters.ToList();
        return new BoardRow
        {
            Red = rows.Sum(c => c.Red),
            Yellow = rows.Sum(c => c.Yellow),
            Backlog = rows.Sum(c => backlog.GetValueOrDefault((c.LeadUnitId, c.RegionId))),
            Repeat = rows.Sum(c => c.RepeatCases),
            SkipLevel = rows.Sum(c => c.SkipLevel),
            Listed = rows.Sum(c => c.Listed),
            OpenCases = rows.Sum(c => c.OpenCases),
        };
    }

    private static List<BoardRow> Worst(IEnumerable<BoardRow> rows) =>
        rows.OrderByDescending(r => r.Red).ThenByDescending(r => r.Yellow).ThenByDescending(r => r.OpenCases).ToList();
}

internal static class SupervisionBoardEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/supervision-board", async Task<Ok<SupervisionBoardView>> (ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetSupervisionBoard(), cancellationToken)))
            .WithName("GetSupervisionBoard")
            .WithSummary("Red and yellow cases, backlog, repeat and skip-level petitions by unit and region.")
            .RequireRoles(Role.PetitionOfficer, Role.Supervisor, Role.Leader, Role.Analyst);
}
