using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Dispatch.Cases;

namespace Fengqiao.Dispatch.Supervision;

/// <summary>What one case adds to its lead unit's and region's counts on the supervision board; a case whose clock stopped adds nothing.</summary>
internal sealed record BoardDelta(Guid LeadUnitId, Guid RegionId, string RegionPath, string? LeadUnitName, string RegionName, int OpenCases, int Red, int Yellow, int RepeatCases, int SkipLevel, int Listed)
{
    public static BoardDelta? Of(CaseRow row, int sign) => row.Light == Light.None
        ? null
        : new BoardDelta(row.LeadUnitId ?? Guid.Empty, row.RegionId, row.RegionPath, row.LeadUnitName, row.RegionName, sign,
            row.Light == Light.Red ? sign : 0, row.Light == Light.Yellow ? sign : 0, row.IsRepeat ? sign : 0, row.IsSkipLevel ? sign : 0, row.IsListed ? sign : 0);

    /// <summary>A light the deadline watcher changed: the case stays open, only red and yellow move.</summary>
    public static BoardDelta OfLight(Guid? leadUnitId, Guid regionId, Light from, Light to) =>
        new(leadUnitId ?? Guid.Empty, regionId, string.Empty, null, string.Empty, 0,
            (to == Light.Red ? 1 : 0) - (from == Light.Red ? 1 : 0), (to == Light.Yellow ? 1 : 0) - (from == Light.Yellow ? 1 : 0), 0, 0, 0);

    public bool SameCounter(BoardDelta other) => LeadUnitId == other.LeadUnitId && RegionId == other.RegionId;

    public BoardDelta Plus(BoardDelta other) => this with
    {
        OpenCases = OpenCases + other.OpenCases,
        Red = Red + other.Red,
        Yellow = Yellow + other.Yellow,
        RepeatCases = RepeatCases + other.RepeatCases,
        SkipLevel = SkipLevel + other.SkipLevel,
        Listed = Listed + other.Listed,
    };

    public bool IsZero => OpenCases == 0 && Red == 0 && Yellow == 0 && RepeatCases == 0 && SkipLevel == 0 && Listed == 0;
}

/// <summary>Keeps <c>dispatch_board_counts</c> right: called in the transaction of every change of a case's row.</summary>
internal static class BoardCounts
{
    /// <summary>Moves a case's contribution from what <paramref name="before"/> counted to what <paramref name="after"/> counts.</summary>
    public static Task ChangeAsync(IDbSession session, CaseRow? before, CaseRow after, CancellationToken cancellationToken)
    {
        var removed = before is null ? null : BoardDelta.Of(before, -1);
        var added = BoardDelta.Of(after, 1);
        if (removed is not null && added is not null && removed.SameCounter(added))
        {
            return AddAsync(session, [added.Plus(removed)], cancellationToken);
        }

        return AddAsync(session, new[] { removed, added }.OfType<BoardDelta>().ToList(), cancellationToken);
    }

    /// <summary>Adds each delta to its counter, creating the counter first where a delta opens a case in a new lead unit and region.</summary>
    public static async Task AddAsync(IDbSession session, IReadOnlyList<BoardDelta> deltas, CancellationToken cancellationToken)
    {
        var changes = deltas.Where(d => !d.IsZero).ToList();
        var opening = changes.Where(d => d.OpenCases > 0).ToList();
        if (opening.Count > 0)
        {
            await session.ExecuteAsync(SupervisionSql.EnsureBoardCounter(session.Dialect), opening, cancellationToken);
        }

        if (changes.Count > 0)
        {
            await session.ExecuteAsync(SupervisionSql.AddToBoardCounter, changes, cancellationToken);
        }
    }
}
