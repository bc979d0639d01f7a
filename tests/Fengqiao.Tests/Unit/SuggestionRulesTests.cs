using System.Globalization;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Suggestions.Evaluation;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Unit;

public sealed class SuggestionRulesTests
{
    private static readonly WorkCalendar Calendar = WorkCalendar.LoadFromDirectory(RepositoryPaths.Combine("api", "Fengqiao.Api", "WorkCalendar"));

    private static SuggestionDeadline Deadline(string ruleSet) =>
        RuleSetFiles.Active(ruleSet).Section<SuggestionsRuleSection>(SuggestionsRuleSection.Section).EvaluationDeadline;

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    // Assigned on the Friday before National Day: thirty calendar days end on a Sunday, so the next working day; twenty
    // working days skip the holiday week and count the make-up Saturday of 10 October.
    [TestCase("national", "2026-09-25", "2026-10-26")]
    [TestCase("zhejiang", "2026-09-25", "2026-10-29")]
    [TestCase("national", "2026-03-02", "2026-04-01")]
    [TestCase("zhejiang", "2026-03-02", "2026-03-30")]
    public void EvaluationDeadline_FollowsTheRuleSet_OverTheWorkCalendar(string ruleSet, string assignedOn, string dueOn) =>
        Assert.That(Deadline(ruleSet).From(Day(assignedOn), Calendar), Is.EqualTo(Day(dueOn)));

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void TheShippedSections_PassTheirValidator(string ruleSet)
    {
        var section = RuleSetFiles.Sections(ruleSet).GetProperty(SuggestionsRuleSection.Section);
        Assert.That(new SuggestionsRuleSetSectionValidator().Validate(section), Is.Empty);
    }

    [Test]
    public void ADeadlineOfNoDays_IsRefusedNamingItsPath()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"evaluationDeadline":{"days":0,"workingDays":true}}""");
        Assert.That(new SuggestionsRuleSetSectionValidator().Validate(document.RootElement).Select(p => p.Path), Is.EqualTo(new[] { "evaluationDeadline.days" }));
    }

    [TestCase("""{"evaluationDeadline":{"workingDays":true}}""")]
    [TestCase("""{}""")]
    public void ASectionMissingAValue_IsRefused(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.That(new SuggestionsRuleSetSectionValidator().Validate(document.RootElement), Is.Not.Empty);
    }
}
