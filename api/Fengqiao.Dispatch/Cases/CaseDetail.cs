using Fengqiao.Dispatch.Attachments;

namespace Fengqiao.Dispatch.Cases;

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

/// <summary>
/// Every deadline of the case under the active rule set; null where the step has not started. <see cref="RuleSet"/> is the
/// rule set's name (its key), <see cref="RuleSetTitle"/> what the page shows.
/// </summary>
internal sealed record CaseDeadlines(
    DateOnly AssignmentDue, DateOnly? SignDue, DateOnly? ReturnDue, DateOnly? ReplyDue, int ExtensionDays, int PausedDays, string RuleSet, string RuleSetTitle);

/// <summary>awaiting: within the rating period; rated; not_rated: the period passed without a rating; not_replied.</summary>
internal enum RatingState
{
    NotReplied,
    Awaiting,
    Rated,
    NotRated,
}

/// <summary>
/// A case as staff see it: the case's own columns, everything recorded against it, and what the caller may do next.
/// The JSON is flat, as the SPA reads it; the properties are named, not positional, so a new one cannot shift the rest.
/// </summary>
internal sealed record CaseDetail
{
    public required Guid Id { get; init; }

    public required Guid PetitionId { get; init; }

    public required string Number { get; init; }

    public required CaseKind Kind { get; init; }

    public Guid? ParentCaseId { get; init; }

    public required CaseStatus Status { get; init; }

    public required string Category { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required string Summary { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset AcceptedAt { get; init; }

    public required bool IsFirstTime { get; init; }

    public required bool IsRepeat { get; init; }

    public required bool IsSkipLevel { get; init; }

    public Guid? SuggestedUnitId { get; init; }

    public Guid? LeadUnitId { get; init; }

    public string? LeadUnitName { get; init; }

    public AssignmentMode? AssignmentMode { get; init; }

    public required bool ReportRequired { get; init; }

    public DateTimeOffset? AssignedAt { get; init; }

    public DateTimeOffset? SignedAt { get; init; }

    public required CaseDeadlines Deadlines { get; init; }

    public required ClockStep CurrentStep { get; init; }

    public required DateOnly CurrentDueOn { get; init; }

    public required Light Light { get; init; }

    public DateTimeOffset? PausedAt { get; init; }

    public string? PauseReason { get; init; }

    public DateTimeOffset? RepliedAt { get; init; }

    public Opinion? Opinion { get; init; }

    public string? ReplyText { get; init; }

    public required IReadOnlyList<CaseAttachmentView> Attachments { get; init; }

    public Rating? Rating { get; init; }

    public RatingSource? RatingSource { get; init; }

    public string? RatingNote { get; init; }

    public required RatingState RatingState { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public DateTimeOffset? FinalAt { get; init; }

    public DateTimeOffset? ReviewRequestedAt { get; init; }

    public Guid? AgentUserId { get; init; }

    public string? AgentName { get; init; }

    public string? LeaderName { get; init; }

    public required bool IsListed { get; init; }

    public string? ListedReason { get; init; }

    public required IReadOnlyList<CoUnitView> CoUnits { get; init; }

    public required IReadOnlyList<ChecklistItemView> Checklist { get; init; }

    public required IReadOnlyList<ExtensionView> Extensions { get; init; }

    public required IReadOnlyList<PauseView> Pauses { get; init; }

    public required IReadOnlyList<SupervisionOrderView> SupervisionOrders { get; init; }

    public required IReadOnlyList<ReminderView> Reminders { get; init; }

    public required IReadOnlyList<string> Breaches { get; init; }

    public required IReadOnlyList<CaseTimelineEntry> Timeline { get; init; }

    public required IReadOnlyList<CaseAction> AllowedActions { get; init; }

    public required long Version { get; init; }
}
