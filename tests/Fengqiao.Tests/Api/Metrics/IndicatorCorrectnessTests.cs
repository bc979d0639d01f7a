using System.Globalization;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>
/// Issue 18 item 7: a generated dataset of petitions and cases driven through the real endpoints, then every indicator computed
/// again here straight from the events the outbox holds — without the metrics module's code — and compared with the API's.
/// </summary>
public sealed class IndicatorCorrectnessTests : MetricsTestBase
{
    private const int Petitions = 14;

    [Test]
    public async Task EveryIndicator_EqualsItsRecomputationFromTheEvents_ForAGeneratedDataset()
    {
        await GeneratedDatasetAsync(new Random(20261207));

        using var leader = await Api.ClientForAsync("district.leader");
        var table = await (await leader.GetAsync($"/api/v1/metrics/indicators?{Period}")).ShouldBeOkAsync<JsonObject>();
        var served = Figures(table["total"]!);
        var me = await (await leader.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();
        var district = me["jurisdiction"]!["path"]!.GetValue<string>();
        var recomputed = Recompute(Events(), district, Today.AddDays(-1), Today.AddDays(1));

        Assert.That(served.Keys, Is.EquivalentTo(recomputed.Keys), "every indicator is recomputed");
        Assert.That(served, Is.EquivalentTo(recomputed));
        Assert.That(int.Parse(served["registered"], CultureInfo.InvariantCulture), Is.EqualTo(Petitions), "the dataset is counted, not an empty one");
    }

    /// <summary>
    /// Each petition of a village of 府山街道 registered and accepted, then left at a step the generator draws: awaiting assignment,
    /// assigned or forwarded, replied, rated (any rating) and closed, closed unrated, or taken to review after its reply; some
    /// cases get a supervision order.
    /// </summary>
    private async Task GeneratedDatasetAsync(Random random)
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        using var town = await Api.ClientForAsync("town.handler");
        string[] ratings = ["satisfied", "basically_satisfied", "dissatisfied"];
        for (var index = 0; index < Petitions; index++)
        {
            var (caseId, _) = await OpenCaseAsync(request: $"第{index + 1}号生成信访事项：{Data.Request()}");
            var step = random.Next(6);
            if (step == 0)
            {
                continue;
            }

            var forwarded = step == 1 && random.Next(2) == 0;
            await AssignAsync(caseId, TownGovernment, forwarded ? "forward" : "assign");
            if (random.Next(3) == 0)
            {
                await (await ChangeAsync(officer, caseId, "supervision-orders",
                    new { unitId = await UnitAsync(TownGovernment), text = "请按期办理并报告进展。", dueOn = Today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }))
                    .ShouldBeOkAsync<JsonObject>();
            }

            if (step == 1)
            {
                continue;
            }

            await ReplyAsync(town, caseId);
            if (step == 5)
            {
                await (await ChangeAsync(officer, caseId, "review-request", new { reason = "信访人对答复不满意，申请复查。" })).ShouldBeOkAsync<JsonObject>();
                continue;
            }

            if (step == 3)
            {
                await (await ChangeAsync(officer, caseId, "rating", new { rating = ratings[random.Next(ratings.Length)], calledBy = "回访员" })).ShouldBeOkAsync<JsonObject>();
            }

            if (step >= 3)
            {
                await TickChecklistAsync(town, caseId);
                await (await ChangeAsync(town, caseId, "closure", new { })).ShouldBeOkAsync<JsonObject>();
            }
        }

        await DeliverAllEventsAsync();
    }

    private sealed record StoredEvent(string Type, JsonObject Payload);

    private List<StoredEvent> Events()
    {
        using var db = TestDatabase.Open(Api);
        var rows = TestDatabase.Strings(db, "SELECT type || char(9) || payload FROM outbox_messages ORDER BY occurred_at, stored_at, id");
        return rows.Select(r => r.Split('\t', 2)).Select(p => new StoredEvent(p[0], JsonNode.Parse(p[1])!.AsObject())).ToList();
    }

    /// <summary>Every indicator of the region's subtree for the period, by DOMAIN §9's definitions, as "numerator/denominator" or "count".</summary>
    private static Dictionary<string, string> Recompute(List<StoredEvent> events, string regionPath, DateOnly from, DateOnly to)
    {
        static DateOnly LocalDay(JsonNode? instant) => DateOnly.FromDateTime(DateTimeOffset.Parse(instant!.GetValue<string>(), CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8)).DateTime);
        static DateOnly Day(JsonNode? day) => DateOnly.Parse(day!.GetValue<string>(), CultureInfo.InvariantCulture);
        static string S(JsonObject e, string name) => e[name]?.GetValue<string>() ?? string.Empty;
        static bool B(JsonObject e, string name) => e[name]?.GetValue<bool>() ?? false;
        bool Here(JsonObject e, string pathField = "regionPath") => S(e, pathField).StartsWith(regionPath, StringComparison.Ordinal);
        bool In(DateOnly day) => day >= from && day <= to;
        List<JsonObject> Of(string type, Func<JsonObject, bool> where) => events.Where(e => e.Type == type).Select(e => e.Payload).Where(where).ToList();
        bool Handling(JsonObject e) => S(e, "kind") == "handling";

