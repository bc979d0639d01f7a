using System.Globalization;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>An integration event as the outbox stored it: its type name and its JSON payload.</summary>
internal sealed record StoredEvent(string Type, JsonObject Payload);

/// <summary>
/// DOMAIN §9's indicators computed straight from the integration events, written apart from the metrics module (no code of it is
/// called), so that a test can hold every figure the API serves against it.
/// </summary>
internal static class IndicatorRecomputation
{
    /// <summary>The channels as the API spells them, by the name the registration event carries.</summary>
    private static readonly Dictionary<string, string> ApiChannels = new(StringComparer.Ordinal)
    {
        ["Letter"] = "letter", ["Phone"] = "phone", ["Visit"] = "visit", ["Online"] = "online", ["Hotline12345"] = "hotline12345",
        ["BusinessHotline"] = "business_hotline", ["Grassroots"] = "grassroots", ["LeaderReception"] = "leader_reception",
        ["DoorToDoorVisit"] = "door_to_door_visit", ["SocialGroup"] = "social_group", ["Referral"] = "referral", ["ThirdParty"] = "third_party",
    };

    /// <summary>Every event the host stored, in the order they happened.</summary>
    public static List<StoredEvent> Events(ApiFactory api)
    {
        using var db = TestDatabase.Open(api);
        var rows = TestDatabase.Strings(db, "SELECT type || char(9) || payload FROM outbox_messages ORDER BY occurred_at, stored_at, id");
        return rows.Select(r => r.Split('\t', 2)).Select(p => new StoredEvent(p[0], JsonNode.Parse(p[1])!.AsObject())).ToList();
    }

    /// <summary>The API's name of the channel of each petition registered, by petition id.</summary>
    public static Dictionary<string, string> ChannelOfPetitions(List<StoredEvent> events) =>
        events.Where(e => e.Type == "Intake.PetitionRegistered")
            .ToDictionary(e => S(e.Payload, "petitionId"), e => ApiChannels[S(e.Payload, "channel")]);

    /// <summary>The category each petition was accepted under, or registered under when it was never accepted, by petition id.</summary>
    public static Dictionary<string, string> CategoryOfPetitions(List<StoredEvent> events)
    {
        var categories = events.Where(e => e.Type == "Intake.PetitionRegistered").ToDictionary(e => S(e.Payload, "petitionId"), e => S(e.Payload, "category"));
        foreach (var accepted in events.Where(e => e.Type == "Intake.PetitionAccepted"))
        {
            categories[S(accepted.Payload, "petitionId")] = S(accepted.Payload, "category");
        }

        return categories;
    }

    /// <summary>
    /// The responsible unit an event names, by its type: the unit a petition's acceptance suggests, a case's lead unit, the unit a
    /// supervision order went to, a reception's unit; null for those without one (registrations, suggestions, mediation).
    /// </summary>
    public static string? UnitOf(string type, JsonObject e)
    {
        var field = type switch
        {
            "Intake.PetitionAccepted" => "suggestedLeadUnitId",
            "Dispatch.SupervisionOrderIssued" or "Receptions.ReceptionBatchRecorded" or "Receptions.ReceptionBatchCorrected" => "unitId",
            _ when type.StartsWith("Dispatch.", StringComparison.Ordinal) => "leadUnitId",
            _ => null,
        };
        return field is null ? null : e[field]?.GetValue<string>();
    }

