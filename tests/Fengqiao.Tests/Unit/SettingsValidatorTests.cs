using System.Text.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Intake.Rules;
using Fengqiao.Organization.Settings;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Unit;

public sealed class SettingsValidatorTests
{
    private static readonly IntakeRuleSetSectionValidator Intake = new();

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void ShippedRuleSets_PassEveryCheck(string name)
    {
        Assert.That(RuleSetDocuments.Validate(RuleSetFiles.Sections(name), ["intake", "dispatch"], [Intake]), Is.Empty);
    }

    [TestCase("acceptanceDeadline.days", 0, "acceptanceDeadline.days")]
    [TestCase("acceptanceDeadline.days", 400, "acceptanceDeadline.days")]
    [TestCase("collectiveThreshold", 1, "collectiveThreshold")]
    [TestCase("repeatWindowDays", 0, "repeatWindowDays")]
    [TestCase("duplicateScoreThreshold", 1.5, "duplicateScoreThreshold")]
    [TestCase("representativeLimits[0].maxRepresentatives", 0, "representativeLimits[0].maxRepresentatives")]
    public void IntakeSection_OutOfRange_NamesTheField(string field, double value, string expectedPath)
    {
        var section = IntakeSection("national");
        Set(section, field, JsonValue.Create(value));
        Assert.That(Intake.Validate(ToElement(section)).Select(p => p.Path), Is.EqualTo(new[] { expectedPath }));
    }

    [Test]
    public void IntakeSection_MissingOrMistypedValue_NamesTheField()
    {
        var section = IntakeSection("national");
        section["collectiveThreshold"] = "five";
        Assert.That(Intake.Validate(ToElement(section)).Select(p => p.Path), Is.EqualTo(new[] { "collectiveThreshold" }));

        section = IntakeSection("national");
        section.Remove("repeatWindowDays");
        Assert.That(Intake.Validate(ToElement(section)), Has.Count.EqualTo(1));
    }

    [Test]
    public void IntakeSection_NeedsExactlyOneOpenEndedRepresentativeLimit()
    {
        var section = IntakeSection("zhejiang");
        section["representativeLimits"]![1]!["maxGroupSize"] = 50;
        Assert.That(Intake.Validate(ToElement(section)).Select(p => p.Path), Is.EqualTo(new[] { "representativeLimits" }));
    }

    [Test]
    public void Document_SectionsWithoutAValidatorMustBeObjects_AndMayNotDisappear()
    {
        var document = JsonNode.Parse(RuleSetFiles.Sections("national").GetRawText())!.AsObject();
        document["dispatch"] = new JsonArray();
        Assert.That(RuleSetDocuments.Validate(ToElement(document), ["intake", "dispatch"], [Intake]).Select(p => p.Path), Is.EqualTo(new[] { "dispatch" }));

        document.Remove("dispatch");
        document.Remove("intake");
        Assert.That(RuleSetDocuments.Validate(ToElement(document), ["dispatch"], [Intake]).Select(p => p.Path), Is.EqualTo(new[] { "dispatch", "intake" }));
        Assert.That(RuleSetDocuments.Validate(JsonSerializer.SerializeToElement(3), [], [Intake]), Has.Count.EqualTo(1));
    }

    [Test]
    public void WorkCalendarYear_ValidYear_Passes()
    {
        var result = new SaveWorkCalendarYearValidator().Validate(Year(2026, ["2026-01-01", "2027-01-01"], ["2026-01-04"]));
        Assert.That(result.Errors, Is.Empty);
    }

    [TestCase(new[] { "2026-05-01", "2026-05-01" }, new string[0], "Holidays", TestName = "WorkCalendarYear_DuplicatedHoliday_Fails")]
    [TestCase(new[] { "2026-02-14" }, new[] { "2026-02-14" }, "MakeUpWorkdays", TestName = "WorkCalendarYear_DayInBothLists_Fails")]
    [TestCase(new string[0], new[] { "2026-02-13" }, "MakeUpWorkdays[0]", TestName = "WorkCalendarYear_MakeUpOnAFriday_Fails")]
    [TestCase(new[] { "2025-12-31" }, new string[0], "Holidays[0]", TestName = "WorkCalendarYear_DayOfThePreviousYear_Fails")]
    [TestCase(new[] { "2027-02-01" }, new string[0], "Holidays[0]", TestName = "WorkCalendarYear_NextYearAfterJanuary_Fails")]
    public void WorkCalendarYear_BadDays_Fail(string[] holidays, string[] makeUps, string property)
    {
        var result = new SaveWorkCalendarYearValidator().Validate(Year(2026, holidays, makeUps));
        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { property }));
    }

    [Test]
    public void WorkCalendarYear_OutOfRange_Fails()
    {
        var result = new SaveWorkCalendarYearValidator().Validate(Year(1999, [], []));
        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "Year" }));
    }

    private static SaveWorkCalendarYear Year(int year, string[] holidays, string[] makeUps) =>
        new(null, holidays.Select(DateOnly.Parse).ToList(), makeUps.Select(DateOnly.Parse).ToList()) { Year = year };

    private static JsonObject IntakeSection(string ruleSet) =>
        JsonNode.Parse(RuleSetFiles.Document(ruleSet).GetProperty("intake").GetRawText())!.AsObject();

    private static JsonElement ToElement(JsonNode node) => JsonSerializer.SerializeToElement(node);

    private static void Set(JsonObject section, string path, JsonNode? value)
    {
        var parts = path.Replace("[0]", ".0", StringComparison.Ordinal).Split('.');
        JsonNode target = section;
        foreach (var part in parts[..^1])
        {
            target = int.TryParse(part, out var index) ? target[index]! : target[part]!;
        }

        target[parts[^1]] = value;
    }
}
