using Fengqiao.Contracts.Dispatch;
using Fengqiao.Metrics.Facts;
using Fengqiao.Metrics.Indicators;

namespace Fengqiao.Tests.Unit;

/// <summary>Each indicator's definition on hand-made facts: which counters make its numerator and its denominator.</summary>
public sealed class IndicatorDefinitionTests
{
    private const string Town = "/330600/330602/330602001/";
    private static readonly Guid LeadUnit = Guid.Parse("0190f000-0000-7000-8000-000000000011");
    private static readonly Guid OtherUnit = Guid.Parse("0190f000-0000-7000-8000-000000000012");
    private static readonly Guid PetitionId = Guid.Parse("0190f000-0000-7000-8000-000000000013");
    private static readonly Guid CaseId = Guid.Parse("0190f000-0000-7000-8000-000000000014");

    // 23:30 UTC on 31 March is 07:30 on 1 April in Shaoxing.
    private static readonly DateTimeOffset LastNightUtc = new(2026, 3, 31, 23, 30, 0, TimeSpan.Zero);
    private static readonly PetitionFacts Petition = new(PetitionId, "letter", "health", true);
    private static readonly FactKey April1 = new(new DateOnly(2026, 4, 1), Town, LeadUnit, "letter", "health");

    [Test]
    public void Figures_TakeEachIndicatorFromItsOwnCounters()
    {
        // Every counter a different number, so a figure reading the wrong counter shows.
        var sums = new FactSums
        {
            Registered = 1000, RegisteredPersons = 1001, RepeatRegistered = 101, SkipLevelRegistered = 102, Accepted = 900, AcceptedOnTime = 801, Concluded = 700, ConcludedOnTime = 601,
            RatedSatisfied = 31, RatedBasicallySatisfied = 32, RatedDissatisfied = 33, Closed = 500, Resolved = 401, FirstTimeClosed = 300, FirstTimeResolved = 201,
            Backlog = 7, CasesForwarded = 41, CasesAssigned = 42, SupervisionOrders = 43, SuggestionsReceived = 51, SuggestionsAnswered = 52, SuggestionsAdopted = 53,
            ReceptionBatches = 61, ReceptionPersons = 62, MustVisitBatches = 63, CountyVisitBatches = 64, CountyMustVisitBatches = 65, DisputesOpened = 71,
            DisputesAccepted = 72, MediationSessions = 73, MediationAgreements = 74, MediationFailures = 75, JudicialDecided = 76, JudicialConfirmed = 77,
            AgreementsFollowedUp = 78, AgreementsPerformed = 79,
        };

        var figures = IndicatorDefinitions.Figures(sums).ToDictionary(f => f.Key, f => f.Denominator is { } d ? $"{f.Numerator}/{d}" : $"{f.Numerator}");

        Assert.That(figures, Is.EqualTo(new Dictionary<string, string>
        {
            ["registered"] = "1000",
            ["registered_persons"] = "1001",
            ["repeat_rate"] = "101/1000",
            ["skip_level_rate"] = "102/1000",
            ["on_time_acceptance_rate"] = "801/900",
            ["on_time_conclusion_rate"] = "601/700",
            ["satisfaction_rate"] = "63/96",
            ["participation_rate"] = "96/700",
            ["resolution_rate"] = "401/500",
            ["first_time_resolution_rate"] = "201/300",
            ["backlog"] = "7",
            ["cases_forwarded"] = "41",
            ["cases_assigned"] = "42",
            ["supervision_orders"] = "43",
            ["suggestions_received"] = "51",
            ["suggestion_adoption_rate"] = "53/52",
            ["leader_reception_batches"] = "61",
            ["leader_reception_persons"] = "62",
            ["must_visit_batches"] = "63",
            ["must_visit_share"] = "65/64",
            ["disputes_opened"] = "71",
            ["disputes_accepted"] = "72",
            ["mediation_sessions"] = "73",
            ["mediation_agreements"] = "74",
            ["mediation_success_rate"] = "74/149",
            ["judicial_confirmation_rate"] = "77/76",
            ["agreements_performed"] = "79",
            ["agreement_performance_rate"] = "79/78",
        }));
        Assert.That(IndicatorDefinitions.All.Select(d => d.Key), Is.EqualTo(figures.Keys), "every figure is defined, in the same order");
        Assert.That(IndicatorDefinitions.All.Where(d => d.Kind == IndicatorKind.Count).Select(d => d.Key),
            Is.EquivalentTo(IndicatorDefinitions.Figures(sums).Where(f => f.Denominator is null).Select(f => f.Key)), "counts have no denominator");
        Assert.That(IndicatorDefinitions.All.Select(d => IndicatorDefinitions.Figure(d.Key, sums)), Is.EqualTo(IndicatorDefinitions.Figures(sums)), "a figure computed alone");
        Assert.That(IndicatorDefinitions.Selection(["resolution_rate", "registered", "backlog"])(sums).Select(f => f.Key),
            Is.EqualTo(new[] { "registered", "resolution_rate", "backlog" }), "a selection keeps the definitions' order");
    }

    [TestCase("assign", nameof(Counter.CasesAssigned))]
    [TestCase("forward", nameof(Counter.CasesForwarded))]
    public void Assigned_ForTheFirstTime_CountsAsAssignedOrForwarded_UnderTheLeadUnit_OnTheShaoxingDay(string mode, string counterName)
    {
        var deltas = FactAccumulator.Assigned(Assignment("handling", mode, isReassignment: false), Petition);

        Assert.That(deltas, Is.EqualTo(new[] { new FactDelta(April1, Enum.Parse<Counter>(counterName), 1) }));
    }

    [Test]
    public void Assigned_AgainAfterAReturn_OrAReviewCase_CountsNothing()
    {
        Assert.That(FactAccumulator.Assigned(Assignment("handling", "assign", isReassignment: true), Petition), Is.Empty);
        Assert.That(FactAccumulator.Assigned(Assignment("review", "assign", isReassignment: false), Petition), Is.Empty);
    }

    [Test]
    public void SupervisionOrder_CountsUnderTheUnitItWasIssuedTo_NotTheLeadUnit()
    {
        var order = new SupervisionOrderIssued(Guid.NewGuid(), LastNightUtc, CaseId, PetitionId, "handling", Town, LeadUnit, Guid.NewGuid(), OtherUnit, new DateOnly(2026, 4, 8));

        var deltas = FactAccumulator.SupervisionOrderIssued(order, Petition);

        Assert.That(deltas, Is.EqualTo(new[] { new FactDelta(April1 with { UnitId = OtherUnit }, Counter.SupervisionOrders, 1) }));
    }

    [Test]
    public void Closed_Dissatisfied_WithoutReview_IsResolved_ButNotAFirstTimeResolutionOfARepeatPetition()
    {
        var repeat = Petition with { IsFirstTime = false };
        var closed = new CaseClosed(Guid.NewGuid(), LastNightUtc, CaseId, PetitionId, "handling", Town, LeadUnit, "dissatisfied");

        var (deltas, state) = FactAccumulator.Closed(closed, repeat, CaseFacts.New(CaseId));

        Assert.That(deltas, Is.EquivalentTo(new[] { new FactDelta(April1, Counter.Closed, 1), new FactDelta(April1, Counter.Resolved, 1) }));
        Assert.That(state.ResolvedIn, Is.EqualTo(April1));
    }

    private static CaseAssigned Assignment(string kind, string mode, bool isReassignment) =>
        new(Guid.NewGuid(), LastNightUtc, CaseId, PetitionId, kind, Town, LeadUnit, mode, [], new DateOnly(2026, 5, 31), isReassignment);
}
