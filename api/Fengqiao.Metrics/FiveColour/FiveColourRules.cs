using System.Text.Json;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Metrics.Indicators;

namespace Fengqiao.Metrics.FiveColour;

/// <summary>
/// One weighted indicator of the health check. The indicator scores full marks at <see cref="Target"/> or better and nothing at
/// <see cref="Floor"/> or worse, linearly between; a target below the floor means lower is better (repeat rate, backlog).
/// Rates are compared as fractions (0.95), counts as counts.
/// </summary>
internal sealed record FiveColourIndicator(string Key, decimal Weight, decimal Target, decimal Floor);

/// <summary>A colour band of scores: from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive, except the last band's 100).</summary>
internal sealed record FiveColourBand(string Colour, decimal From, decimal To);

/// <summary>
/// The <c>fiveColour</c> section of a rule set: the monthly health check 每月体检 of districts and towns, scored out of 100 from
/// weighted indicators and mapped to five colour bands. Admins edit it with the rule set; <see cref="FiveColourRuleSetSectionValidator"/> checks it.
/// </summary>
internal sealed record FiveColourRules(IReadOnlyList<FiveColourIndicator> Indicators, IReadOnlyList<FiveColourBand> Bands, string? Source = null)
{
    public const string Section = "fiveColour";

    public static readonly IReadOnlyList<string> Colours = ["red", "orange", "yellow", "blue", "green"];

    public static FiveColourRules From(IRuleSets ruleSets) => ruleSets.ActiveSection<FiveColourRules>(Section);
}

/// <summary>Checks the <c>fiveColour</c> section before an admin's change is stored: known indicators, weights summing to 100, five bands covering 0–100.</summary>
internal sealed class FiveColourRuleSetSectionValidator : IRuleSetSectionValidator
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public string Section => FiveColourRules.Section;

    public IReadOnlyList<RuleSetProblem> Validate(JsonElement section)
    {
        FiveColourRules? rules;
        try
        {
            rules = section.Deserialize<FiveColourRules>(Strict);
        }
        catch (JsonException e)
        {
            var path = e.Path is null or "$" ? string.Empty : e.Path.TrimStart('$', '.');
            return [new RuleSetProblem(path, "This value is missing or not valid here.")];
        }

        return rules is null ? [new RuleSetProblem(string.Empty, "The five-colour section is required.")] : Problems(rules);
    }

    public static IReadOnlyList<RuleSetProblem> Problems(FiveColourRules rules)
    {
        var problems = new List<RuleSetProblem>();
        if (rules.Indicators.Count == 0)
        {
            problems.Add(new RuleSetProblem("indicators", "Weigh at least one indicator."));
        }

        for (var i = 0; i < rules.Indicators.Count; i++)
        {
            var indicator = rules.Indicators[i];
            if (!IndicatorDefinitions.IsKey(indicator.Key))
            {
                problems.Add(new RuleSetProblem($"indicators[{i}].key", IndicatorDefinitions.NotAKeyMessage));
            }
            else if (rules.Indicators.Take(i).Any(earlier => earlier.Key == indicator.Key))
            {
                problems.Add(new RuleSetProblem($"indicators[{i}].key", "Each indicator is weighed once."));
            }

            if (indicator.Weight <= 0)
            {
                problems.Add(new RuleSetProblem($"indicators[{i}].weight", "A weight is above 0."));
            }

            if (indicator.Target == indicator.Floor)
            {
                problems.Add(new RuleSetProblem($"indicators[{i}].target", "The target (full marks) differs from the floor (no marks)."));
            }
        }

        if (rules.Indicators.Count > 0 && rules.Indicators.Sum(i => i.Weight) != 100)
        {
            problems.Add(new RuleSetProblem("indicators", "The weights sum to 100."));
        }

        problems.AddRange(BandProblems(rules.Bands));
        return problems;
    }

    private static IEnumerable<RuleSetProblem> BandProblems(IReadOnlyList<FiveColourBand> bands)
    {
        for (var i = 0; i < bands.Count; i++)
        {
            if (!FiveColourRules.Colours.Contains(bands[i].Colour))
            {
                yield return new RuleSetProblem($"bands[{i}].colour", "One of red, orange, yellow, blue and green.");
            }

            if (bands[i].To <= bands[i].From)
            {
                yield return new RuleSetProblem($"bands[{i}].to", "A band ends above its start.");
            }
        }

        if (bands.Count != FiveColourRules.Colours.Count || bands.Select(b => b.Colour).Distinct().Count() != bands.Count)
        {
            yield return new RuleSetProblem("bands", "Five bands, one of each colour.");
            yield break;
        }

        var ordered = bands.OrderBy(b => b.From).ToList();
        var covers = ordered[0].From == 0 && ordered[^1].To == 100 && ordered.Zip(ordered.Skip(1)).All(pair => pair.First.To == pair.Second.From);
        if (!covers)
        {
            yield return new RuleSetProblem("bands", "The bands cover 0 to 100 with neither gaps nor overlaps: each starts where the one below ends.");
        }
    }
}
