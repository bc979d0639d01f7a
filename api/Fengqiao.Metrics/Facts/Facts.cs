using Fengqiao.BuildingBlocks.Clock;

namespace Fengqiao.Metrics.Facts;

/// <summary>Where a counter is counted: one row of <c>metrics_daily_facts</c>. <see cref="UnitId"/> is empty for facts without a unit.</summary>
internal sealed record FactKey(DateOnly Day, string RegionPath, Guid UnitId, string Channel, string Category);

/// <summary>The counters of a fact row; each indicator is a ratio or a sum of them (see <c>IndicatorDefinitions</c>).</summary>
internal enum Counter
{
    Registered,
    RegisteredPersons,
    FirstTimeRegistered,
    RepeatRegistered,
    SkipLevelRegistered,
    Accepted,
    AcceptedOnTime,
    Concluded,
    ConcludedOnTime,
    RatedSatisfied,
    RatedBasicallySatisfied,
    RatedDissatisfied,
    Closed,
    ClosedUnrated,
    Resolved,
    FirstTimeClosed,
    FirstTimeResolved,
    ReviewRequested,
    BacklogChange,
    SuggestionsReceived,
    SuggestionsAnswered,
    SuggestionsAdopted,
    ReceptionBatches,
    ReceptionPersons,
    MustVisitBatches,
    CountyVisitBatches,
    CountyMustVisitBatches,
    DisputesOpened,
    DisputesAccepted,
    MediationSessions,
    MediationAgreements,
    MediationFailures,
    JudicialDecided,
    JudicialConfirmed,
    AgreementsFollowedUp,
    AgreementsPerformed,
    CasesForwarded,
    CasesAssigned,
    SupervisionOrders,
}

internal sealed record FactDelta(FactKey Key, Counter Counter, int Change);

/// <summary>What the facts remember of a petition, from its registration and acceptance events.</summary>
internal sealed record PetitionFacts(Guid PetitionId, string Channel, string Category, bool IsFirstTime)
{
    /// <summary>A petition whose registration event the metrics never saw (e.g. bulk-loaded history) counts under this channel.</summary>
    public const string UnknownChannel = "unknown";

    /// <summary>A petition the facts have no row of: counted under the unknown channel, in the event's category when it names one.</summary>
    public static PetitionFacts Unseen(Guid petitionId, string? category) => new(petitionId, UnknownChannel, category ?? UnknownChannel, false);
}

/// <summary>
/// What the facts remember of a handling case: whether it is in the backlog (past its reply deadline and not replied), whether
/// a review was requested, and the fact row its resolution was counted in, so that a later review request takes it back.
/// </summary>
internal sealed record CaseFacts(Guid CaseId, bool IsOverdue, bool ReviewRequested, FactKey? ResolvedIn, bool ResolvedFirstTime)
{
    /// <summary>
    /// The unit the case joined the backlog under (empty for none), while it is in it: it leaves the backlog under the same unit
    /// when replied, though a return and reassignment gave it another lead unit since, so no unit keeps a case that left.
    /// </summary>
    public Guid? OverdueUnitId { get; init; }

    public static CaseFacts New(Guid caseId) => new(caseId, false, false, null, false);
}

/// <summary>
/// What the facts remember of a dispute's return visits 回访: the fact row its latest visit was counted in, whether that visit
/// found the agreement performed, and when the visit was recorded, so that a later visit moves the dispute's one count to its own day.
/// </summary>
internal sealed record DisputeFacts(Guid DisputeId, FactKey FollowedUpIn, bool Performed, DateTimeOffset? RecordedAt);

internal static class FactDays
{
    /// <summary>Facts count by the day in Shaoxing (Asia/Shanghai), as the work calendar does.</summary>
    public static DateOnly Of(DateTimeOffset instant) => WorkCalendar.LocalDate(instant);
}
