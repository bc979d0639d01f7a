using Fengqiao.Metrics.Indicators;

namespace Fengqiao.Metrics.FiveColour;

/// <summary>
/// An indicator's part in a score: its figure, its rule-set weight, its score out of 100 and the points it lost, both null when it
/// was not assessed (a rate with nothing to count, e.g. no case closed that month).
/// </summary>
internal sealed record IndicatorScore(string Key, long Numerator, long? Denominator, decimal Weight, decimal? Score, decimal? LostPoints);

/// <summary>A region's health check: the score out of 100 and its colour (both null when no indicator could be assessed), its indicators, and the keys of those that lost points, most first.</summary>
internal sealed record HealthCheck(decimal? Score, string? Colour, IReadOnlyList<IndicatorScore> Indicators, IReadOnlyList<string> PulledDownBy);

/// <summary>The five-colour arithmetic, pure so that it is unit-tested on hand-made figures.</summary>
internal static class FiveColourScoring
{
    /// <summary>
    /// Scores each weighed indicator linearly between its floor and target; the weights of indicators not assessed are shared among
    /// the others (a town with no closed case that month is judged on the rest), and the score is rounded to one decimal. A region
    /// with no rate to assess is not scored.
    /// </summary>
    public static HealthCheck Check(FiveColourRules rules, FactSums sums)
    {
        // Loops rather than queries: a district's chart checks 17 towns on every read.
        var count = rules.Indicators.Count;
        var picked = new IndicatorFigure[count];
        var scores = new decimal?[count];
        var (assessedWeight, total) = Assess(rules, sums, picked, scores);
        var parts = new IndicatorScore[count];
        for (var i = 0; i < count; i++)
        {
            var rule = rules.Indicators[i];
            decimal? lost = scores[i] is { } score && assessedWeight > 0 ? Math.Round(rule.Weight * (100 - score) / assessedWeight, 2) : null;
            parts[i] = new IndicatorScore(rule.Key, picked[i].Numerator, picked[i].Denominator, rule.Weight, scores[i] is { } s ? Math.Round(s, 1) : null, lost);
        }

        if (total is not { } scored)
        {
            return new HealthCheck(null, null, parts, []);
        }

        var pulledDown = parts.Where(p => p.LostPoints > 0).OrderByDescending(p => p.LostPoints).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToList();
        return new HealthCheck(scored, ColourOf(rules.Bands, scored), parts, pulledDown);
    }

    /// <summary>The score of <see cref="Check"/> alone, without its parts: the month before's ranking needs no more.</summary>
    public static decimal? ScoreOf(FiveColourRules rules, FactSums sums) => Assess(rules, sums, null, null).Score;

    /// <summary>
    /// The weight of the indicators assessed and the score, null without a rate assessed; each indicator's figure and score go into
    /// <paramref name="picked"/> and <paramref name="scores"/> when given.
    /// </summary>
    private static (decimal AssessedWeight, decimal? Score) Assess(FiveColourRules rules, FactSums sums, IndicatorFigure[]? picked, decimal?[]? scores)
    {
        decimal assessedWeight = 0;
        decimal weightedScores = 0;
        var anyRate = false;
        for (var i = 0; i < rules.Indicators.Count; i++)
        {
            var rule = rules.Indicators[i];
            var figure = IndicatorDefinitions.Figure(rule.Key, sums);
            var score = IndicatorScoreOf(rule, figure);
            if (score is { } assessed)
            {
                assessedWeight += rule.Weight;
                weightedScores += rule.Weight * assessed;
                anyRate |= figure.Denominator is not null;
            }

            picked?[i] = figure;
            scores?[i] = score;
        }

        // Counts (the backlog) are always assessed; without any rate to judge, a region had no work that month and is not scored.
        return (assessedWeight, assessedWeight == 0 || !anyRate ? null : Math.Round(weightedScores / assessedWeight, 1));
    }

    /// <summary>The indicator's score out of 100, or null when a rate has no denominator.</summary>
    public static decimal? IndicatorScoreOf(FiveColourIndicator rule, IndicatorFigure figure)
    {
        if (figure.Denominator is 0)
        {
            return null;
        }

        var value = figure.Denominator is { } denominator ? (decimal)figure.Numerator / denominator : figure.Numerator;
        var share = (value - rule.Floor) / (rule.Target - rule.Floor);
        return Math.Clamp(share, 0m, 1m) * 100;
    }

    /// <summary>The band holding the score: each from its start up to its end, the top band including 100.</summary>
    public static string ColourOf(IReadOnlyList<FiveColourBand> bands, decimal score)
    {
        var ordered = bands.OrderBy(b => b.From).ToList();
        return (ordered.FirstOrDefault(b => score >= b.From && score < b.To) ?? ordered[^1]).Colour;
    }

    /// <summary>
    /// Ranks by score, highest first; equal scores share a rank and the next rank skips (1, 1, 3). Regions without a score are unranked.
    /// </summary>
    public static IReadOnlyDictionary<TKey, int> Rank<TKey>(IEnumerable<(TKey Key, decimal? Score)> scores)
        where TKey : notnull
    {
        var scored = scores.Where(s => s.Score is not null).OrderByDescending(s => s.Score).ToList();
        var ranks = new Dictionary<TKey, int>();
        for (var i = 0; i < scored.Count; i++)
        {
            ranks[scored[i].Key] = i > 0 && scored[i].Score == scored[i - 1].Score ? ranks[scored[i - 1].Key] : i + 1;
        }

        return ranks;
    }
}
