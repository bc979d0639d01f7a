using System.Text.Json;

namespace Fengqiao.BuildingBlocks.RuleSets;

/// <summary>Checks a whole rule-set document: an object of sections, each checked by its module's validator.</summary>
public static class RuleSetDocuments
{
    /// <param name="document">The sections, e.g. <c>{ "intake": {…}, "dispatch": {…} }</c>.</param>
    /// <param name="keptSections">Sections the stored document has; none may disappear.</param>
    /// <returns>Problems with paths from the document's root, e.g. <c>intake.acceptanceDeadline.days</c>.</returns>
    public static IReadOnlyList<RuleSetProblem> Validate(JsonElement document, IReadOnlyCollection<string> keptSections, IEnumerable<IRuleSetSectionValidator> validators)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            return [new RuleSetProblem(string.Empty, "A rule set is a JSON object of sections.")];
        }

        var problems = new List<RuleSetProblem>();
        var byName = validators.ToDictionary(v => v.Section, StringComparer.Ordinal);
        foreach (var required in keptSections.Union(byName.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!document.TryGetProperty(required, out _))
            {
                problems.Add(new RuleSetProblem(required, "This section is required."));
            }
        }

        foreach (var section in document.EnumerateObject())
        {
            if (section.Value.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new RuleSetProblem(section.Name, "A section is a JSON object."));
            }
            else if (byName.TryGetValue(section.Name, out var validator))
            {
                problems.AddRange(validator.Validate(section.Value).Select(p =>
                    p with { Path = p.Path.Length == 0 ? section.Name : $"{section.Name}.{p.Path}" }));
            }
        }

        return problems;
    }

    /// <summary>The top-level section names of a document.</summary>
    public static IReadOnlyList<string> Sections(JsonElement document) =>
        document.ValueKind == JsonValueKind.Object ? document.EnumerateObject().Select(p => p.Name).ToList() : [];
}
