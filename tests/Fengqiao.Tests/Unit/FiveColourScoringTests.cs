using Fengqiao.Metrics.FiveColour;
using Fengqiao.Metrics.Indicators;

namespace Fengqiao.Tests.Unit;

public sealed class FiveColourScoringTests
{
    private static readonly IReadOnlyList<FiveColourBand> Bands =
    [
        new("red", 0, 60), new("orange", 60, 70), new("yellow", 70, 80), new("blue", 80, 90), new("green", 90, 100),
    ];

    private static FiveColourRules Rules(params FiveColourIndicator[] indicators) => new(indicators, Bands);

    [TestCase(95, 100, 100)]
    [TestCase(99, 100, 100)]
    [TestCase(70, 100, 0)]
    [TestCase(50, 100, 0)]
    [TestCase(825, 1000, 50)]
    public void IndicatorScore_IsLinearBetweenFloorAndTarget_AndClamped(long numerator, long denominator, decimal expected)
    {
        var score = FiveColourScoring.IndicatorScoreOf(new FiveColourIndicator("resolution_rate", 100, 0.95m, 0.70m), IndicatorFigure.Rate("resolution_rate", numerator, denominator));

        Assert.That(score, Is.EqualTo(expected));
    }

    [TestCase(0, 100)]
    [TestCase(5, 50)]
    [TestCase(12, 0)]
    public void IndicatorScore_OfALowerIsBetterCount_FallsAsTheCountRises(long backlog, decimal expected)
    {
        var score = FiveColourScoring.IndicatorScoreOf(new FiveColourIndicator("backlog", 100, 0, 10), IndicatorFigure.Count("backlog", backlog));

        Assert.That(score, Is.EqualTo(expected));
    }

    [Test]
    public void Check_WeighsTheIndicators_AndNamesThosePullingItDown_MostFirst()
    {
        var rules = Rules(new FiveColourIndicator("resolution_rate", 60, 0.95m, 0.70m), new FiveColourIndicator("backlog", 40, 0, 10));
        var sums = new FactSums { Closed = 100, Resolved = 95, Backlog = 5 };

        var check = FiveColourScoring.Check(rules, sums);

        Assert.That(check.Score, Is.EqualTo(80m), "60 × 100% + 40 × 50%");
        Assert.That(FiveColourScoring.ScoreOf(rules, sums), Is.EqualTo(check.Score), "the score alone");
        Assert.That(check.Colour, Is.EqualTo("blue"));
        Assert.That(check.PulledDownBy, Is.EqualTo(new[] { "backlog" }));
        Assert.That(check.Indicators.Single(i => i.Key == "backlog").LostPoints, Is.EqualTo(20m));
        Assert.That(check.Indicators.Single(i => i.Key == "resolution_rate").LostPoints, Is.EqualTo(0m));
    }

    [Test]
    public void Check_SharesTheWeightOfAnIndicatorNotAssessed_AmongTheOthers()
    {
        var rules = Rules(
            new FiveColourIndicator("resolution_rate", 50, 0.95m, 0.70m), new FiveColourIndicator("satisfaction_rate", 30, 1, 0), new FiveColourIndicator("backlog", 20, 0, 10));
        var sums = new FactSums { RatedSatisfied = 1, RatedDissatisfied = 1, Backlog = 5 };

        var check = FiveColourScoring.Check(rules, sums);

        Assert.That(check.Score, Is.EqualTo(50m), "no case closed: satisfaction (30 × 50%) and backlog (20 × 50%) out of their 50");
        Assert.That(FiveColourScoring.ScoreOf(rules, sums), Is.EqualTo(50m));
        Assert.That(check.Indicators.Single(i => i.Key == "resolution_rate").Score, Is.Null);
        Assert.That(check.Indicators.Single(i => i.Key == "satisfaction_rate").LostPoints, Is.EqualTo(30m));
        Assert.That(check.Indicators.Single(i => i.Key == "backlog").LostPoints, Is.EqualTo(20m));
    }

