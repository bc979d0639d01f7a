using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Suggestions.Topics;

namespace Fengqiao.Tests.Unit;

public sealed class TopicLifecycleTests
{
    /// <summary>Every valid transition, written out: (from, action) → to.</summary>
    private static readonly Dictionary<(SuggestionTopicStatus, SuggestionTopicAction), SuggestionTopicStatus> Valid = new()
    {
        [(SuggestionTopicStatus.Draft, SuggestionTopicAction.Change)] = SuggestionTopicStatus.Draft,
        [(SuggestionTopicStatus.Draft, SuggestionTopicAction.Publish)] = SuggestionTopicStatus.Published,
        [(SuggestionTopicStatus.Published, SuggestionTopicAction.Change)] = SuggestionTopicStatus.Published,
        [(SuggestionTopicStatus.Published, SuggestionTopicAction.Close)] = SuggestionTopicStatus.Closed,
        [(SuggestionTopicStatus.Closed, SuggestionTopicAction.Conclude)] = SuggestionTopicStatus.Concluded,
    };

    private static IEnumerable<TestCaseData> AllPairs() =>
        from status in Enum.GetValues<SuggestionTopicStatus>()
        from action in Enum.GetValues<SuggestionTopicAction>()
        select new TestCaseData(status, action).SetName($"{status} + {action}");

    [TestCaseSource(nameof(AllPairs))]
    public void After_FollowsTheTable_AndRefusesEverythingElseNamingTheStatus(SuggestionTopicStatus status, SuggestionTopicAction action)
    {
        if (Valid.TryGetValue((status, action), out var expected))
        {
            Assert.That(TopicLifecycle.After(status, action), Is.EqualTo(expected));
            Assert.That(TopicLifecycle.Allowed(status), Does.Contain(action));
            return;
        }

        var refused = Assert.Throws<ConflictException>(() => TopicLifecycle.After(status, action))!;
        Assert.That(refused.Code, Is.EqualTo("invalid_state"));
        Assert.That(refused.Message, Does.Contain(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString())));
        Assert.That(TopicLifecycle.TryAfter(status, action), Is.Null);
        Assert.That(TopicLifecycle.Allowed(status), Does.Not.Contain(action));
    }

    [Test]
    public void AConcludedTopic_AllowsNothing_AndOnlyADraftIsHidden()
    {
        Assert.That(TopicLifecycle.Allowed(SuggestionTopicStatus.Concluded), Is.Empty);
        Assert.That(Enum.GetValues<SuggestionTopicStatus>().Where(s => !TopicLifecycle.IsPublic(s)), Is.EqualTo(new[] { SuggestionTopicStatus.Draft }));
    }

    private static readonly DateOnly Opens = new(2026, 3, 1);
    private static readonly DateOnly Closes = new(2026, 3, 31);

    [TestCase(SuggestionTopicStatus.Published, "2026-03-01", true, TestName = "Published, on the opening day: takes suggestions")]
    [TestCase(SuggestionTopicStatus.Published, "2026-03-31", true, TestName = "Published, on the closing day: takes suggestions")]
    [TestCase(SuggestionTopicStatus.Published, "2026-02-28", false, TestName = "Published, the day before opening: not yet")]
    [TestCase(SuggestionTopicStatus.Published, "2026-04-01", false, TestName = "Published, the day after closing: no longer")]
    [TestCase(SuggestionTopicStatus.Draft, "2026-03-15", false, TestName = "Draft within its days: not public, takes none")]
    [TestCase(SuggestionTopicStatus.Closed, "2026-03-15", false, TestName = "Closed early within its days: takes none")]
    [TestCase(SuggestionTopicStatus.Concluded, "2026-03-15", false, TestName = "Concluded: takes none")]
    public void TakesSuggestions_OnlyWhenPublishedAndWithinItsDays(SuggestionTopicStatus status, string today, bool expected)
    {
        Assert.That(TopicLifecycle.TakesSuggestions(status, Opens, Closes, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected));
    }
}
