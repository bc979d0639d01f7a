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

    [TestCaseSource(nameof(Statuses))]
    public void Answer_IsRecordedOnlyWhileWithTheDepartments(SuggestionStatus status)
    {
        Assert.That(SuggestionLifecycle.CanAnswer(status), Is.EqualTo(status == SuggestionStatus.Assigned));
        Assert.That(SuggestionLifecycle.Allowed(status).Contains(SuggestionAction.Answer), Is.EqualTo(status == SuggestionStatus.Assigned));
        if (status != SuggestionStatus.Assigned)
        {
            Assert.That(Assert.Throws<ConflictException>(() => SuggestionLifecycle.Answer(status))!.Code, Is.EqualTo("invalid_state"));
        }
    }

    [TestCase(new[] { SuggestionOutcome.NotAdopted, SuggestionOutcome.PartlyAdopted }, SuggestionOutcome.PartlyAdopted)]
    [TestCase(new[] { SuggestionOutcome.KeptForReference, SuggestionOutcome.Adopted, SuggestionOutcome.NotAdopted }, SuggestionOutcome.Adopted)]
    [TestCase(new[] { SuggestionOutcome.NotAdopted }, SuggestionOutcome.NotAdopted)]
    [TestCase(new[] { SuggestionOutcome.NotAdopted, SuggestionOutcome.KeptForReference }, SuggestionOutcome.KeptForReference)]
    public void TheSuggestionsOutcome_IsTheMostFavourableDepartments(SuggestionOutcome[] departments, SuggestionOutcome expected) =>
        Assert.That(SuggestionLifecycle.Overall(departments), Is.EqualTo(expected));

    [TestCase(SuggestionStatus.Answered, SuggestionOutcome.Adopted, true)]
    [TestCase(SuggestionStatus.Answered, SuggestionOutcome.PartlyAdopted, true)]
    [TestCase(SuggestionStatus.Answered, SuggestionOutcome.KeptForReference, false)]
    [TestCase(SuggestionStatus.Answered, SuggestionOutcome.NotAdopted, false)]
    [TestCase(SuggestionStatus.Implemented, SuggestionOutcome.Adopted, false)]
    [TestCase(SuggestionStatus.Assigned, null, false)]
    public void OnlyAnAnsweredAdoptedSuggestion_IsImplemented(SuggestionStatus status, SuggestionOutcome? outcome, bool implementable)
    {
        Assert.That(SuggestionLifecycle.CanImplement(status, outcome), Is.EqualTo(implementable));
        Assert.That(SuggestionLifecycle.Allowed(status, outcome).Contains(SuggestionAction.Implement), Is.EqualTo(implementable));
        if (implementable)
        {
            Assert.That(SuggestionLifecycle.Implement(status, outcome), Is.EqualTo(SuggestionStatus.Implemented));
        }
        else
        {
            Assert.That(Assert.Throws<ConflictException>(() => SuggestionLifecycle.Implement(status, outcome))!.Code, Is.EqualTo("invalid_state"));
        }
    }

    [TestCase(SuggestionStatus.Answered, SuggestionOutcome.PartlyAdopted, false, true)]
    [TestCase(SuggestionStatus.Implemented, SuggestionOutcome.Adopted, false, true)]
    [TestCase(SuggestionStatus.Implemented, SuggestionOutcome.Adopted, true, false)]
    [TestCase(SuggestionStatus.Answered, SuggestionOutcome.KeptForReference, false, false)]
    [TestCase(SuggestionStatus.Valid, null, false, false)]
    public void OnlyAnAdoptedSuggestion_IsAwarded_Once(SuggestionStatus status, SuggestionOutcome? outcome, bool awarded, bool awardable) =>
        Assert.That(SuggestionLifecycle.Allowed(status, outcome, awarded).Contains(SuggestionAction.Award), Is.EqualTo(awardable));

    [TestCase(SuggestionStatus.Answered, null, true)]
    [TestCase(SuggestionStatus.Implemented, null, true)]
    [TestCase(SuggestionStatus.Answered, SuggestionRating.Satisfied, false)]
    [TestCase(SuggestionStatus.Assigned, null, false)]
    [TestCase(SuggestionStatus.OutOfScope, null, false)]
    public void TheSubmitterRates_OnceTheSuggestionIsAnswered(SuggestionStatus status, SuggestionRating? rating, bool rateable) =>
        Assert.That(SuggestionLifecycle.CanRate(status, rating), Is.EqualTo(rateable));
}
