using System.Text.Json;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Intake;

namespace Fengqiao.Metrics.Facts;

/// <summary>
/// How each intake and dispatch event changes the fact counters: pure, so the definitions are tested on hand-made events.
/// Case indicators count handling cases (办理) only; a review (复查) or re-review (复核) case is the same matter again.
/// </summary>
internal static class FactAccumulator
{
    /// <summary>Art 22: the petition bureau decides on a petition within 15 days of receiving it.</summary>
    public const int AcceptanceDays = 15;

    private const string HandlingKind = "handling";
    private const string ReviewKind = "review";
    private const string ReplyStep = "reply";
    private const string ForwardMode = "forward";

    /// <summary>A petition counts once among the batches (批次) and with each of its persons among the persons (人次).</summary>
    public static IReadOnlyList<FactDelta> Registered(PetitionRegistered e)
    {
        var key = new FactKey(FactDays.Of(e.ReceivedAt), e.RegionPath, Guid.Empty, ChannelOf(e), e.Category);
        var deltas = new List<FactDelta> { new(key, Counter.Registered, 1), new(key, Counter.RegisteredPersons, e.Persons) };
        AddIf(deltas, e.Flags.Contains("first_time"), key, Counter.FirstTimeRegistered, 1);
        AddIf(deltas, e.Flags.Contains("repeat"), key, Counter.RepeatRegistered, 1);
        AddIf(deltas, e.Flags.Contains("skip_level"), key, Counter.SkipLevelRegistered, 1);
        return deltas;
    }

    /// <summary>Accepted on time when decided within <see cref="AcceptanceDays"/> calendar days of receipt.</summary>
    public static IReadOnlyList<FactDelta> Accepted(PetitionAccepted e, PetitionFacts petition)
    {
        var decided = FactDays.Of(e.OccurredAt);
        var key = new FactKey(decided, e.RegionPath, e.SuggestedLeadUnitId ?? Guid.Empty, petition.Channel, e.Category);
        var deltas = new List<FactDelta> { new(key, Counter.Accepted, 1) };
        AddIf(deltas, decided.DayNumber - FactDays.Of(e.ReceivedAt).DayNumber <= AcceptanceDays, key, Counter.AcceptedOnTime, 1);
        return deltas;
    }

    /// <summary>
    /// A handling case's first assignment counts as forwarded (转送) or assigned (交办) under the lead unit it went to, on its day; a
    /// reassignment after a return is the same matter routed again and counts no second time (Art 41's counts of forwards and
    /// assignments).
    /// </summary>
    public static IReadOnlyList<FactDelta> Assigned(CaseAssigned e, PetitionFacts petition) =>
        e.Kind != HandlingKind || e.IsReassignment
            ? []
            : [new FactDelta(KeyOf(e, petition), e.Mode == ForwardMode ? Counter.CasesForwarded : Counter.CasesAssigned, 1)];

    /// <summary>A supervision order (督办, Art 40) counts under the unit it was issued to, whatever the kind of case, on the day issued.</summary>
    public static IReadOnlyList<FactDelta> SupervisionOrderIssued(SupervisionOrderIssued e, PetitionFacts petition) =>
        [new FactDelta(new FactKey(FactDays.Of(e.OccurredAt), e.RegionPath, e.UnitId, petition.Channel, petition.Category), Counter.SupervisionOrders, 1)];

    /// <summary>A reply concludes the handling (办结, Art 34); one past its deadline leaves the backlog.</summary>
    public static (IReadOnlyList<FactDelta> Deltas, CaseFacts State) Replied(CaseReplied e, PetitionFacts petition, CaseFacts state)
    {
        if (e.Kind != HandlingKind)
        {
            return ([], state);
        }

        var key = KeyOf(e, petition);
        var deltas = new List<FactDelta> { new(key, Counter.Concluded, 1) };
        AddIf(deltas, e.OnTime, key, Counter.ConcludedOnTime, 1);
        AddIf(deltas, state.IsOverdue, key with { UnitId = state.OverdueUnitId ?? key.UnitId }, Counter.BacklogChange, -1);
        return (deltas, state with { IsOverdue = false, OverdueUnitId = null });
    }

