using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using Fengqiao.Dispatch.Cases;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Supervision;

/// <summary>The open cases a board row counts: red and yellow lights, backlog, repeat and skip-level petitions, listed supervision.</summary>
internal abstract record BoardTally
{
    public required long Red { get; init; }

    public required long Yellow { get; init; }

    public required long Backlog { get; init; }

    public required long Repeat { get; init; }

    public required long SkipLevel { get; init; }

    public required long Listed { get; init; }

    public required long OpenCases { get; init; }
}

/// <summary>A lead unit's open cases in the shown region's subtree; no unit id for cases not yet assigned.</summary>
internal sealed record BoardUnitRow : BoardTally
{
    public Guid? UnitId { get; init; }

    public string? UnitName { get; init; }
}

/// <summary>A direct child region's open cases with its whole subtree, or the shown region's own cases.</summary>
internal sealed record BoardRegionRow : BoardTally
{
    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    /// <summary>The row of the shown region itself: only the cases of that region, none of its children's.</summary>
    public required bool OwnCasesOnly { get; init; }

    /// <summary>Whether the region has a board of its own to drill into (it lies above village level).</summary>
    public required bool HasSubregions { get; init; }
}

/// <summary>One region's counter as stored: only the cases of that region.</summary>
internal sealed record RegionCounter : BoardTally
{
    public required string RegionPath { get; init; }
}

internal sealed record BoardRegion(Guid Id, string Name, RegionLevel Level);

internal sealed record BoardTrailStep(Guid Id, string Name);

/// <summary>
/// The open cases of one region's subtree by lead unit (a page of them) and by direct child region, worst first. The trail
/// runs from the caller's own region down to the shown one.
/// </summary>
internal sealed record SupervisionBoardView(
    BoardRegion Region, IReadOnlyList<BoardTrailStep> Trail, Page<BoardUnitRow> ByUnit, IReadOnlyList<BoardRegionRow> ByRegion, DateOnly Today);

/// <param name="RegionId">The region to show, the caller's own by default; it must lie in the caller's jurisdiction.</param>
/// <param name="Cursor">Where the page of lead units starts: the <c>nextCursor</c> of the page before.</param>
/// <param name="Limit">Lead units per page.</param>
internal sealed record GetSupervisionBoard(Guid? RegionId, string? Cursor, int? Limit) : IQuery<SupervisionBoardView>;

internal sealed class GetSupervisionBoardValidator : AbstractValidator<GetSupervisionBoard>
{
    public GetSupervisionBoardValidator() => RuleFor(q => q.Limit).ValidLimit();
}

/// <summary>The sort key of the last lead unit on a page; cases without a lead unit sort as the empty id.</summary>
internal sealed record BoardUnitCursor(long Red, long Yellow, long OpenCases, Guid UnitId);

