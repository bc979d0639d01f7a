using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Suggestions.Handling;

namespace Fengqiao.Tests.Unit;

public sealed class SuggestionLifecycleTests
{
    /// <summary>Every valid screening, written out: (from, outcome) → to.</summary>
    private static readonly Dictionary<(SuggestionStatus, ScreeningOutcome), SuggestionStatus> Valid = new()
    {
        [(SuggestionStatus.Submitted, ScreeningOutcome.Valid)] = SuggestionStatus.Valid,
        [(SuggestionStatus.Submitted, ScreeningOutcome.Duplicate)] = SuggestionStatus.Duplicate,
        [(SuggestionStatus.Submitted, ScreeningOutcome.OutOfScope)] = SuggestionStatus.OutOfScope,
    };

    private static IEnumerable<TestCaseData> AllPairs() =>
        from status in Enum.GetValues<SuggestionStatus>()
        from outcome in Enum.GetValues<ScreeningOutcome>()
        select new TestCaseData(status, outcome).SetName($"{status} + screen {outcome}");

    [TestCaseSource(nameof(AllPairs))]
    public void Screen_FollowsTheTable_AndRefusesEverythingElseNamingTheStatus(SuggestionStatus status, ScreeningOutcome outcome)
    {
        if (Valid.TryGetValue((status, outcome), out var expected))
        {
            Assert.That(SuggestionLifecycle.Screen(status, outcome), Is.EqualTo(expected));
            Assert.That(SuggestionLifecycle.Allowed(status), Does.Contain(SuggestionAction.Screen));
            return;
        }

        var refused = Assert.Throws<ConflictException>(() => SuggestionLifecycle.Screen(status, outcome))!;
        Assert.That(refused.Code, Is.EqualTo("invalid_state"));
        Assert.That(refused.Message, Does.Contain(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString())));
        Assert.That(SuggestionLifecycle.TryScreen(status, outcome), Is.Null);
        Assert.That(SuggestionLifecycle.Allowed(status), Does.Not.Contain(SuggestionAction.Screen));
    }

    [TestCaseSource(nameof(Statuses))]
    public void Assign_TakesOnlyAValidSuggestion_ToAssigned(SuggestionStatus status)
    {
        if (status == SuggestionStatus.Valid)
        {
            Assert.That(SuggestionLifecycle.Assign(status), Is.EqualTo(SuggestionStatus.Assigned));
            Assert.That(SuggestionLifecycle.Allowed(status), Does.Contain(SuggestionAction.Assign));
            return;
        }

        var refused = Assert.Throws<ConflictException>(() => SuggestionLifecycle.Assign(status))!;
        Assert.That(refused.Code, Is.EqualTo("invalid_state"));
        Assert.That(SuggestionLifecycle.TryAssign(status), Is.Null);
        Assert.That(SuggestionLifecycle.Allowed(status), Does.Not.Contain(SuggestionAction.Assign));
    }

    [TestCaseSource(nameof(Statuses))]
    public void RevealingTheSubmitter_DoesNotDependOnTheStatus(SuggestionStatus status) =>
        Assert.That(SuggestionLifecycle.Allowed(status), Does.Contain(SuggestionAction.RevealSubmitter));

    private static IEnumerable<SuggestionStatus> Statuses() => Enum.GetValues<SuggestionStatus>();

    [TestCase(ScreeningOutcome.Valid, false)]
    [TestCase(ScreeningOutcome.Duplicate, true)]
    [TestCase(ScreeningOutcome.OutOfScope, true)]
    public void OnlyAValidSuggestion_IsScreenedWithoutAReason(ScreeningOutcome outcome, bool needsReason) =>
        Assert.That(SuggestionLifecycle.NeedsReason(outcome), Is.EqualTo(needsReason));

    [TestCase("建议在小区增设充电桩\n具体位置见附件", "FQ-1", "建议在小区增设充电桩")]
    [TestCase("   ", "越城-2026-000123", "越城-2026-000123")]
    public void APetitionsSuggestion_IsTitledByItsFirstLine_OrItsNumber(string text, string number, string expected) =>
        Assert.That(OpenSuggestionFromPetition.TitleOf(text, number), Is.EqualTo(expected));

    [Test]
    public void APetitionsLongFirstLine_IsCutWithAnEllipsis()
    {
        var title = OpenSuggestionFromPetition.TitleOf(new string('长', 100), "N");
        Assert.That(title, Has.Length.EqualTo(OpenSuggestionFromPetition.TitleLength + 1).And.EndsWith("…"));
    }
}