    /// <summary>A handling case past its reply deadline joins the backlog (积案) once.</summary>
    public static (IReadOnlyList<FactDelta> Deltas, CaseFacts State) Overdue(CaseOverdue e, PetitionFacts petition, CaseFacts state)
    {
        if (e.Kind != HandlingKind || e.Step != ReplyStep || state.IsOverdue)
        {
            return ([], state);
        }

        var key = KeyOf(e, petition);
        return ([new FactDelta(key, Counter.BacklogChange, 1)], state with { IsOverdue = true, OverdueUnitId = key.UnitId });
    }

    public static IReadOnlyList<FactDelta> Rated(CaseRated e, PetitionFacts petition)
    {
        if (e.Kind != HandlingKind)
        {
            return [];
        }

        var counter = e.Rating switch
        {
            "satisfied" => Counter.RatedSatisfied,
            "basically_satisfied" => Counter.RatedBasicallySatisfied,
            "dissatisfied" => Counter.RatedDissatisfied,
            _ => throw new InvalidOperationException($"Unknown rating {e.Rating}."),
        };
        return [new FactDelta(KeyOf(e, petition), counter, 1)];
    }

    /// <summary>
    /// Closing counts the case as resolved (化解) unless a review was requested: satisfied and basically satisfied cases, and
    /// any other the petitioner did not take to review (DOMAIN §9).
    /// </summary>
    public static (IReadOnlyList<FactDelta> Deltas, CaseFacts State) Closed(CaseClosed e, PetitionFacts petition, CaseFacts state)
    {
        if (e.Kind != HandlingKind)
        {
            return ([], state);
        }

        var key = KeyOf(e, petition);
        var deltas = new List<FactDelta> { new(key, Counter.Closed, 1) };
        AddIf(deltas, e.Rating is null, key, Counter.ClosedUnrated, 1);
        AddIf(deltas, petition.IsFirstTime, key, Counter.FirstTimeClosed, 1);
        if (state.ReviewRequested)
        {
            return (deltas, state);
        }

        deltas.Add(new FactDelta(key, Counter.Resolved, 1));
        AddIf(deltas, petition.IsFirstTime, key, Counter.FirstTimeResolved, 1);
        return (deltas, state with { ResolvedIn = key, ResolvedFirstTime = petition.IsFirstTime });
    }

    /// <summary>A review (复查) of a handling case: counted on its day, and a resolution already counted is taken back where it was counted.</summary>
    public static (IReadOnlyList<FactDelta> Deltas, CaseFacts State) ReviewRequested(CaseReviewRequested e, PetitionFacts petition, CaseFacts state)
    {
        if (e.Kind != HandlingKind || e.ReviewKind != ReviewKind || state.ReviewRequested)
        {
            return ([], state);
        }

        var deltas = new List<FactDelta> { new(KeyOf(e, petition), Counter.ReviewRequested, 1) };
        if (state.ResolvedIn is { } resolvedIn)
        {
            deltas.Add(new FactDelta(resolvedIn, Counter.Resolved, -1));
            AddIf(deltas, state.ResolvedFirstTime, resolvedIn, Counter.FirstTimeResolved, -1);
        }

        return (deltas, state with { ReviewRequested = true, ResolvedIn = null, ResolvedFirstTime = false });
    }

    /// <summary>The event names the channel by its C# name (<c>Visit</c>); the facts keep the API's spelling (<c>visit</c>).</summary>
    public static string ChannelOf(PetitionRegistered e) => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Channel);

    private static FactKey KeyOf(CaseEvent e, PetitionFacts petition) =>
        new(FactDays.Of(e.OccurredAt), e.RegionPath, e.LeadUnitId ?? Guid.Empty, petition.Channel, petition.Category);

    private static void AddIf(List<FactDelta> deltas, bool condition, FactKey key, Counter counter, int change)
    {
        if (condition)
        {
            deltas.Add(new FactDelta(key, counter, change));
        }
    }
}
