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
}