    /// <summary>
    /// Every indicator of the region's subtree (<paramref name="regionPath"/> a materialised path) from <paramref name="from"/> to
    /// <paramref name="to"/> (Shaoxing days, both included), as "numerator/denominator" for rates or "count". With
    /// <paramref name="ofPetition"/> only the events of the petitions it admits count (a row by channel or category), and the other
    /// programmes' events (suggestions, receptions, mediation) none. With <paramref name="ofUnit"/> only the events whose
    /// <see cref="UnitOf"/> it admits (null for none) count (a row by unit, or the figures of one unit).
    /// </summary>
    public static Dictionary<string, string> Recompute(
        List<StoredEvent> events, string regionPath, DateOnly from, DateOnly to, Func<string, bool>? ofPetition = null, Func<string?, bool>? ofUnit = null)
    {
        bool Here(JsonObject e) => S(e, "regionPath").StartsWith(regionPath, StringComparison.Ordinal);
        bool In(DateOnly day) => day >= from && day <= to;
        bool Admitted(JsonObject e) => ofPetition is null || ofPetition(S(e, "petitionId"));
        bool OfUnit(StoredEvent e) => ofUnit is null || ofUnit(UnitOf(e.Type, e.Payload));
        List<JsonObject> All(string type) => events.Where(e => e.Type == type && OfUnit(e)).Select(e => e.Payload).Where(Admitted).ToList();
        List<JsonObject> Of(string type, Func<JsonObject, bool> where) => All(type).Where(where).ToList();
        List<JsonObject> Programme(string type, Func<JsonObject, bool> where) =>
            ofPetition is null ? events.Where(e => e.Type == type && OfUnit(e)).Select(e => e.Payload).Where(where).ToList() : [];
        static bool Handling(JsonObject e) => S(e, "kind") == "handling";

        // Petitions: counted by the day of receipt with the flags registration gave them; accepted on the day decided.
        var registered = Of("Intake.PetitionRegistered", e => Here(e) && In(LocalDay(e["receivedAt"])));
        static bool Flagged(JsonObject e, string flag) => e["flags"]!.AsArray().Any(f => f!.GetValue<string>() == flag);
        var accepted = Of("Intake.PetitionAccepted", e => Here(e) && In(LocalDay(e["occurredAt"])));
        // Whether a petition is a first one does not depend on the unit its acceptance suggested.
        var firstTime = events.Where(e => e.Type == "Intake.PetitionAccepted").Select(e => e.Payload).GroupBy(e => S(e, "petitionId")).ToDictionary(g => g.Key, g => B(g.Last(), "isFirstTime"));
        bool First(JsonObject e) => firstTime.GetValueOrDefault(S(e, "petitionId"));

        // Handling cases only: a review (复查) or re-review (复核) case is the same matter again.
        var replied = Of("Dispatch.CaseReplied", e => Handling(e) && Here(e) && In(LocalDay(e["occurredAt"])));
        var rated = Of("Dispatch.CaseRated", e => Handling(e) && Here(e) && In(LocalDay(e["occurredAt"])));
        var closed = Of("Dispatch.CaseClosed", e => Handling(e) && Here(e) && In(LocalDay(e["occurredAt"])));
        // Resolved: closed with no review requested (the dispatch module refuses a request after its window), whatever the rating.
        var reviewed = Of("Dispatch.CaseReviewRequested", e => Handling(e) && S(e, "reviewKind") == "review").Select(e => S(e, "caseId")).ToHashSet();
        var resolved = closed.Where(e => !reviewed.Contains(S(e, "caseId"))).ToList();

        // Backlog 积案: handling cases whose reply deadline passed by the period's last day and that were not replied by then; a
        // case counts under the unit it fell overdue under, whichever unit replied.
        var firstReply = events.Where(e => e.Type == "Dispatch.CaseReplied").Select(e => e.Payload).Where(Handling)
            .GroupBy(e => S(e, "caseId")).ToDictionary(g => g.Key, g => g.Min(e => LocalDay(e["occurredAt"])));
        var backlog = Of("Dispatch.CaseOverdue", e => Handling(e) && S(e, "step") == "reply" && Here(e) && LocalDay(e["occurredAt"]) <= to)
            .Select(e => S(e, "caseId")).Distinct().Count(id => !firstReply.TryGetValue(id, out var day) || day > to);

        // Art 41's counts: a case's first forward or assignment (a reassignment after a return is the same matter), and orders issued.
        var routed = Of("Dispatch.CaseAssigned", e => Handling(e) && !B(e, "isReassignment") && Here(e) && In(LocalDay(e["occurredAt"])));
        var orders = Of("Dispatch.SupervisionOrderIssued", e => Here(e) && In(LocalDay(e["occurredAt"])));

        var suggestions = Programme("Suggestions.SuggestionSubmitted", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var answered = Programme("Suggestions.SuggestionAnswered", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var batches = Programme("Receptions.ReceptionBatchRecorded", e => S(e, "kind") != "department_duty" && Here(e) && In(Day(e["day"])));
        var corrections = Programme("Receptions.ReceptionBatchCorrected", e => S(e, "kind") != "department_duty" && Here(e) && In(Day(e["day"])));
        var county = batches.Where(e => S(e, "kind") == "leader_visit" && S(e, "level") == "district").ToList();
        var disputes = Programme("Mediation.DisputeOpened", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var disputesAccepted = Programme("Mediation.DisputeAccepted", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var sessions = Programme("Mediation.MediationSessionHeld", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var agreements = Programme("Mediation.MediationAgreementReached", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var failures = Programme("Mediation.MediationFailed", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var rulings = Programme("Mediation.JudicialConfirmationDecided", e => Here(e) && In(Day(e["decidedOn"])));
        var latestVisits = Programme("Mediation.AgreementPerformanceRecorded", _ => true)
            .GroupBy(e => S(e, "disputeId")).Select(g => g.OrderBy(e => Day(e["visitedOn"])).ThenBy(e => Instant(e["occurredAt"])).Last()).Where(e => Here(e) && In(Day(e["visitedOn"]))).ToList();

        int Rated(string rating) => rated.Count(e => S(e, "rating") == rating);
        var ratedAll = Rated("satisfied") + Rated("basically_satisfied") + Rated("dissatisfied");
        var adopted = answered.Count(e => S(e, "outcome") is "adopted" or "partly_adopted");
        var performed = latestVisits.Count(e => S(e, "performance") == "performed");
        return new Dictionary<string, string>
        {
            ["registered"] = $"{registered.Count}",
            // A registration stored before the event carried its persons counts one, the least a petition has.
            ["registered_persons"] = $"{registered.Sum(e => e["persons"]?.GetValue<int>() ?? 1)}",
            ["repeat_rate"] = $"{registered.Count(e => Flagged(e, "repeat"))}/{registered.Count}",
            ["skip_level_rate"] = $"{registered.Count(e => Flagged(e, "skip_level"))}/{registered.Count}",
            ["on_time_acceptance_rate"] = $"{accepted.Count(e => LocalDay(e["occurredAt"]).DayNumber - LocalDay(e["receivedAt"]).DayNumber <= 15)}/{accepted.Count}",
            ["on_time_conclusion_rate"] = $"{replied.Count(e => B(e, "onTime"))}/{replied.Count}",
            ["satisfaction_rate"] = $"{Rated("satisfied") + Rated("basically_satisfied")}/{ratedAll}",
            ["participation_rate"] = $"{ratedAll}/{replied.Count}",
            ["resolution_rate"] = $"{resolved.Count}/{closed.Count}",
            ["first_time_resolution_rate"] = $"{resolved.Count(First)}/{closed.Count(First)}",
            ["backlog"] = $"{backlog}",
            ["cases_forwarded"] = $"{routed.Count(e => S(e, "mode") == "forward")}",
            ["cases_assigned"] = $"{routed.Count(e => S(e, "mode") == "assign")}",
            ["supervision_orders"] = $"{orders.Count}",
            ["suggestions_received"] = $"{suggestions.Count}",
            ["suggestion_adoption_rate"] = $"{adopted}/{answered.Count}",
            ["leader_reception_batches"] = $"{batches.Count}",
            ["leader_reception_persons"] = $"{batches.Sum(e => e["persons"]!.GetValue<int>()) + corrections.Sum(e => e["persons"]!.GetValue<int>() - e["personsBefore"]!.GetValue<int>())}",
            ["must_visit_batches"] = $"{batches.Count(e => B(e, "isMustVisit"))}",
            ["must_visit_share"] = $"{county.Count(e => B(e, "isMustVisit"))}/{county.Count}",
            ["disputes_opened"] = $"{disputes.Count}",
            ["disputes_accepted"] = $"{disputesAccepted.Count}",
            ["mediation_sessions"] = $"{sessions.Count}",
            ["mediation_agreements"] = $"{agreements.Count}",
            ["mediation_success_rate"] = $"{agreements.Count}/{agreements.Count + failures.Count}",
            ["judicial_confirmation_rate"] = $"{rulings.Count(e => S(e, "ruling") == "confirmed")}/{rulings.Count}",
            ["agreements_performed"] = $"{performed}",
            ["agreement_performance_rate"] = $"{performed}/{latestVisits.Count}",
        };
    }

    /// <summary>The day in Shaoxing (UTC+8, no daylight saving) of an instant.</summary>
    public static DateOnly LocalDay(JsonNode? instant) =>
        DateOnly.FromDateTime(Instant(instant).ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static DateTimeOffset Instant(JsonNode? instant) => DateTimeOffset.Parse(instant!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static DateOnly Day(JsonNode? day) => DateOnly.Parse(day!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static string S(JsonObject e, string name) => e[name]?.GetValue<string>() ?? string.Empty;

    private static bool B(JsonObject e, string name) => e[name]?.GetValue<bool>() ?? false;
}
