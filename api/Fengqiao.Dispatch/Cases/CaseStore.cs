using Dapper;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Contracts.Organization;
using Fengqiao.Dispatch.Rules;
using Fengqiao.Dispatch.Supervision;

namespace Fengqiao.Dispatch.Cases;

/// <summary>
/// Loads cases within the caller's jurisdiction and saves changes against the version read: a stale version is
/// a 412, a case outside the jurisdiction a 404. Saving re-reads the clock, so every transition leaves the
/// running step, its deadline and its light right.
/// </summary>
internal sealed class CaseStore(
    IDbSession session,
    ICurrentUser caller,
    IOrganizationDirectory directory,
    IAuditLog audit,
    DispatchRules rules,
    WorkCalendar calendar,
    TimeProvider clock)
{
    private string? _callerUnitName;

    /// <summary>Roles of the petition bureau and of oversight: they see every case of their region subtree.</summary>
    public static readonly Role[] RegionWideRoles = [Role.PetitionOfficer, Role.Supervisor, Role.Leader, Role.Analyst, Role.Admin];

    public DateOnly Today => WorkCalendar.LocalDate(clock.GetUtcNow());

    /// <summary>Whether the caller sees the cases of their region subtree, not only their unit's.</summary>
    public bool SeesRegion => RegionWideRoles.Any(caller.IsInRole);

    public DynamicParameters VisibleTo(object? parameters = null)
    {
        var merged = Jurisdiction.Parameters(caller, parameters);
        merged.Add("SeesRegion", SeesRegion);
        merged.Add("CallerId", caller.UserId ?? Guid.Empty);
        return merged;
    }

    public async Task<CaseRow> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<CaseRow>(CaseSql.ById, VisibleTo(new { Id = id }), cancellationToken)
        ?? throw new NotFoundException("Case");

    /// <summary>The case <paramref name="command"/> changes by <paramref name="action"/>: 404 when not visible, 412 when stale, 409 or 403 when <see cref="CaseActions"/> refuses it.</summary>
    public Task<CaseRow> GetForChangeAsync(CaseCommand command, CaseAction action, CancellationToken cancellationToken) =>
        GetForChangeAsync(command, _ => action, cancellationToken);

    /// <summary>The same for a command whose action depends on the case's state (assigning or re-assigning).</summary>
    public async Task<CaseRow> GetForChangeAsync(CaseCommand command, Func<CaseStatus, CaseAction> actionFor, CancellationToken cancellationToken)
    {
        var row = await GetAsync(command.CaseId, cancellationToken);
        if (row.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException(row.Version);
        }

        CaseActions.Require(actionFor(row.Status), await SituationAsync(row, cancellationToken), caller);
        return row;
    }

    /// <summary>The case for a step that does not change its version (adding a file): 404 when not visible, 409 or 403 when <see cref="CaseActions"/> refuses it.</summary>
    public async Task<CaseRow> GetForActionAsync(Guid id, CaseAction action, CancellationToken cancellationToken)
    {
        var row = await GetAsync(id, cancellationToken);
        CaseActions.Require(action, await SituationAsync(row, cancellationToken), caller);
        return row;
    }

    /// <summary>What <see cref="CaseActions"/> reads beyond the row, in one round trip.</summary>
    public async Task<CaseSituation> SituationAsync(CaseRow row, CancellationToken cancellationToken)
    {
        var parts = await session.QueryAsync<SituationPart>(CaseSql.SituationOf, new { CaseId = row.Id }, cancellationToken);
        return new CaseSituation(
            row,
            parts.Where(p => p.Part == "CoUnit").Select(p => new UnitTask(p.UnitId!.Value, p.Done != 0)).ToList(),
            parts.Where(p => p.Part == "SupervisionOrder").Select(p => new UnitTask(p.UnitId!.Value, p.Done != 0)).ToList(),
            parts.Any(p => p.Part == "PendingExtension"),
            parts.Count(p => p.Part == "OpenChecklistItem"),
            Today,
            ReviewRequestableUntil(row));
    }

    /// <summary>The last day a review (复查) or re-review (复核) of the reply may be requested; null before a reply and after a re-review.</summary>
    public DateOnly? ReviewRequestableUntil(CaseRow row) => row.RepliedAt is not { } replied ? null : row.Kind switch
    {
        CaseKind.Handling => rules.ReviewRequestWindow.From(WorkCalendar.LocalDate(replied), calendar),
        CaseKind.Review => rules.ReReviewRequestWindow.From(WorkCalendar.LocalDate(replied), calendar),
        _ => null,
    };

    public bool CallerIsAgentOf(CaseRow row) => CaseActions.IsAgentOf(row, caller);

    /// <summary>Saves <paramref name="after"/> with its clock re-read; returns the new version.</summary>
    public async Task<long> SaveAsync(CaseRow before, CaseRow after, string auditAction, CancellationToken cancellationToken)
    {
        var reading = after.PausedAt is null
            ? CaseClock.Read(after.Status, after.AssignmentDue, after.SignDue, after.ReplyDue, Today, rules.YellowWorkingDays, calendar)
            : new ClockReading(after.CurrentStep, after.CurrentDueOn, after.CurrentYellowOn, after.Light);
        var saved = after with { CurrentStep = reading.Step, CurrentDueOn = reading.DueOn, CurrentYellowOn = reading.YellowOn, Light = reading.Light };
        var changed = await session.ExecuteAsync(CaseSql.Update, Parameters(saved), cancellationToken);
        if (changed == 0)
        {
            throw new PreconditionFailedException(before.Version);
        }

        await BoardCounts.ChangeAsync(session, before, saved, cancellationToken);

        audit.Record(new AuditEntry(auditAction, "case", before.Id, Snapshot(before), Snapshot(saved with { Version = before.Version + 1 })));
        return before.Version + 1;
    }

    public async Task InsertAsync(CaseRow row, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(CaseSql.Insert, Parameters(row), cancellationToken);
        await BoardCounts.ChangeAsync(session, null, row, cancellationToken);
    }

    /// <summary>A timeline entry by the caller: the unit's name always, the person's name only on internal views.</summary>
    public async Task AddTimelineAsync(CaseRow row, CaseEventKind kind, bool isPublic, string text, CancellationToken cancellationToken)
    {
        if (_callerUnitName is null && caller.UnitId is { } unitId)
        {
            _callerUnitName = (await directory.FindUnitAsync(unitId, cancellationToken))?.Name;
        }

        await AddTimelineAsync(row.Id, kind, isPublic, text, _callerUnitName, caller.UserId, caller.DisplayName, CallerIsAgentOf(row), cancellationToken);
    }

    public Task AddTimelineAsync(
        Guid caseId, CaseEventKind kind, bool isPublic, string text, string? unitName, Guid? userId, string? userName, bool byAgent, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            CaseSql.InsertTimeline,
            new
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                CaseId = caseId,
                OccurredAt = clock.GetUtcNow(),
                Kind = kind.ToString(),
                IsPublic = isPublic,
                Text = text,
                UnitName = unitName,
                UserId = userId,
                UserName = userName,
                ByAgent = byAgent,
            },
            cancellationToken);

    /// <summary>Art 43–46 breaches (late assignment, signature, completion), recorded once per case and kind.</summary>
    public Task RecordBreachAsync(Guid caseId, string kind, CancellationToken cancellationToken) =>
        session.ExecuteAsync(CaseSql.InsertBreach, new { CaseId = caseId, Kind = kind, Now = clock.GetUtcNow() }, cancellationToken);

    public static string BreachFor(ClockStep step) => step switch
    {
        ClockStep.Assignment => "late_assignment",
        ClockStep.Signature => "late_signature",
        _ => "late_completion",
    };

    private static object Snapshot(CaseRow row) => new
    {
        Status = row.Status.ToString(),
        row.LeadUnitId,
        row.ReplyDue,
        row.ExtensionDays,
        row.PausedDays,
        Opinion = row.Opinion?.ToString(),
        Rating = row.Rating?.ToString(),
        row.AgentUserId,
        row.LeaderUserId,
        row.IsListed,
        row.Version,
    };

    private static readonly System.Reflection.PropertyInfo[] RowProperties = typeof(CaseRow).GetProperties();

    /// <summary>Enums go to the database as their names; Dapper would otherwise send numbers.</summary>
    public static DynamicParameters Parameters(CaseRow row)
    {
        var parameters = new DynamicParameters();
        foreach (var property in RowProperties)
        {
            var value = property.GetValue(row);
            parameters.Add(property.Name, value is Enum e ? e.ToString() : value);
        }

        return parameters;
    }

    private sealed record SituationPart
    {
        public required string Part { get; init; }

        public Guid? UnitId { get; init; }

        /// <summary>1 when the unit's part is done; a number, as both engines answer the CASE.</summary>
        public required long Done { get; init; }
    }
}
