using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Dispatch.Cases;

namespace Fengqiao.Dispatch.Supervision;

/// <summary>
/// What one case adds to the supervision board's counters; a case whose clock stopped adds nothing. Backlog (积案) is
/// an open case past its handling deadline: red while the reply clock runs. A red case still waiting for assignment or
/// signature is late in a step, not yet backlog; a paused clock keeps the light it had, since its deadline moves on resuming.
/// </summary>
internal sealed record BoardDelta(
    Guid LeadUnitId, string? LeadUnitName, Guid RegionId, string RegionPath, string? RegionName,
    int OpenCases, int Red, int Yellow, int Backlog, int RepeatCases, int SkipLevel, int Listed)
{
    public static BoardDelta? Of(CaseRow row, int sign) => row.Light == Light.None
        ? null
        : new BoardDelta(row.LeadUnitId ?? Guid.Empty, row.LeadUnitName, row.RegionId, row.RegionPath, row.RegionName, sign,
            row.Light == Light.Red ? sign : 0, row.Light == Light.Yellow ? sign : 0, IsBacklog(row.Light, row.CurrentStep) ? sign : 0,
            row.IsRepeat ? sign : 0, row.IsSkipLevel ? sign : 0, row.IsListed ? sign : 0);

    /// <summary>A light the deadline watcher changed: the case stays open in the same step, only red, yellow and backlog move.</summary>
    public static BoardDelta OfLight(Guid? leadUnitId, Guid regionId, string regionPath, ClockStep step, Light from, Light to) =>
        new(leadUnitId ?? Guid.Empty, null, regionId, regionPath, null, 0,
            (to == Light.Red ? 1 : 0) - (from == Light.Red ? 1 : 0), (to == Light.Yellow ? 1 : 0) - (from == Light.Yellow ? 1 : 0),
            (IsBacklog(to, step) ? 1 : 0) - (IsBacklog(from, step) ? 1 : 0), 0, 0, 0);

    private static bool IsBacklog(Light light, ClockStep step) => light == Light.Red && step == ClockStep.Reply;

    public bool SameCounters(BoardDelta other) => LeadUnitId == other.LeadUnitId && RegionId == other.RegionId;

    public BoardDelta Plus(BoardDelta other) => this with
    {
        OpenCases = OpenCases + other.OpenCases,
        Red = Red + other.Red,
        Yellow = Yellow + other.Yellow,
        Backlog = Backlog + other.Backlog,
        RepeatCases = RepeatCases + other.RepeatCases,
        SkipLevel = SkipLevel + other.SkipLevel,
        Listed = Listed + other.Listed,
    };

    public bool IsZero => OpenCases == 0 && Red == 0 && Yellow == 0 && Backlog == 0 && RepeatCases == 0 && SkipLevel == 0 && Listed == 0;

    /// <summary>The same change to the lead unit's counter of every region path that contains the case's region, its own included.</summary>
    public IEnumerable<UnitCounterChange> ForScopes() =>
        RegionPaths.Lineage(RegionPath)
            .Select(scope => new UnitCounterChange(scope, LeadUnitId, LeadUnitName, OpenCases, Red, Yellow, Backlog, RepeatCases, SkipLevel, Listed));
}

internal sealed record UnitCounterChange(
    string ScopePath, Guid LeadUnitId, string? LeadUnitName, int OpenCases, int Red, int Yellow, int Backlog, int RepeatCases, int SkipLevel, int Listed);

/// <summary>Keeps the board's counters right: called in the transaction of every change of a case's row.</summary>
internal static class BoardCounts
{
    /// <summary>Moves a case's contribution from what <paramref name="before"/> counted to what <paramref name="after"/> counts.</summary>
    public static Task ChangeAsync(IDbSession session, CaseRow? before, CaseRow after, CancellationToken cancellationToken)
    {
        var removed = before is null ? null : BoardDelta.Of(before, -1);
        var added = BoardDelta.Of(after, 1);
        if (removed is not null && added is not null && removed.SameCounters(added))
        {
            return AddAsync(session, [added.Plus(removed)], cancellationToken);
        }

        return AddAsync(session, new[] { removed, added }.OfType<BoardDelta>().ToList(), cancellationToken);
    }

    /// <summary>Adds each delta to its counters, creating them first where a delta opens a case in a new lead unit or region.</summary>
    public static async Task AddAsync(IDbSession session, IReadOnlyList<BoardDelta> deltas, CancellationToken cancellationToken)
    {
        var changes = deltas.Where(d => !d.IsZero).ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var opening = changes.Where(d => d.OpenCases > 0).ToList();
        var unitChanges = changes.SelectMany(d => d.ForScopes()).ToList();
        if (opening.Count > 0)
        {
            await session.ExecuteAsync(SupervisionSql.EnsureUnitCounter(session.Dialect), opening.SelectMany(d => d.ForScopes()).ToList(), cancellationToken);
            await session.ExecuteAsync(SupervisionSql.EnsureRegionCounter(session.Dialect), opening, cancellationToken);
        }

        await session.ExecuteAsync(SupervisionSql.AddToUnitCounter, unitChanges, cancellationToken);
        await session.ExecuteAsync(SupervisionSql.AddToRegionCounter, changes, cancellationToken);
    }
}
