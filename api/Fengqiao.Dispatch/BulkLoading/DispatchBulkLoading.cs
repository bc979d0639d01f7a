using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Organization;
using Fengqiao.Dispatch.Cases;
using Fengqiao.Dispatch.Rules;

namespace Fengqiao.Dispatch.BulkLoading;

/// <summary>
/// What happened to one case and when, as its handlers would have done it: the words they wrote and the instants they
/// acted. A step whose instant is missing or lies after now has not happened (yet), nor has any step after it; the
/// dispatch module decides what each step leaves behind (deadlines, lights, breaches, reminders, checklist, board).
/// </summary>
public sealed record CaseHistory
{
    public required Guid Id { get; init; }

    /// <summary>The handling case this one reviews (复查), or the review it reviews again (复核); null for a handling case.</summary>
    public CaseHistory? ReviewOf { get; init; }

    public required Guid PetitionId { get; init; }

    public required string Number { get; init; }

    public required string Category { get; init; }

    public required RegionSnapshot Region { get; init; }

    public required string Summary { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When the petition was accepted, or for a review when it was requested.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    public required bool IsFirstTime { get; init; }

    public bool IsRepeat { get; init; }

    public bool IsSkipLevel { get; init; }

    public UnitSnapshot? SuggestedUnit { get; init; }

    /// <summary>The petition bureau that assigns, approves extensions and lists for supervision.</summary>
    public required UnitSnapshot AssignedBy { get; init; }

    public required UnitSnapshot Lead { get; init; }

    /// <summary>转送 (forwarded) instead of 交办 (assigned with a completion report).</summary>
    public bool Forwarded { get; init; }

    public DateTimeOffset? AssignedAt { get; init; }

    public CaseReturnStep? Return { get; init; }

    public CaseAgentStep? Agent { get; init; }

    public IReadOnlyList<CaseCoUnitStep> CoUnits { get; init; } = [];

    public DateTimeOffset? SignedAt { get; init; }

    public CaseExtensionStep? Extension { get; init; }

    public CasePauseStep? Pause { get; init; }

    public CaseOrderStep? Order { get; init; }

    public DateTimeOffset? ListedAt { get; init; }

    public string? ListedReason { get; init; }

    public DateTimeOffset? RepliedAt { get; init; }

    /// <summary>support, explain or not_support.</summary>
    public string Opinion { get; init; } = "explain";

    public string ReplyText { get; init; } = string.Empty;

    public DateTimeOffset? RatedAt { get; init; }

    /// <summary>satisfied, basically_satisfied or dissatisfied.</summary>
    public string? Rating { get; init; }

    /// <summary>Rated on the tracking page; otherwise on a callback (回访) by the lead unit.</summary>
    public bool RatedByPetitioner { get; init; }

    public DateTimeOffset? ReviewRequestedAt { get; init; }

    public string ReviewRequestReason { get; init; } = string.Empty;

    public DateTimeOffset? ClosedAt { get; init; }
}

/// <summary>The first lead unit returned the case (退回) and the bureau assigned it to <paramref name="ReassignedTo"/>, who is <see cref="CaseHistory.Lead"/> from then on.</summary>
public sealed record CaseReturnStep(UnitSnapshot ReturnedBy, DateTimeOffset ReturnedAt, string Reason, DateTimeOffset? ReassignedAt);

public sealed record CaseAgentStep(UserSnapshot Agent, DateTimeOffset AssignedAt);

public sealed record CaseCoUnitStep(UnitSnapshot Unit, DateTimeOffset? InputAt, string Input);

public sealed record CaseExtensionStep(int Days, string Reason, DateTimeOffset RequestedAt, bool Approved, DateTimeOffset DecidedAt, string RefusalReason);

public sealed record CasePauseStep(string Reason, DateTimeOffset PausedAt, DateTimeOffset? ResumedAt);

/// <summary>A supervision order (督办单) to the lead unit, answered or not.</summary>
public sealed record CaseOrderStep(string Text, DateOnly DueOn, DateTimeOffset IssuedAt, string IssuedByName, DateTimeOffset? AnsweredAt, string Answer);

/// <summary>How far a load has come: cases and all rows written (co-units, timeline, extensions, orders and the rest included).</summary>
public sealed record CaseLoadProgress(int Cases, long Rows, TimeSpan Elapsed);

/// <summary>
/// The dispatch module's one seam for bulk loading (demo seeding and the benchmarks' load generator): the deadlines of
/// the active rule set that a generator needs to place its steps, and a loader that takes case histories through the
/// steps up to now and stores what the handlers and the deadline watcher would have left, with this module's statements
/// (a matter made final is published as <see cref="Contracts.Dispatch.CaseFinal"/>, for the modules that act on it).
/// </summary>
public sealed class DispatchBulkLoading
{
    private readonly IDbSession _session;
    private readonly DispatchRules _rules;
    private readonly WorkCalendar _calendar;
    private readonly CaseBulkLoader _loader;
    private readonly TimeProvider _clock;

