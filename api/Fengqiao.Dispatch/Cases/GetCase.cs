using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Dispatch.Attachments;
using Fengqiao.Dispatch.Rules;
using Fengqiao.Dispatch.Supervision;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

internal sealed record GetCase(Guid Id) : IQuery<CaseDetail>;

internal sealed record CoUnitView
{
    public required Guid UnitId { get; init; }

    public required string UnitName { get; init; }

    public string? InputText { get; init; }

    public DateTimeOffset? InputAt { get; init; }

    public string? InputByName { get; init; }
}

/// <summary>Staff see who did what; <see cref="IsPublic"/> tells which entries the petitioner also sees.</summary>
internal sealed record CaseTimelineEntry
{
    public required DateTimeOffset OccurredAt { get; init; }

    public required CaseEventKind Kind { get; init; }

    public required bool IsPublic { get; init; }

    public required string Text { get; init; }

    public string? UnitName { get; init; }

    public string? UserName { get; init; }

    public required bool ByAgent { get; init; }
}

internal sealed record ExtensionView
{
    public required Guid Id { get; init; }

    public required int Days { get; init; }

    public required string Reason { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public string? RequestedByName { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? DecidedByName { get; init; }

    public string? DecisionReason { get; init; }
}

internal sealed record PauseView
{
    public required string Reason { get; init; }

    public required DateTimeOffset PausedAt { get; init; }

    public DateTimeOffset? ResumedAt { get; init; }

    public int? PausedDays { get; init; }
}

internal sealed record SupervisionOrderView
{
    public required Guid Id { get; init; }

    public required Guid UnitId { get; init; }

    public required string UnitName { get; init; }

    public required string Text { get; init; }

    public required DateOnly DueOn { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public string? IssuedByName { get; init; }

    public string? AnswerText { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public string? AnsweredByName { get; init; }
}

internal sealed record ReminderView
{
    public required ClockStep Step { get; init; }

    public required Light Light { get; init; }

    public required DateOnly DueOn { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Every deadline of the case under the active rule set; null where the step has not started.</summary>
internal sealed record CaseDeadlines(DateOnly AssignmentDue, DateOnly? SignDue, DateOnly? ReturnDue, DateOnly? ReplyDue, int ExtensionDays, int PausedDays, string RuleSet);

/// <summary>awaiting: within the rating period; rated; not_rated: the period passed without a rating; not_replied.</summary>
internal enum RatingState
{
    NotReplied,
    Awaiting,
    Rated,
    NotRated,
}

internal sealed record CaseDetail(
    Guid Id,
    Guid PetitionId,
    string Number,
    CaseKind Kind,
    Guid? ParentCaseId,
    CaseStatus Status,
    string Category,
    Guid RegionId,
    string RegionName,
    string Summary,
    DateTimeOffset ReceivedAt,
    DateTimeOffset AcceptedAt,
    bool IsFirstTime,
    bool IsRepeat,
    bool IsSkipLevel,
    Guid? SuggestedUnitId,
    Guid? LeadUnitId,
    string? LeadUnitName,
    AssignmentMode? AssignmentMode,
    bool ReportRequired,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? SignedAt,
    CaseDeadlines Deadlines,
    ClockStep CurrentStep,
    DateOnly CurrentDueOn,
    Light Light,
    DateTimeOffset? PausedAt,
    string? PauseReason,
    DateTimeOffset? RepliedAt,
    Opinion? Opinion,
    string? ReplyText,
    IReadOnlyList<CaseAttachmentView> Attachments,
    Rating? Rating,
    RatingSource? RatingSource,
    string? RatingNote,
    RatingState RatingState,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? FinalAt,
    DateTimeOffset? ReviewRequestedAt,
    Guid? AgentUserId,
    string? AgentName,
    string? LeaderName,
    bool IsListed,
    string? ListedReason,
    IReadOnlyList<CoUnitView> CoUnits,
    IReadOnlyList<ChecklistItemView> Checklist,
    IReadOnlyList<ExtensionView> Extensions,
    IReadOnlyList<PauseView> Pauses,
    IReadOnlyList<SupervisionOrderView> SupervisionOrders,
    IReadOnlyList<ReminderView> Reminders,
    IReadOnlyList<string> Breaches,
    IReadOnlyList<CaseTimelineEntry> Timeline,
    IReadOnlyList<CaseAction> AllowedActions,
    long Version);

internal sealed class GetCaseHandler(IDbSession session, CaseStore store, CaseAttachments attachments, ICurrentUser caller, DispatchRules rules)
    : IQueryHandler<GetCase, CaseDetail>
{
    public async ValueTask<CaseDetail> Handle(GetCase query, CancellationToken cancellationToken)
    {
        var c = await store.GetAsync(query.Id, cancellationToken);
        var byCase = new { CaseId = c.Id };
        var coUnits = await session.QueryAsync<CoUnitView>(CaseSql.CoUnitsOf, byCase, cancellationToken);
        var checklist = await session.QueryAsync<ChecklistItemView>(CaseSql.ChecklistOf, byCase, cancellationToken);
        var extensions = await session.QueryAsync<ExtensionView>(CaseSql.ExtensionsOf, byCase, cancellationToken);
        var pauses = await session.QueryAsync<PauseView>(CaseSql.PausesOf, byCase, cancellationToken);
        var orders = await session.QueryAsync<SupervisionOrderView>(SupervisionSql.OrdersOf, byCase, cancellationToken);
        var reminders = await session.QueryAsync<ReminderView>(CaseSql.RemindersOf, byCase, cancellationToken);
        var breaches = await session.QueryAsync<string>(CaseSql.BreachesOf, byCase, cancellationToken);
        var timeline = await session.QueryAsync<CaseTimelineEntry>(CaseSql.TimelineOf, byCase, cancellationToken);
        var files = await attachments.OfCaseAsync(c.Id, cancellationToken);
        var situation = new CaseSituation(
            c,
            coUnits.Select(u => new UnitTask(u.UnitId, u.InputAt is not null)).ToList(),
            orders.Select(o => new UnitTask(o.UnitId, o.AnsweredAt is not null)).ToList(),
            extensions.Any(e => e.Status == "Pending"),
            checklist.Count(i => i.DoneAt is null),
            store.Today,
            store.ReviewRequestableUntil(c));
        var actions = CaseActions.Allowed(situation, caller);
        return new CaseDetail(
            c.Id, c.PetitionId, c.Number, c.Kind, c.ParentCaseId, c.Status, c.Category, c.RegionId, c.RegionName, c.Summary, c.ReceivedAt, c.AcceptedAt,
            c.IsFirstTime, c.IsRepeat, c.IsSkipLevel, c.SuggestedUnitId, c.LeadUnitId, c.LeadUnitName, c.AssignmentMode, c.ReportRequired, c.AssignedAt, c.SignedAt,
            new CaseDeadlines(c.AssignmentDue, c.SignDue, c.ReturnDue, c.ReplyDue, c.ExtensionDays, c.PausedDays, rules.RuleSet),
            c.CurrentStep, c.CurrentDueOn, c.Light, c.PausedAt, c.PauseReason, c.RepliedAt, c.Opinion, c.ReplyText, files, c.Rating, c.RatingSource, c.RatingNote,
            RatingStateOf(c, store.Today), c.ClosedAt, c.FinalAt, c.ReviewRequestedAt, c.AgentUserId, c.AgentName, c.LeaderName, c.IsListed, c.ListedReason,
            coUnits, checklist, extensions, pauses, orders, reminders, breaches, timeline, actions, c.Version);
    }

    private RatingState RatingStateOf(CaseRow c, DateOnly today) =>
        c.Rating is not null ? RatingState.Rated
        : c.RepliedAt is not { } replied ? RatingState.NotReplied
        : today > BuildingBlocks.Clock.WorkCalendar.LocalDate(replied).AddDays(rules.UnratedAfterDays) ? RatingState.NotRated
        : RatingState.Awaiting;
}

internal static class GetCaseEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapGet("/{id:guid}", Handle)
            .WithName("GetCase")
            .WithSummary("A case with its deadlines and light, reply and files, co-unit inputs, checklist, extensions, supervision, timeline and the caller's allowed actions.")
            .RequireSignedIn()
            .CachedForCaller()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<CaseDetail>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var detail = await sender.Send(new GetCase(id), cancellationToken);
        Versioning.SetETag(context, detail.Version);
        return TypedResults.Ok(detail);
    }
}