/// <summary>Reads the counters kept with every case change and every light the deadline watcher changes.</summary>
internal sealed class GetSupervisionBoardHandler(IDbSession session, CaseStore store, ICurrentUser caller, IOrganizationDirectory directory)
    : IQueryHandler<GetSupervisionBoard, SupervisionBoardView>
{
    public async ValueTask<SupervisionBoardView> Handle(GetSupervisionBoard query, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<BoardUnitCursor>(query.Cursor);
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var ownPath = caller.RegionPath ?? string.Empty;
        var shownPath = query.RegionId is { } id ? (await directory.FindRegionAsync(id, cancellationToken))?.Path : ownPath;

        // A region outside the jurisdiction answers as a missing one; a caller without a region has no board.
        if (shownPath is null || !Jurisdiction.Contains(caller, shownPath))
        {
            throw new NotFoundException("Region");
        }

        // The trail runs from the caller's own region (the shown path starts with it) and ends with the shown region itself.
        var trail = await directory.FindRegionsByPathAsync(RegionPaths.Lineage(shownPath).Where(path => path.Length >= ownPath.Length).ToList(), cancellationToken);
        var shown = trail.LastOrDefault(r => r.Path == shownPath) ?? throw new NotFoundException("Region");
        var level = RegionPaths.LevelOf(shown.Path)!.Value;
        var children = await directory.ListChildRegionsAsync(shown.Id, cancellationToken);
        var units = await session.QueryAsync<BoardUnitRow>(
            SupervisionSql.BoardByUnit(session.Dialect),
            store.VisibleTo(new
            {
                NoUnit = Guid.Empty,
                Scope = shown.Path,
                AfterRed = after?.Red,
                AfterYellow = after?.Yellow,
                AfterOpenCases = after?.OpenCases,
                AfterUnitId = after?.UnitId,
                Limit = limit + 1,
            }),
            cancellationToken);
        var counters = await session.QueryAsync<RegionCounter>(SupervisionSql.BoardByRegion, store.VisibleTo(new { RegionPrefix = shown.Path + "%" }), cancellationToken);
        return new SupervisionBoardView(
            new BoardRegion(shown.Id, shown.Name, level),
            trail.Select(r => new BoardTrailStep(r.Id, r.Name)).ToList(),
            Cursor.ToPage(units, limit, u => new BoardUnitCursor(u.Red, u.Yellow, u.OpenCases, u.UnitId ?? Guid.Empty)),
            Worst(ByChild(shown, level, counters, children)),
            store.Today);
    }

    /// <summary>
    /// Sums the stored per-region counters of the subtree by the direct child each region lies in; the shown region's own
    /// counter stays a row of its own. Reading the subtree's counters keeps the case transactions writing one region row each.
    /// </summary>
    private static IEnumerable<BoardRegionRow> ByChild(RegionSnapshot shown, RegionLevel level, IReadOnlyList<RegionCounter> counters, IReadOnlyList<RegionSnapshot> children)
    {
        var childLevel = level + 1;
        var named = children.Append(shown).ToDictionary(r => r.Path, StringComparer.Ordinal);
        return counters
            .GroupBy(c => c.RegionPath == shown.Path ? shown.Path : RegionPaths.AncestorAt(c.RegionPath, childLevel)!, StringComparer.Ordinal)
            .Select(g => new BoardRegionRow
            {
                RegionId = named[g.Key].Id,
                RegionName = named[g.Key].Name,
                OwnCasesOnly = g.Key == shown.Path,
                HasSubregions = g.Key != shown.Path && childLevel < RegionLevel.Village,
                Red = g.Sum(c => c.Red),
                Yellow = g.Sum(c => c.Yellow),
                Backlog = g.Sum(c => c.Backlog),
                Repeat = g.Sum(c => c.Repeat),
                SkipLevel = g.Sum(c => c.SkipLevel),
                Listed = g.Sum(c => c.Listed),
                OpenCases = g.Sum(c => c.OpenCases),
            });
    }

    private static List<BoardRegionRow> Worst(IEnumerable<BoardRegionRow> rows) =>
        rows.OrderByDescending(r => r.Red).ThenByDescending(r => r.Yellow).ThenByDescending(r => r.OpenCases).ToList();
}

internal static class SupervisionBoardEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/supervision-board", async Task<Ok<SupervisionBoardView>> (Guid? regionId, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetSupervisionBoard(regionId, cursor, limit), cancellationToken)))
            .WithName("GetSupervisionBoard")
            .WithDescription("The supervision board of a region (the caller's own when `regionId` is left out): open cases with red and yellow deadline lights, backlog, repeat and skip-level petitions and listed supervision, counted by lead unit (a page of them, worst first) and by direct child region, with the trail from the caller's region down to the one shown. 404 for a region outside the caller's jurisdiction.")
            .WithSummary("Red and yellow cases, backlog, repeat and skip-level petitions of a region by lead unit and by child region.")
            .RequireCapability(Capability.ViewSupervision)
            .CachedForCaller()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
