using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Receptions;
using Fengqiao.Contracts.Suggestions;

namespace Fengqiao.Metrics.Facts;

/// <summary>
/// How the suggestion and reception events change the fact counters: pure, so the definitions are tested on hand-made events.
/// Neither has a petition's channel or category, so each counts under a channel and category of its own.
/// </summary>
internal static class ProgrammeFactAccumulator
{
    public const string SuggestionChannel = "suggestion";
    public const string ReceptionChannel = "reception";

    /// <summary>A department's duty reception has no receiving leader: the leader reception indicators leave it out.</summary>
    private const string DepartmentDutyKind = "department_duty";

    /// <summary>A county-level visit 下访 is a leader's visit by a leader of a district or county (the level the must-visits are planned at).</summary>
    private const string LeaderVisitKind = "leader_visit";

    private const string CountyLevel = "district";

    public static IReadOnlyList<FactDelta> SuggestionSubmitted(SuggestionSubmitted e) =>
        [new FactDelta(SuggestionKey(e.OccurredAt, e.RegionPath), Counter.SuggestionsReceived, 1)];

    /// <summary>Adopted and partly adopted answers both count as adopted (建议转化); kept for reference does not.</summary>
    public static IReadOnlyList<FactDelta> SuggestionAnswered(SuggestionAnswered e)
    {
        var key = SuggestionKey(e.OccurredAt, e.RegionPath);
        return e.Outcome is "adopted" or "partly_adopted"
            ? [new FactDelta(key, Counter.SuggestionsAnswered, 1), new FactDelta(key, Counter.SuggestionsAdopted, 1)]
            : [new FactDelta(key, Counter.SuggestionsAnswered, 1)];
    }

    /// <summary>
    /// A batch counts on the reception's day, under the receiving unit (none for a leader without one); a county leader's visit
    /// also counts among the county-level visits, of which the must-visits' share is taken (Xinchang: 63%).
    /// </summary>
    public static IReadOnlyList<FactDelta> ReceptionBatchRecorded(ReceptionBatchRecorded e)
    {
        if (e.Kind == DepartmentDutyKind)
        {
            return [];
        }

        var key = ReceptionKey(e);
        var deltas = new List<FactDelta> { new(key, Counter.ReceptionBatches, 1), new(key, Counter.ReceptionPersons, e.Persons) };
        if (e.IsMustVisit)
        {
            deltas.Add(new FactDelta(key, Counter.MustVisitBatches, 1));
        }

        if (e is { Kind: LeaderVisitKind, Level: CountyLevel })
        {
            deltas.Add(new FactDelta(key, Counter.CountyVisitBatches, 1));
            if (e.IsMustVisit)
            {
                deltas.Add(new FactDelta(key, Counter.CountyMustVisitBatches, 1));
            }
        }

        return deltas;
    }

    /// <summary>A correction replaces the batch's person count where it was counted: the reception's day and unit do not change.</summary>
    public static IReadOnlyList<FactDelta> ReceptionBatchCorrected(ReceptionBatchCorrected e) =>
        e.Kind == DepartmentDutyKind || e.Persons == e.PersonsBefore
            ? []
            : [new FactDelta(ReceptionKey(e), Counter.ReceptionPersons, e.Persons - e.PersonsBefore)];

    private static FactKey SuggestionKey(DateTimeOffset occurredAt, string regionPath) =>
        new(FactDays.Of(occurredAt), regionPath, Guid.Empty, SuggestionChannel, SuggestionChannel);

    private static FactKey ReceptionKey(ReceptionEvent e) => new(e.Day, e.RegionPath, e.UnitId ?? Guid.Empty, ReceptionChannel, ReceptionChannel);
}

/// <summary>Feeds the suggestion counters; the inbox runs it once per event in the same transaction as its writes.</summary>
internal sealed class SuggestionFactConsumer(IFactLedger store) :
    IIntegrationEventConsumer<SuggestionSubmitted>,
    IIntegrationEventConsumer<SuggestionAnswered>
{
    public Task HandleAsync(SuggestionSubmitted integrationEvent, CancellationToken cancellationToken) =>
        store.ApplyAsync(ProgrammeFactAccumulator.SuggestionSubmitted(integrationEvent), cancellationToken);

    public Task HandleAsync(SuggestionAnswered integrationEvent, CancellationToken cancellationToken) =>
        store.ApplyAsync(ProgrammeFactAccumulator.SuggestionAnswered(integrationEvent), cancellationToken);
}

/// <summary>Feeds the leader reception counters; the inbox runs it once per event in the same transaction as its writes.</summary>
internal sealed class ReceptionFactConsumer(IFactLedger store) :
    IIntegrationEventConsumer<ReceptionBatchRecorded>,
    IIntegrationEventConsumer<ReceptionBatchCorrected>
{
    public Task HandleAsync(ReceptionBatchRecorded integrationEvent, CancellationToken cancellationToken) =>
        store.ApplyAsync(ProgrammeFactAccumulator.ReceptionBatchRecorded(integrationEvent), cancellationToken);

    public Task HandleAsync(ReceptionBatchCorrected integrationEvent, CancellationToken cancellationToken) =>
        store.ApplyAsync(ProgrammeFactAccumulator.ReceptionBatchCorrected(integrationEvent), cancellationToken);
}
