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

/// <summary>Reads the counters kept with every case change and every light the deadline watcher changes.</summary>
internal sealed class GetSupervisionBoardHandler(IDbSession session, CaseStore store, ICurrentUser caller) : IQueryHandler<GetSupervisionBoard, SupervisionBoardView>
{
    public async ValueTask<SupervisionBoardView> Handle(GetSupervisionBoard query, CancellationToken cancellationToken)
    {
        var byUnit = await session.QueryAsync<BoardRow>(SupervisionSql.BoardByUnit, new { NoUnit = Guid.Empty, Scope = caller.RegionPath ?? string.Empty }, cancellationToken);
        var byRegion = await session.QueryAsync<BoardRow>(SupervisionSql.BoardByRegion, store.VisibleTo(), cancellationToken);
        return new SupervisionBoardView(Worst(byUnit), Worst(byRegion), store.Today);
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
