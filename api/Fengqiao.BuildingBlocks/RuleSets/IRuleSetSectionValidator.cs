using System.Text.Json;

namespace Fengqiao.BuildingBlocks.RuleSets;

/// <summary>A problem in a rule-set section; <see cref="Path"/> is relative to the section, e.g. <c>acceptanceDeadline.days</c>.</summary>
public sealed record RuleSetProblem(string Path, string Message);

/// <summary>
/// A module's check of its own section of a rule set, run before an admin's change is stored. Sections without
/// a validator are kept as the admin sends them but must be JSON objects.
/// </summary>
public interface IRuleSetSectionValidator
{
    /// <summary>The section's name in the document, e.g. <c>intake</c>.</summary>
    string Section { get; }

    IReadOnlyList<RuleSetProblem> Validate(JsonElement section);
}
