using Fengqiao.Contracts.Mediation;
using Fengqiao.Metrics.Facts;

namespace Fengqiao.Tests.Unit;

public sealed class MetricsMediationFactTests
{
    private const string Town = "/330600/330602/330602001/";
    private static readonly Guid DisputeId = Guid.Parse("0190f000-0000-7000-8000-000000000021");
    private static readonly Guid RoomId = Guid.Parse("0190f000-0000-7000-8000-000000000022");

    /// <summary>15:30 UTC on 9 March is 23:30 in Shaoxing; 16:30 UTC is already 10 March there.</summary>
    private static readonly DateTimeOffset LateOnMarch9 = new(2026, 3, 9, 15, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EarlyOnMarch10 = new(2026, 3, 9, 16, 30, 0, TimeSpan.Zero);

    private static FactKey Key(DateOnly day) => new(day, Town, Guid.Empty, "mediation", "medical");

    [Test]
    public void DisputeOpened_CountsOnTheLocalDay_UnderMediationAndItsDisputeType()
    {
        var opened = new DisputeOpened(Guid.NewGuid(), EarlyOnMarch10, DisputeId, "N-1", "medical", "walk_in", Guid.NewGuid(), Town, RoomId, null, null);

        Assert.That(MediationFactAccumulator.DisputeOpened(opened), Is.EqualTo(new[] { new FactDelta(Key(new DateOnly(2026, 3, 10)), Counter.DisputesOpened, 1) }));
    }

    [Test]
    public void AgreementAndFailure_EachCountOnce_OnTheDayTheyEnded()
    {
        var agreed = new MediationAgreementReached(Guid.NewGuid(), LateOnMarch9, DisputeId, "N-1", "medical", "walk_in", Town, RoomId, "室", null, 100m, 80m,
            "written", new DateOnly(2026, 3, 9), new DateOnly(2026, 4, 8), new DateOnly(2026, 4, 8));
        var failed = new MediationFailed(Guid.NewGuid(), EarlyOnMarch10, DisputeId, "N-2", "medical", "walk_in", Town, RoomId, "室", null, "分歧", "起诉");

        Assert.That(MediationFactAccumulator.AgreementReached(agreed), Is.EqualTo(new[] { new FactDelta(Key(new DateOnly(2026, 3, 9)), Counter.MediationAgreements, 1) }));
        Assert.That(MediationFactAccumulator.Failed(failed), Is.EqualTo(new[] { new FactDelta(Key(new DateOnly(2026, 3, 10)), Counter.MediationFailures, 1) }));
    }

    [TestCase("confirmed", 1)]
    [TestCase("refused", 0)]
    public void JudicialRuling_CountsAsDecided_AndAsConfirmedOnlyWhenConfirmed_OnTheDayTheCourtDecided(string ruling, int confirmed)
    {
        var decidedOn = new DateOnly(2026, 3, 20);
        var decided = new JudicialConfirmationDecided(Guid.NewGuid(), new DateTimeOffset(2026, 3, 25, 2, 0, 0, TimeSpan.Zero), DisputeId, "N-1", "medical", "walk_in", Town,
            RoomId, null, "越城区人民法院", ruling, new DateOnly(2026, 3, 12), decidedOn, 80m);

        var deltas = MediationFactAccumulator.JudicialConfirmationDecided(decided);

        Assert.That(deltas.All(d => d.Key == Key(decidedOn)), Is.True);
        Assert.That(deltas.Count(d => d.Counter == Counter.JudicialDecided), Is.EqualTo(1));
        Assert.That(deltas.Count(d => d.Counter == Counter.JudicialConfirmed), Is.EqualTo(confirmed));
    }

    private static readonly DateTimeOffset RecordedAt = new(2026, 4, 20, 2, 0, 0, TimeSpan.Zero);

    private static AgreementPerformanceRecorded Visit(string performance, DateOnly visitedOn) => Visit(performance, visitedOn, RecordedAt);

    private static AgreementPerformanceRecorded Visit(string performance, DateOnly visitedOn, DateTimeOffset recordedAt) =>
        new(Guid.NewGuid(), recordedAt, DisputeId, "N-1", "medical", "walk_in", Guid.NewGuid(), Town, RoomId, "室",
            null, 100m, 80m, performance, visitedOn, new DateOnly(2026, 3, 9), new DateOnly(2026, 4, 8));

    [TestCase("performed", 1)]
    [TestCase("partly_performed", 0)]
    [TestCase("not_performed", 0)]
    public void AFirstReturnVisit_CountsTheAgreementAsFollowedUp_AndAsPerformedOnlyWhenFoundPerformed_OnTheVisitsDay(string performance, int performed)
    {
        var visitedOn = new DateOnly(2026, 4, 18);

        var (deltas, state) = MediationFactAccumulator.PerformanceRecorded(Visit(performance, visitedOn), null);

        var expected = new List<FactDelta> { new(Key(visitedOn), Counter.AgreementsFollowedUp, 1) };
        if (performed == 1)
        {
            expected.Add(new FactDelta(Key(visitedOn), Counter.AgreementsPerformed, 1));
        }

        Assert.That(deltas, Is.EquivalentTo(expected));
        Assert.That(state, Is.EqualTo(new DisputeFacts(DisputeId, Key(visitedOn), performed == 1, RecordedAt)));
    }

    [Test]
    public void ALaterReturnVisit_MovesTheAgreementsOneCount_ToItsOwnDay_AndCountsItPerformed()
    {
        var first = new DateOnly(2026, 3, 31);
        var second = new DateOnly(2026, 4, 2);
        var (_, afterFirst) = MediationFactAccumulator.PerformanceRecorded(Visit("partly_performed", first), null);

        var (deltas, state) = MediationFactAccumulator.PerformanceRecorded(Visit("performed", second), afterFirst);

        Assert.That(deltas, Is.EquivalentTo(new[]
        {
            new FactDelta(Key(first), Counter.AgreementsFollowedUp, -1),
            new FactDelta(Key(second), Counter.AgreementsFollowedUp, 1),
            new FactDelta(Key(second), Counter.AgreementsPerformed, 1),
        }));
        Assert.That(deltas.Where(d => d.Key == Key(first)).Sum(d => d.Change) + deltas.Where(d => d.Key == Key(second) && d.Counter == Counter.AgreementsFollowedUp).Sum(d => d.Change),
            Is.EqualTo(0), "the agreement still counts once in all");
        Assert.That(state.Performed, Is.True);
    }

    [Test]
    public void AnEarlierVisit_CountedAfterALaterOne_ChangesNothing()
    {
        var (_, afterLater) = MediationFactAccumulator.PerformanceRecorded(Visit("performed", new DateOnly(2026, 4, 9)), null);

        var (deltas, state) = MediationFactAccumulator.PerformanceRecorded(Visit("partly_performed", new DateOnly(2026, 4, 8)), afterLater);

        Assert.That(deltas, Is.Empty);
        Assert.That(state, Is.EqualTo(afterLater));
    }

    [Test]
    public void OfTwoVisitsOnOneDay_TheOneRecordedLaterStands_InEitherOrderOfArrival()
    {
        var day = new DateOnly(2026, 4, 9);
        var earlier = Visit("not_performed", day, RecordedAt);
        var later = Visit("performed", day, RecordedAt.AddHours(3));

        var (_, inOrder) = MediationFactAccumulator.PerformanceRecorded(later, MediationFactAccumulator.PerformanceRecorded(earlier, null).State);
        var (_, laterFirst) = MediationFactAccumulator.PerformanceRecorded(later, null);
        var (deltas, outOfOrder) = MediationFactAccumulator.PerformanceRecorded(earlier, laterFirst);

        Assert.That(deltas, Is.Empty);
        Assert.That(outOfOrder, Is.EqualTo(inOrder));
        Assert.That(inOrder.Performed, Is.True);
    }

    [Test]
    public void AVisitCountedBeforeItsInstantWasKept_YieldsToAnotherVisitOnItsDay()
    {
        var day = new DateOnly(2026, 4, 9);
        var countedWithoutInstant = new DisputeFacts(DisputeId, Key(day), true, null);

        var (deltas, state) = MediationFactAccumulator.PerformanceRecorded(Visit("not_performed", day, RecordedAt), countedWithoutInstant);

        Assert.That(deltas, Is.EquivalentTo(new[]
        {
            new FactDelta(Key(day), Counter.AgreementsFollowedUp, -1), new FactDelta(Key(day), Counter.AgreementsPerformed, -1),
            new FactDelta(Key(day), Counter.AgreementsFollowedUp, 1),
        }));
        Assert.That(state, Is.EqualTo(new DisputeFacts(DisputeId, Key(day), false, RecordedAt)));
    }

    [Test]
    public void AVisitAfterOneThatFoundItPerformed_TakesBackThatPerformance()
    {
        var first = new DateOnly(2026, 4, 1);
        var (_, afterFirst) = MediationFactAccumulator.PerformanceRecorded(Visit("performed", first), null);

        var (deltas, _) = MediationFactAccumulator.PerformanceRecorded(Visit("not_performed", new DateOnly(2026, 4, 9)), afterFirst);

        Assert.That(deltas.Where(d => d.Key == Key(first)), Is.EquivalentTo(new[]
        {
            new FactDelta(Key(first), Counter.AgreementsFollowedUp, -1), new FactDelta(Key(first), Counter.AgreementsPerformed, -1),
        }));
        Assert.That(deltas.Any(d => d.Counter == Counter.AgreementsPerformed && d.Change > 0), Is.False);
    }
}
