using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;

namespace Fengqiao.Suggestions.Topics;

/// <summary>Where a topic 议题 stands; serialised in snake_case.</summary>
public enum SuggestionTopicStatus
{
    /// <summary>Being written; only staff see it.</summary>
    Draft,

    /// <summary>Listed publicly and taking suggestions between its open and close dates.</summary>
    Published,

    /// <summary>Still listed publicly, no longer taking suggestions; what was adopted is being weighed.</summary>
    Closed,

    /// <summary>Finished, with a published summary of what was adopted.</summary>
    Concluded,
}

/// <summary>What may be done to a topic; serialised in snake_case in a topic's <c>allowedActions</c>.</summary>
public enum SuggestionTopicAction
{
    /// <summary>Change the title, description, region, responsible unit or dates.</summary>
    Change,
    Publish,
    Close,

    /// <summary>Publish the summary of what was adopted.</summary>
    Conclude,
}

/// <summary>
/// The topic's state machine: draft → published → closed → concluded. A draft or a published topic may still be changed (a
/// published one to correct or extend it); a closed or concluded one is history. Pure: the handlers refuse through
/// <see cref="After"/> and a topic's <c>allowedActions</c> answer <see cref="Allowed"/>.
/// </summary>
public static class TopicLifecycle
{
    /// <summary>The status <paramref name="action"/> leads to from <paramref name="status"/>, or null when it may not be taken there.</summary>
    public static SuggestionTopicStatus? TryAfter(SuggestionTopicStatus status, SuggestionTopicAction action) => (status, action) switch
    {
        (SuggestionTopicStatus.Draft, SuggestionTopicAction.Change) => SuggestionTopicStatus.Draft,
        (SuggestionTopicStatus.Published, SuggestionTopicAction.Change) => SuggestionTopicStatus.Published,
        (SuggestionTopicStatus.Draft, SuggestionTopicAction.Publish) => SuggestionTopicStatus.Published,
        (SuggestionTopicStatus.Published, SuggestionTopicAction.Close) => SuggestionTopicStatus.Closed,
        (SuggestionTopicStatus.Closed, SuggestionTopicAction.Conclude) => SuggestionTopicStatus.Concluded,
        _ => null,
    };

    /// <summary>The status after <paramref name="action"/>; 409 <c>invalid_state</c> when the topic's status does not allow it.</summary>
    public static SuggestionTopicStatus After(SuggestionTopicStatus status, SuggestionTopicAction action) =>
        TryAfter(status, action)
        ?? throw new ConflictException("invalid_state", $"The topic is {status.ToSnakeCase()}; it cannot be {Verb(action)} now.");

    /// <summary>The actions the status allows, in the enum's order.</summary>
    public static IReadOnlyList<SuggestionTopicAction> Allowed(SuggestionTopicStatus status) =>
        Enum.GetValues<SuggestionTopicAction>().Where(action => TryAfter(status, action) is not null).ToList();

    /// <summary>Whether the public sees the topic: every topic once published, a draft never.</summary>
    public static bool IsPublic(SuggestionTopicStatus status) => status != SuggestionTopicStatus.Draft;

    /// <summary>Whether the topic takes suggestions on <paramref name="today"/>: published and within its dates.</summary>
    public static bool TakesSuggestions(SuggestionTopicStatus status, DateOnly opensOn, DateOnly closesOn, DateOnly today) =>
        status == SuggestionTopicStatus.Published && opensOn <= today && today <= closesOn;

    private static string Verb(SuggestionTopicAction action) => action switch
    {
        SuggestionTopicAction.Change => "changed",
        SuggestionTopicAction.Publish => "published",
        SuggestionTopicAction.Close => "closed",
        _ => "concluded",
    };
}
