using System.Text.Json;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Intake;
using Fengqiao.Metrics.Facts;

namespace Fengqiao.Tests.Unit;

public sealed class MetricsFactTests
{
    private const string Town = "/330600/330602/330602001/";
    private static readonly Guid Unit = Guid.Parse("0190f000-0000-7000-8000-000000000001");
    private static readonly Guid PetitionId = Guid.Parse("0190f000-0000-7000-8000-000000000002");
    private static readonly Guid CaseId = Guid.Parse("0190f000-0000-7000-8000-000000000003");

    // 08:00 in Shaoxing on 2026-03-10 is 00:00 UTC; 23:30 UTC on the 9th is already the 10th there.
    private static readonly DateTimeOffset March10 = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly PetitionFacts FirstPetition = new(PetitionId, "visit", "land", true);

    private static FactKey Key(DateOnly day, Guid unit, string channel = "visit") => new(day, Town, unit, channel, "land");

    [Test]
    public void Registered_CountsOnTheLocalDayOfReceipt_WithItsFlags_UnderTheApisChannelName()
    {
        var e = new PetitionRegistered(Guid.NewGuid(), March10, PetitionId, "N-1", "Visit", "land", Guid.NewGuid(), Town,
            new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.Zero), ["repeat", "skip_level"]);

        var deltas = FactAccumulator.Registered(e);

