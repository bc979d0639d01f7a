namespace Fengqiao.Dispatch.Cases;

/// <summary>One row of dispatch_cases. Handlers change a copy (<c>with</c>) and <see cref="CaseStore"/> saves it against the version read.</summary>
internal sealed record CaseRow
{
    public required Guid Id { get; init; }

    public required Guid PetitionId { get; init; }

    public required CaseKind Kind { get; init; }

    public Guid? ParentCaseId { get; init; }

    public required string Number { get; init; }

    public required string Category { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionPath { get; init; }

    public required string RegionName { get; init; }

    public required string Summary { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset AcceptedAt { get; init; }

    public required bool IsFirstTime { get; init; }

    public required bool IsRepeat { get; init; }

    public required bool IsSkipLevel { get; init; }

    public required CaseStatus Status { get; init; }

    public Guid? SuggestedUnitId { get; init; }

    public Guid? LeadUnitId { get; init; }

    public string? LeadUnitName { get; init; }

    public AssignmentMode? AssignmentMode { get; init; }

    public required bool ReportRequired { get; init; }

    public DateTimeOffset? AssignedAt { get; init; }

    public required DateOnly AssignmentDue { get; init; }

    public DateOnly? SignDue { get; init; }

    public DateTimeOffset? SignedAt { get; init; }

    public DateOnly? ReturnDue { get; init; }

    public DateOnly? ReplyDue { get; init; }

    public required int ExtensionDays { get; init; }

    public required int PausedDays { get; init; }

    public DateTimeOffset? PausedAt { get; init; }

    public string? PauseReason { get; init; }

    public DateTimeOffset? RepliedAt { get; init; }

    public Opinion? Opinion { get; init; }

    public string? ReplyText { get; init; }

    public Rating? Rating { get; init; }

    public RatingSource? RatingSource { get; init; }

    public string? RatingNote { get; init; }

    public DateTimeOffset? RatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public DateTimeOffset? FinalAt { get; init; }

    public DateTimeOffset? ReviewRequestedAt { get; init; }

    public required ClockStep CurrentStep { get; init; }

    public required DateOnly CurrentDueOn { get; init; }

    public required DateOnly CurrentYellowOn { get; init; }

    public required Light Light { get; init; }

    public Guid? AgentUserId { get; init; }

    public string? AgentName { get; init; }

    public Guid? LeaderUserId { get; init; }

    public string? LeaderName { get; init; }

    public required bool IsListed { get; init; }

    public string? ListedReason { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required long Version { get; init; }
}

/// <summary>交办: assigned with a deadline and a required completion report; 转送: forwarded to the competent unit.</summary>
internal enum AssignmentMode
{
    Assign,
    Forward,
}

/// <summary>The written opinion 信访处理意见书 (Art 34).</summary>
internal enum Opinion
{
    Support,
    Explain,
    NotSupport,
}

internal enum Rating
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

/// <summary>Who rated: the petitioner on the tracking page, staff after a callback (回访), or the petition agent.</summary>
internal enum RatingSource
{
    Petitioner,
    Callback,
    Agent,
}

/// <summary>What a timeline entry records. Public entries reach the petitioner; internal ones never do.</summary>
internal enum CaseEventKind
{
    Opened,
    Assigned,
    Forwarded,
    Reassigned,
    Signed,
    Returned,
    Note,
    CoUnitInput,
    ExtensionRequested,
    ExtensionApproved,
    ExtensionRefused,
    ClockPaused,
    ClockResumed,
    Replied,
    Rated,
    ReviewRequested,
    Closed,
    Final,
    ChecklistTicked,
    AgentAssigned,
    LeaderInCharge,

    /// <summary>The instruction of the leader who accepted the petition at a reception (交办).</summary>
    LeaderInstruction,
    SupervisionOrderIssued,
    SupervisionOrderAnswered,
    ListedForSupervision,
    DueSoon,
    Overdue,
}
