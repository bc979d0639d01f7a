using System.Text.Json;
using Fengqiao.BuildingBlocks.RuleSets;

namespace Fengqiao.Dispatch.Rules;

/// <summary>Checks the <c>dispatch</c> section of a rule set before an admin's change is stored.</summary>
internal sealed class DispatchRuleSetSectionValidator : IRuleSetSectionValidator
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public string Section => DispatchRules.Section;

    public IReadOnlyList<RuleSetProblem> Validate(JsonElement section)
    {
        DispatchRules? dispatch;
        try
        {
            dispatch = section.Deserialize<DispatchRules>(Strict);
        }
        catch (JsonException e)
        {
            var path = e.Path is null or "$" ? string.Empty : e.Path.TrimStart('$', '.');
            return [new RuleSetProblem(path, "This value is missing or not valid here.")];
        }

        if (dispatch is null)
        {
            return [new RuleSetProblem(string.Empty, "The dispatch section is required.")];
        }

        var problems = new List<RuleSetProblem>();
        void Check(bool valid, string path, string message)
        {
            if (!valid)
            {
                problems.Add(new RuleSetProblem(path, message));
            }
        }

        foreach (var (path, period) in new[]
                 {
                     ("assignmentDeadline", dispatch.AssignmentDeadline), ("signDeadline", dispatch.SignDeadline), ("returnDeadline", dispatch.ReturnDeadline),
                     ("replyDeadline", dispatch.ReplyDeadline), ("reviewRequestWindow", dispatch.ReviewRequestWindow), ("reviewDeadline", dispatch.ReviewDeadline),
                     ("reReviewRequestWindow", dispatch.ReReviewRequestWindow), ("reReviewDeadline", dispatch.ReReviewDeadline),
                 })
        {
            Check(period.Days is >= 1 and <= 365, path + ".days", "Between 1 and 365 days.");
        }

        Check(dispatch.MaxExtensionDays is >= 0 and <= 365, "maxExtensionDays", "Between 0 and 365 days.");
        Check(dispatch.YellowWorkingDays is >= 0 and <= 60, "yellowWorkingDays", "Between 0 and 60 working days.");
        Check(dispatch.UnratedAfterDays is >= 1 and <= 365, "unratedAfterDays", "Between 1 and 365 days.");
        foreach (var (kind, items) in dispatch.Checklists ?? new Dictionary<string, IReadOnlyList<ChecklistItemTemplate>>())
        {
            Check(items.Select(i => i.Key).Distinct(StringComparer.Ordinal).Count() == items.Count, $"checklists.{kind}", "Each item key appears once.");
            for (var i = 0; i < items.Count; i++)
            {
                Check(!string.IsNullOrWhiteSpace(items[i].Key), $"checklists.{kind}[{i}].key", "Give the item a key.");
                Check(items[i].Label.TryGetValue("zh-CN", out var zh) && !string.IsNullOrWhiteSpace(zh), $"checklists.{kind}[{i}].label", "Label the item in zh-CN.");
            }
        }

        return problems;
    }
}