        var key = Key(new DateOnly(2026, 3, 10), Guid.Empty);
        Assert.That(deltas, Is.EquivalentTo(new[]
        {
            new FactDelta(key, Counter.Registered, 1), new FactDelta(key, Counter.RegisteredPersons, 1), new FactDelta(key, Counter.RepeatRegistered, 1),
            new FactDelta(key, Counter.SkipLevelRegistered, 1),
        }));
    }

    [Test]
    public void Registered_AGroupOfSeven_IsOneBatchAndSevenPersons()
    {
        var e = new PetitionRegistered(Guid.NewGuid(), March10, PetitionId, "N-1", "Visit", "land", Guid.NewGuid(), Town, March10, ["collective"], Persons: 7);

        var deltas = FactAccumulator.Registered(e);

        var key = Key(new DateOnly(2026, 3, 10), Guid.Empty);
        Assert.That(deltas, Is.EquivalentTo(new[] { new FactDelta(key, Counter.Registered, 1), new FactDelta(key, Counter.RegisteredPersons, 7) }));
    }

    [Test]
    public void Registered_StoredBeforeItCarriedPersons_ReadsAsOnePerson_AndANewOneKeepsItsPersons()
    {
        var stored = new PetitionRegistered(Guid.NewGuid(), March10, PetitionId, "N-1", "Visit", "land", Guid.NewGuid(), Town, March10, [], Persons: 4);
        var payload = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(stored, IntegrationEventTypes.Json))!.AsObject();
        Assert.That(payload["persons"]!.GetValue<int>(), Is.EqualTo(4), "the outbox stores the persons");
        payload.Remove("persons");

        var old = JsonSerializer.Deserialize<PetitionRegistered>(payload.ToJsonString(), IntegrationEventTypes.Json)!;
        var current = JsonSerializer.Deserialize<PetitionRegistered>(JsonSerializer.Serialize(stored, IntegrationEventTypes.Json), IntegrationEventTypes.Json)!;

        Assert.That(FactAccumulator.Registered(old).Single(d => d.Counter == Counter.RegisteredPersons).Change, Is.EqualTo(1));
        Assert.That(FactAccumulator.Registered(current).Single(d => d.Counter == Counter.RegisteredPersons).Change, Is.EqualTo(4));
    }

    [TestCase(15, true)]
    [TestCase(16, false)]
    public void Accepted_IsOnTime_WithinFifteenDaysOfReceipt(int days, bool onTime)
    {
        var e = new PetitionAccepted(Guid.NewGuid(), March10.AddDays(days), PetitionId, "N-1", "land", Guid.NewGuid(), Town, March10, Unit, true);

        var deltas = FactAccumulator.Accepted(e, FirstPetition);

        Assert.That(deltas.Count(d => d.Counter == Counter.Accepted), Is.EqualTo(1));
        Assert.That(deltas.Any(d => d.Counter == Counter.AcceptedOnTime), Is.EqualTo(onTime));
        Assert.That(deltas.All(d => d.Key == Key(new DateOnly(2026, 3, 10).AddDays(days), Unit)), Is.True);
    }

    [Test]
    public void Overdue_ThenReplied_JoinsAndLeavesTheBacklogOnce_AndCountsALateConclusion()
    {
        var state = CaseFacts.New(CaseId);
        var overdue = new CaseOverdue(Guid.NewGuid(), March10, CaseId, PetitionId, "handling", Town, Unit, "reply", new DateOnly(2026, 3, 9));

        var (joined, afterOverdue) = FactAccumulator.Overdue(overdue, FirstPetition, state);
        var (again, _) = FactAccumulator.Overdue(overdue with { EventId = Guid.NewGuid() }, FirstPetition, afterOverdue);
        var replied = new CaseReplied(Guid.NewGuid(), March10.AddDays(2), CaseId, PetitionId, "handling", Town, Unit, "support", false);
        var (left, afterReply) = FactAccumulator.Replied(replied, FirstPetition, afterOverdue);

        Assert.That(joined, Is.EqualTo(new[] { new FactDelta(Key(new DateOnly(2026, 3, 10), Unit), Counter.BacklogChange, 1) }));
        Assert.That(again, Is.Empty);
        var replyDay = Key(new DateOnly(2026, 3, 12), Unit);
        Assert.That(left, Is.EquivalentTo(new[] { new FactDelta(replyDay, Counter.Concluded, 1), new FactDelta(replyDay, Counter.BacklogChange, -1) }));
        Assert.That(afterReply.IsOverdue, Is.False);
    }

    [Test]
    public void Overdue_ThenReassignedAndRepliedByAnotherUnit_LeavesTheBacklogUnderTheUnitItJoinedUnder()
    {
        var other = Guid.Parse("0190f000-0000-7000-8000-000000000009");
        var overdue = new CaseOverdue(Guid.NewGuid(), March10, CaseId, PetitionId, "handling", Town, Unit, "reply", new DateOnly(2026, 3, 9));
        var (_, afterOverdue) = FactAccumulator.Overdue(overdue, FirstPetition, CaseFacts.New(CaseId));
        var replied = new CaseReplied(Guid.NewGuid(), March10.AddDays(2), CaseId, PetitionId, "handling", Town, other, "support", false);

        var (left, afterReply) = FactAccumulator.Replied(replied, FirstPetition, afterOverdue);

        Assert.That(left, Is.EquivalentTo(new[]
        {
            new FactDelta(Key(new DateOnly(2026, 3, 12), other), Counter.Concluded, 1), new FactDelta(Key(new DateOnly(2026, 3, 12), Unit), Counter.BacklogChange, -1),
        }));
        Assert.That(afterReply.OverdueUnitId, Is.Null);
    }

    [Test]
    public void Overdue_AtAnotherStep_IsNotBacklog()
    {
        var overdue = new CaseOverdue(Guid.NewGuid(), March10, CaseId, PetitionId, "handling", Town, Unit, "signature", new DateOnly(2026, 3, 9));
        Assert.That(FactAccumulator.Overdue(overdue, FirstPetition, CaseFacts.New(CaseId)).Deltas, Is.Empty);
    }

    [TestCase("satisfied", nameof(Counter.RatedSatisfied))]
    [TestCase("basically_satisfied", nameof(Counter.RatedBasicallySatisfied))]
    [TestCase("dissatisfied", nameof(Counter.RatedDissatisfied))]
    public void Rated_CountsItsRating(string rating, string counterName)
    {
        var counter = Enum.Parse<Counter>(counterName);
        var e = new CaseRated(Guid.NewGuid(), March10, CaseId, PetitionId, "handling", Town, Unit, rating, "petitioner");
        Assert.That(FactAccumulator.Rated(e, FirstPetition), Is.EqualTo(new[] { new FactDelta(Key(new DateOnly(2026, 3, 10), Unit), counter, 1) }));
    }

    [Test]
    public void ReviewCases_AreNotCountedAsHandling()
    {
        var rated = new CaseRated(Guid.NewGuid(), March10, CaseId, PetitionId, "review", Town, Unit, "satisfied", "petitioner");
        var closed = new CaseClosed(Guid.NewGuid(), March10, CaseId, PetitionId, "review", Town, Unit, null);
        Assert.That(FactAccumulator.Rated(rated, FirstPetition), Is.Empty);
        Assert.That(FactAccumulator.Closed(closed, FirstPetition, CaseFacts.New(CaseId)).Deltas, Is.Empty);
    }

    [Test]
    public void Closed_Unrated_WithoutReview_IsResolved_AndAFirstTimeResolution()
    {
        var e = new CaseClosed(Guid.NewGuid(), March10, CaseId, PetitionId, "handling", Town, Unit, null);

        var (deltas, state) = FactAccumulator.Closed(e, FirstPetition, CaseFacts.New(CaseId));

        var key = Key(new DateOnly(2026, 3, 10), Unit);
        Assert.That(deltas.Select(d => d.Counter), Is.EquivalentTo(new[]
        {
            Counter.Closed, Counter.ClosedUnrated, Counter.FirstTimeClosed, Counter.Resolved, Counter.FirstTimeResolved,
        }));
        Assert.That(deltas.All(d => d.Key == key && d.Change == 1), Is.True);
        Assert.That(state.ResolvedIn, Is.EqualTo(key));
    }

    [Test]
    public void ReviewRequested_AfterClosing_TakesTheResolutionBackWhereItWasCounted()
    {
        var closed = new CaseClosed(Guid.NewGuid(), March10, CaseId, PetitionId, "handling", Town, Unit, "dissatisfied");
        var (_, afterClose) = FactAccumulator.Closed(closed, FirstPetition, CaseFacts.New(CaseId));
        var review = new CaseReviewRequested(Guid.NewGuid(), March10.AddDays(40), CaseId, PetitionId, "handling", Town, Unit, Guid.NewGuid(), "review");

        var (deltas, afterReview) = FactAccumulator.ReviewRequested(review, FirstPetition, afterClose);

        var closeDay = Key(new DateOnly(2026, 3, 10), Unit);
        Assert.That(deltas, Is.EquivalentTo(new[]
        {
            new FactDelta(Key(new DateOnly(2026, 4, 19), Unit), Counter.ReviewRequested, 1),
            new FactDelta(closeDay, Counter.Resolved, -1),
            new FactDelta(closeDay, Counter.FirstTimeResolved, -1),
        }));
        Assert.That(afterReview, Is.EqualTo(new CaseFacts(CaseId, false, true, null, false)));
    }

    [Test]
    public void Closed_AfterAReviewRequest_IsNotResolved()
    {
        var review = new CaseReviewRequested(Guid.NewGuid(), March10, CaseId, PetitionId, "handling", Town, Unit, Guid.NewGuid(), "review");
        var (_, afterReview) = FactAccumulator.ReviewRequested(review, FirstPetition, CaseFacts.New(CaseId));
        var closed = new CaseClosed(Guid.NewGuid(), March10.AddDays(1), CaseId, PetitionId, "handling", Town, Unit, "satisfied");

        var (deltas, _) = FactAccumulator.Closed(closed, FirstPetition with { IsFirstTime = false }, afterReview);

        Assert.That(deltas.Select(d => d.Counter), Is.EquivalentTo(new[] { Counter.Closed }));
    }
}