    [Test]
    public void Check_WithNoRateToAssess_HasNoScoreNorColour_EvenWithABacklogOfNone()
    {
        var rules = Rules(new FiveColourIndicator("resolution_rate", 80, 0.95m, 0.70m), new FiveColourIndicator("backlog", 20, 0, 10));

        var check = FiveColourScoring.Check(rules, new FactSums());

        Assert.That((check.Score, check.Colour), Is.EqualTo(((decimal?)null, (string?)null)));
        Assert.That(FiveColourScoring.ScoreOf(rules, new FactSums()), Is.Null);
    }

    [TestCase(0, "red")]
    [TestCase(59.9, "red")]
    [TestCase(60, "orange")]
    [TestCase(79.9, "yellow")]
    [TestCase(80, "blue")]
    [TestCase(90, "green")]
    [TestCase(100, "green")]
    public void ColourOf_TakesEachBandFromItsStart_AndTheTopBandIncludes100(decimal score, string colour) =>
        Assert.That(FiveColourScoring.ColourOf(Bands, score), Is.EqualTo(colour));

    [Test]
    public void Rank_GivesEqualScoresTheSameRank_AndSkipsTheNext_AndLeavesUnscoredUnranked()
    {
        var ranks = FiveColourScoring.Rank(new (string, decimal?)[] { ("a", 88.5m), ("b", 92m), ("c", 88.5m), ("d", 70m), ("e", null) });

        Assert.That(ranks, Is.EquivalentTo(new Dictionary<string, int> { ["b"] = 1, ["a"] = 2, ["c"] = 2, ["d"] = 4 }));
    }

    [Test]
    public void Validator_AcceptsTheShippedShape()
    {
        var rules = Rules(new FiveColourIndicator("resolution_rate", 70, 0.95m, 0.70m), new FiveColourIndicator("backlog", 30, 0, 10));

        Assert.That(FiveColourRuleSetSectionValidator.Problems(rules), Is.Empty);
    }

    [Test]
    public void Validator_NamesWeightsNotSummingTo100_UnknownAndRepeatedKeys_AndEqualThresholds()
    {
        var rules = Rules(
            new FiveColourIndicator("resolution_rate", 50, 0.95m, 0.70m),
            new FiveColourIndicator("no_such_rate", 20, 1, 0),
            new FiveColourIndicator("resolution_rate", 20, 0.9m, 0.9m));

        var paths = FiveColourRuleSetSectionValidator.Problems(rules).Select(p => p.Path);

        Assert.That(paths, Is.EquivalentTo(new[] { "indicators[1].key", "indicators[2].key", "indicators[2].target", "indicators" }));
    }

    [Test]
    public void Validator_RefusesBandsWithAGapOrAnOverlap_OrNotOneOfEachColour()
    {
        var one = new FiveColourIndicator("resolution_rate", 100, 0.95m, 0.70m);
        FiveColourBand[] gap = [new("red", 0, 55), new("orange", 60, 70), new("yellow", 70, 80), new("blue", 80, 90), new("green", 90, 100)];
        FiveColourBand[] overlap = [new("red", 0, 65), new("orange", 60, 70), new("yellow", 70, 80), new("blue", 80, 90), new("green", 90, 100)];
        FiveColourBand[] short4 = [new("red", 0, 70), new("yellow", 70, 80), new("blue", 80, 90), new("green", 90, 100)];
        FiveColourBand[] upTo95 = [new("red", 0, 60), new("orange", 60, 70), new("yellow", 70, 80), new("blue", 80, 90), new("green", 90, 95)];

        foreach (var bands in new[] { gap, overlap, short4, upTo95 })
        {
            Assert.That(FiveColourRuleSetSectionValidator.Problems(new FiveColourRules([one], bands)).Select(p => p.Path), Is.EqualTo(new[] { "bands" }));
        }
    }
}