    internal DispatchBulkLoading(IDbSession session, DispatchRules rules, WorkCalendar calendar, CaseBulkLoader loader, TimeProvider clock)
    {
        _session = session;
        _rules = rules;
        _calendar = calendar;
        _loader = loader;
        _clock = clock;
    }

    public int MaxExtensionDays => _rules.MaxExtensionDays;

    /// <summary>Days after the reply without a rating before the case may be closed unrated.</summary>
    public int UnratedAfterDays => _rules.UnratedAfterDays;

    /// <summary>The statutory reply deadline of a case opened on <paramref name="openedOn"/>: a handling case, or the review of <paramref name="reviewOf"/>.</summary>
    public DateOnly ReplyDue(DateOnly openedOn, CaseHistory? reviewOf = null) =>
        CaseReplay.StatutoryReplyDue(_rules, _calendar, CaseReplay.KindOfReview(reviewOf), openedOn);

    /// <summary>A reply deadline moved on by <paramref name="days"/> of the reply period's unit (an extension or a pause).</summary>
    public DateOnly Extended(DateOnly replyDue, int days, CaseHistory? reviewOf = null) =>
        CaseReplay.Extended(_rules, _calendar, CaseReplay.KindOfReview(reviewOf), replyDue, days);

    /// <summary>The days a clock paused from <paramref name="from"/> to <paramref name="to"/> adds, in the reply period's unit.</summary>
    public int PausedDays(DateOnly from, DateOnly to, CaseHistory? reviewOf = null) =>
        CaseReplay.ReplyPeriod(_rules, CaseReplay.KindOfReview(reviewOf)).Count(from, to, _calendar);

    /// <summary>The last day to ask for a review (复查) of a handling case's reply, or a re-review (复核) of a review's, given on <paramref name="repliedOn"/>.</summary>
    public DateOnly ReviewRequestDeadline(DateOnly repliedOn, CaseHistory? reviewOf = null) =>
        (reviewOf is null ? _rules.ReviewRequestWindow : _rules.ReReviewRequestWindow).From(repliedOn, _calendar);

    public async Task<bool> AnyCaseAsync(CancellationToken cancellationToken) =>
        await _session.ExecuteScalarAsync<long>(CaseBulkSql.AnyCase, null, cancellationToken) > 0;

    /// <summary>Takes each history through its steps up to now and stores the cases in batches, each in its own transaction; reviews follow the case they review.</summary>
    public Task<CaseLoadProgress> LoadAsync(IEnumerable<CaseHistory> histories, Action<CaseLoadProgress>? onBatch, CancellationToken cancellationToken)
    {
        var replay = new CaseReplay(_rules, _calendar, _clock.GetUtcNow());
        return _loader.LoadAsync(histories.Select(replay.Replay), onBatch, cancellationToken);
    }
}
