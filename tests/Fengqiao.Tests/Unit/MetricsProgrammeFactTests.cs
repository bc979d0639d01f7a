using Fengqiao.Contracts.Receptions;
using Fengqiao.Contracts.Suggestions;
using Fengqiao.Metrics.Facts;

namespace Fengqiao.Tests.Unit;

public sealed class MetricsProgrammeFactTests
{
    private const string Town = "/330600/330602/330602001/";
    private static readonly Guid Unit = Guid.Parse("0190f000-0000-7000-8000-000000000011");
    private static readonly Guid SuggestionId = Guid.Parse("0190f000-0000-7000-8000-000000000012");
    private static readonly Guid ReceptionId = Guid.Parse("0190f000-0000-7000-8000-000000000013");
    private static readonly Guid BatchId = Guid.Parse("0190f000-0000-7000-8000-000000000014");
    private static readonly DateOnly March10 = new(2026, 3, 10);

    private static FactKey SuggestionKey(DateOnly day) => new(day, Town, Guid.Empty, "suggestion", "suggestion");

    private static FactKey ReceptionKey(Guid unit) => new(March10, Town, unit, "reception", "reception");

    private static ReceptionBatchRecorded Batch(string kind, int persons, bool mustVisit, Guid? unit, string level = "town") =>
        new(Guid.NewGuid(), new DateTimeOffset(2026, 3, 12, 2, 0, 0, TimeSpan.Zero), ReceptionId, kind, level, Guid.NewGuid(), unit, Town, March10,
            BatchId, persons, "explained", mustVisit, null);

    /// <summary>Issue 17: the must-visits' share is of a county's visits — batches at county-level (district or county) leaders' visits.</summary>
    [TestCase("leader_visit", "district", true, 1, 1)]
    [TestCase("leader_visit", "district", false, 1, 0)]
    [TestCase("leader_visit", "city", true, 0, 0)]
    [TestCase("leader_visit", "town", false, 0, 0)]
    [TestCase("leader_day", "district", false, 0, 0)]
    [TestCase("appointment", "district", false, 0, 0)]
    public void ReceptionBatchRecorded_CountsAmongTheCountyVisits_OnlyAtACountyLeadersVisit(string kind, string level, bool mustVisit, int county, int countyMustVisit)
    {
        var deltas = ProgrammeFactAccumulator.ReceptionBatchRecorded(Batch(kind, 2, mustVisit, Unit, level));

        Assert.That(deltas.Where(d => d.Counter == Counter.CountyVisitBatches).Sum(d => d.Change), Is.EqualTo(county));
        Assert.That(deltas.Where(d => d.Counter == Counter.CountyMustVisitBatches).Sum(d => d.Change), Is.EqualTo(countyMustVisit));
        Assert.That(deltas.Where(d => d.Counter == Counter.ReceptionBatches).Sum(d => d.Change), Is.EqualTo(1));
    }

    [Test]
    public void SuggestionSubmitted_CountsOnTheLocalDayItArrived()
    {
        var e = new SuggestionSubmitted(Guid.NewGuid(), new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.Zero), SuggestionId, "online", null,
            Guid.NewGuid(), Town, null);

        Assert.That(ProgrammeFactAccumulator.SuggestionSubmitted(e),
            Is.EqualTo(new[] { new FactDelta(SuggestionKey(March10), Counter.SuggestionsReceived, 1) }));
    }

    [TestCase("adopted", true)]
    [TestCase("partly_adopted", true)]
    [TestCase("kept_for_reference", false)]
    [TestCase("not_adopted", false)]
    public void SuggestionAnswered_CountsAsAnswered_AndAsAdoptedOnlyWhenAdoptedOrPartly(string outcome, bool adopted)
    {
        var e = new SuggestionAnswered(Guid.NewGuid(), new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero), SuggestionId, outcome, 2, Guid.NewGuid(), Town);

        var deltas = ProgrammeFactAccumulator.SuggestionAnswered(e);

        Assert.That(deltas.Count(d => d.Counter == Counter.SuggestionsAnswered && d.Change == 1), Is.EqualTo(1));
        Assert.That(deltas.Count(d => d.Counter == Counter.SuggestionsAdopted && d.Change == 1), Is.EqualTo(adopted ? 1 : 0));
        Assert.That(deltas.All(d => d.Key == SuggestionKey(March10)), Is.True);
    }

    [Test]
    public void ReceptionBatchRecorded_CountsTheBatchItsPersonsAndMustVisit_OnTheReceptionsDayAndUnit()
    {
        var deltas = ProgrammeFactAccumulator.ReceptionBatchRecorded(Batch("leader_visit", 3, true, Unit));

        var key = ReceptionKey(Unit);
        Assert.That(deltas, Is.EquivalentTo(new[]
        {
            new FactDelta(key, Counter.ReceptionBatches, 1), new FactDelta(key, Counter.ReceptionPersons, 3), new FactDelta(key, Counter.MustVisitBatches, 1),
        }));
    }

    [Test]
    public void ReceptionBatchRecorded_WithoutAUnitOrMustVisit_CountsUnderNoUnit_AndNoMustVisit()
    {
        var deltas = ProgrammeFactAccumulator.ReceptionBatchRecorded(Batch("leader_day", 2, false, null));

        var key = ReceptionKey(Guid.Empty);
        Assert.That(deltas, Is.EquivalentTo(new[] { new FactDelta(key, Counter.ReceptionBatches, 1), new FactDelta(key, Counter.ReceptionPersons, 2) }));
    }

    [Test]
    public void ADepartmentsDutyReception_IsNoLeaderReception()
    {
        var recorded = Batch("department_duty", 2, false, Unit);
        var corrected = new ReceptionBatchCorrected(Guid.NewGuid(), recorded.OccurredAt, ReceptionId, "department_duty", "town", null, Unit, Town, March10,
            BatchId, 2, "explained", 5, "explained");

        Assert.That(ProgrammeFactAccumulator.ReceptionBatchRecorded(recorded), Is.Empty);
        Assert.That(ProgrammeFactAccumulator.ReceptionBatchCorrected(corrected), Is.Empty);
    }

    [TestCase(2, 5, 3)]
    [TestCase(5, 2, -3)]
    public void ReceptionBatchCorrected_ReplacesThePersonCount_WhereTheBatchWasCounted(int before, int after, int change)
    {
        var e = new ReceptionBatchCorrected(Guid.NewGuid(), new DateTimeOffset(2026, 3, 20, 2, 0, 0, TimeSpan.Zero), ReceptionId, "leader_day", "town",
            Guid.NewGuid(), Unit, Town, March10, BatchId, before, "explained", after, "assigned");

        Assert.That(ProgrammeFactAccumulator.ReceptionBatchCorrected(e),
            Is.EqualTo(new[] { new FactDelta(ReceptionKey(Unit), Counter.ReceptionPersons, change) }));
    }

    [Test]
    public void ReceptionBatchCorrected_OfTheOutcomeOnly_ChangesNoCounter()
    {
        var e = new ReceptionBatchCorrected(Guid.NewGuid(), new DateTimeOffset(2026, 3, 20, 2, 0, 0, TimeSpan.Zero), ReceptionId, "leader_day", "town",
            Guid.NewGuid(), Unit, Town, March10, BatchId, 2, "explained", 2, "assigned");

        Assert.That(ProgrammeFactAccumulator.ReceptionBatchCorrected(e), Is.Empty);
    }
}