        var registered = Of("Intake.PetitionRegistered", e => Here(e) && In(LocalDay(e["receivedAt"])));
        bool Flagged(JsonObject e, string flag) => e["flags"]!.AsArray().Any(f => f!.GetValue<string>() == flag);
        var accepted = Of("Intake.PetitionAccepted", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var firstTime = events.Where(e => e.Type == "Intake.PetitionAccepted").Select(e => e.Payload)
            .GroupBy(e => S(e, "petitionId")).ToDictionary(g => g.Key, g => B(g.Last(), "isFirstTime"));
        var replied = Of("Dispatch.CaseReplied", e => Handling(e) && Here(e) && In(LocalDay(e["occurredAt"])));
        var rated = Of("Dispatch.CaseRated", e => Handling(e) && Here(e) && In(LocalDay(e["occurredAt"])));
        var reviewed = Of("Dispatch.CaseReviewRequested", e => Handling(e) && S(e, "reviewKind") == "review").Select(e => S(e, "caseId")).ToHashSet();
        var closed = Of("Dispatch.CaseClosed", e => Handling(e) && Here(e) && In(LocalDay(e["occurredAt"])));
        var resolved = closed.Where(e => !reviewed.Contains(S(e, "caseId"))).ToList();
        bool First(JsonObject e) => firstTime.GetValueOrDefault(S(e, "petitionId"));
        var repliedAt = events.Where(e => e.Type == "Dispatch.CaseReplied").Select(e => e.Payload).Where(Handling)
            .GroupBy(e => S(e, "caseId")).ToDictionary(g => g.Key, g => g.Min(e => LocalDay(e["occurredAt"])));
        var backlog = Of("Dispatch.CaseOverdue", e => Handling(e) && S(e, "step") == "reply" && Here(e) && LocalDay(e["occurredAt"]) <= to)
            .Select(e => S(e, "caseId")).Distinct().Count(id => !repliedAt.TryGetValue(id, out var day) || day > to);
        var assignments = Of("Dispatch.CaseAssigned", e => Handling(e) && !B(e, "isReassignment") && Here(e) && In(LocalDay(e["occurredAt"])));
        var orders = Of("Dispatch.SupervisionOrderIssued", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var suggestions = Of("Suggestions.SuggestionSubmitted", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var answered = Of("Suggestions.SuggestionAnswered", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var batches = Of("Receptions.ReceptionBatchRecorded", e => S(e, "kind") != "department_duty" && Here(e) && In(Day(e["day"])));
        var corrections = Of("Receptions.ReceptionBatchCorrected", e => S(e, "kind") != "department_duty" && Here(e) && In(Day(e["day"])));
        var county = batches.Where(e => S(e, "kind") == "leader_visit" && S(e, "level") == "district").ToList();
        var disputes = Of("Mediation.DisputeOpened", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var disputesAccepted = Of("Mediation.DisputeAccepted", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var sessions = Of("Mediation.MediationSessionHeld", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var agreements = Of("Mediation.MediationAgreementReached", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var failures = Of("Mediation.MediationFailed", e => Here(e) && In(LocalDay(e["occurredAt"])));
        var rulings = Of("Mediation.JudicialConfirmationDecided", e => Here(e) && In(Day(e["decidedOn"])));
        var latestVisits = events.Where(e => e.Type == "Mediation.AgreementPerformanceRecorded").Select(e => e.Payload)
            .GroupBy(e => S(e, "disputeId")).Select(g => g.Last()).Where(e => Here(e) && In(Day(e["visitedOn"]))).ToList();

        int Rated(string rating) => rated.Count(e => S(e, "rating") == rating);
        var ratedAll = Rated("satisfied") + Rated("basically_satisfied") + Rated("dissatisfied");
        var adopted = answered.Count(e => S(e, "outcome") is "adopted" or "partly_adopted");
        var agreed = agreements.Count;
        return new Dictionary<string, string>
        {
            ["registered"] = $"{registered.Count}",
            ["repeat_rate"] = $"{registered.Count(e => Flagged(e, "repeat"))}/{registered.Count}",
            ["skip_level_rate"] = $"{registered.Count(e => Flagged(e, "skip_level"))}/{registered.Count}",
            ["on_time_acceptance_rate"] = $"{accepted.Count(e => LocalDay(e["occurredAt"]).DayNumber - LocalDay(e["receivedAt"]).DayNumber <= 15)}/{accepted.Count}",
            ["on_time_conclusion_rate"] = $"{replied.Count(e => B(e, "onTime"))}/{replied.Count}",
            ["satisfaction_rate"] = $"{Rated("satisfied") + Rated("basically_satisfied")}/{ratedAll}",
            ["participation_rate"] = $"{ratedAll}/{replied.Count}",
            ["resolution_rate"] = $"{resolved.Count}/{closed.Count}",
            ["first_time_resolution_rate"] = $"{resolved.Count(First)}/{closed.Count(First)}",
            ["backlog"] = $"{backlog}",
            ["cases_forwarded"] = $"{assignments.Count(e => S(e, "mode") == "forward")}",
            ["cases_assigned"] = $"{assignments.Count(e => S(e, "mode") == "assign")}",
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
            ["mediation_agreements"] = $"{agreed}",
            ["mediation_success_rate"] = $"{agreed}/{agreed + failures.Count}",
            ["judicial_confirmation_rate"] = $"{rulings.Count(e => S(e, "ruling") == "confirmed")}/{rulings.Count}",
            ["agreements_performed"] = $"{latestVisits.Count(e => S(e, "performance") == "performed")}",
            ["agreement_performance_rate"] = $"{latestVisits.Count(e => S(e, "performance") == "performed")}/{latestVisits.Count}",
        };
    }
}
