namespace Fengqiao.Contracts.Dispatch;

/// <summary>What every case event carries, so consumers (metrics) can count by region, unit and petition.</summary>
/// <param name="Kind">handling, review or re_review.</param>
public abstract record CaseEvent(Guid EventId, DateTimeOffset OccurredAt, Guid CaseId, Guid PetitionId, string Kind, string RegionPath, Guid? LeadUnitId)
    : IIntegrationEvent;

/// <param name="Mode">assign (交办, completion report required) or forward (转送).</param>
public sealed record CaseAssigned(
    Guid EventId, DateTimeOffset OccurredAt, Guid CaseId, Guid PetitionId, string Kind, string RegionPath, Guid? LeadUnitId,
    string Mode, IReadOnlyList<Guid> CoUnitIds, DateOnly ReplyDue, bool IsReassignment)
    : CaseEvent(EventId, OccurredAt, CaseId, PetitionId, Kind, RegionPath, LeadUnitId);

public sealed record CaseSigned(Guid EventId, DateTimeOffset OccurredAt, Guid CaseId, Guid PetitionId, string Kind, string RegionPath, Guid? LeadUnitId, bool Late)
    : CaseEvent(EventId, OccurredAt, CaseId, PetitionId, Kind, RegionPath, LeadUnitId);

public sealed record CaseReturned(
    Guid EventId, DateTimeOffset OccurredAt, Guid CaseId, Guid PetitionId, string Kind, string RegionPath, Guid? LeadUnitId, string Reason, Guid? SuggestedUnitId)
    : CaseEvent(EventId, OccurredAt, CaseId, PetitionId, Kind, RegionPath, LeadUnitId);

public sealed record CaseExtended(
    Guid EventId, DateTimeOffset OccurredAt, Guid CaseId, Guid PetitionId, string Kind, string RegionPath, Guid? LeadUnitId, int Days, DateOnly ReplyDue)
    : CaseEvent(EventId, OccurredAt, CaseId, PetitionId, Kind, RegionPath, LeadUnitId);

/// <param name="Opinion">support (支持), explain (解释说明) or not_support (不予支持).</param>
public sealed record CaseReplied(
    Guid EventId, DateTimeOffset OccurredAt, Guid CaseId, Guid PetitionId, string Kind, string RegionPath, Guid? LeadUnitId, string Opinion, bool OnTime)
    : CaseEvent(EventId, OccurredAt, CaseId, PetitionId, Kind, RegionPath, LeadUnitId);

/// <param name="Rating">satisfied, basically_satisfied or dissatisfied.</param>
/// <param name="Source">petitioner (tracking page), callback (staff 回访) or agent.</param>
public sealed record CaseRated(
    Guid EventId, DateTimeOffset OccurredAt, Guid CaseId, Guid PetitionId, string Kind, string RegionPath, Guid? LeadUnitId, string Rating, string Source)
    : CaseEvent(EventId, OccurredAt, CaseId, PetitionId, Kind, RegionPath, LeadUnitId);

/// <param name="ReviewKind">review (复查) or re_review (复核).</param>
public sealed record CaseReviewRequested(
    Guid EventId, DateTimeOffset OccurredAt, Guid CaseId, Guid PetitionId, string Kind, string RegionPath, Guid? LeadUnitId, Guid ReviewCaseId, string ReviewKind)
    : CaseEvent(EventId, OccurredAt, CaseId, PetitionId, Kind, RegionPath, LeadUnitId);

public sealed record CaseClosed(Guid EventId, DateTimeOffset OccurredAt, Guid CaseId, Guid PetitionId, string Kind, string RegionPath, Guid? LeadUnitId, string? Rating)
    : CaseEvent(EventId, OccurredAt, CaseId, PetitionId, Kind, RegionPath, LeadUnitId);

/// <summary>After re-review (复核) the matter is final (终结, Art 36¶3): the same facts and reasons are not accepted again.</summary>
public sealed record CaseFinal(Guid EventId, DateTimeOffset OccurredAt, Guid CaseId, Guid PetitionId, string Kind, string RegionPath, Guid? LeadUnitId, string Number)
    : CaseEvent(EventId, OccurredAt, CaseId, PetitionId, Kind, RegionPath, LeadUnitId);

/// <param name="Step">assignment, signature or reply: the step whose deadline is near or past.</param>
public sealed record CaseDueSoon(
    Guid EventId, DateTimeOffset OccurredAt, Guid CaseId, Guid PetitionId, string Kind, string RegionPath, Guid? LeadUnitId, string Step, DateOnly DueOn)
    : CaseEvent(EventId, OccurredAt, CaseId, PetitionId, Kind, RegionPath, LeadUnitId);

public sealed record CaseOverdue(
    Guid EventId, DateTimeOffset OccurredAt, Guid CaseId, Guid PetitionId, string Kind, string RegionPath, Guid? LeadUnitId, string Step, DateOnly DueOn)
    : CaseEvent(EventId, OccurredAt, CaseId, PetitionId, Kind, RegionPath, LeadUnitId);

/// <summary>A supervision order 督办单 (Art 40) issued to a unit about a case, its answer due on <paramref name="DueOn"/>.</summary>
/// <param name="UnitId">The supervised unit: the lead unit unless another was named.</param>
public sealed record SupervisionOrderIssued(
    Guid EventId, DateTimeOffset OccurredAt, Guid CaseId, Guid PetitionId, string Kind, string RegionPath, Guid? LeadUnitId, Guid OrderId, Guid UnitId, DateOnly DueOn)
    : CaseEvent(EventId, OccurredAt, CaseId, PetitionId, Kind, RegionPath, LeadUnitId);
