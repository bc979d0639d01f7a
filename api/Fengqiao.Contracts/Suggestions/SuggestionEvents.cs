namespace Fengqiao.Contracts.Suggestions;

/// <summary>A suggestion arrived: from the public online, registered by staff from a letter or visit, or from a petition.</summary>
/// <param name="Channel">online, letter, visit, petition or diary.</param>
/// <param name="TopicId">The topic 议题 it answers; null for an unprompted suggestion.</param>
/// <param name="PetitionId">The petition it was opened from (channel petition).</param>
public sealed record SuggestionSubmitted(
    Guid EventId, DateTimeOffset OccurredAt, Guid SuggestionId, string Channel, Guid? TopicId, Guid RegionId, string RegionPath, Guid? PetitionId)
    : IIntegrationEvent;

/// <summary>A suggestion screened: valid for evaluation, a duplicate of another, or out of scope (the reason goes to the submitter).</summary>
/// <param name="Outcome">valid, duplicate or out_of_scope.</param>
public sealed record SuggestionScreened(
    Guid EventId, DateTimeOffset OccurredAt, Guid SuggestionId, string Outcome, Guid? DuplicateOfId, Guid RegionId, string RegionPath)
    : IIntegrationEvent;

/// <summary>Every department assigned a suggestion has answered: the suggestion's outcome is the most favourable of theirs.</summary>
/// <param name="Outcome">adopted, partly_adopted, kept_for_reference or not_adopted.</param>
/// <param name="Departments">How many departments answered.</param>
public sealed record SuggestionAnswered(
    Guid EventId, DateTimeOffset OccurredAt, Guid SuggestionId, string Outcome, int Departments, Guid RegionId, string RegionPath)
    : IIntegrationEvent;

/// <summary>The submitter rated the replies to their suggestion through its tracking code.</summary>
/// <param name="Rating">satisfied, basically_satisfied or dissatisfied.</param>
/// <param name="Outcome">The suggestion's outcome the rating is about.</param>
public sealed record SuggestionRated(
    Guid EventId, DateTimeOffset OccurredAt, Guid SuggestionId, string Rating, string Outcome, Guid RegionId, string RegionPath)
    : IIntegrationEvent;

/// <summary>An adopted (or partly adopted) suggestion was carried out and its outcome published.</summary>
/// <param name="Outcome">adopted or partly_adopted.</param>
/// <param name="AnsweredAt">When the departments' answer adopted it.</param>
public sealed record SuggestionImplemented(
    Guid EventId, DateTimeOffset OccurredAt, Guid SuggestionId, string Outcome, DateTimeOffset? AnsweredAt, Guid RegionId, string RegionPath)
    : IIntegrationEvent;

/// <summary>A cadre logged a household visit or a 民情微群 message in the people's-sentiment diary 民情日记.</summary>
/// <param name="Kind">visit or group_message.</param>
/// <param name="Category">A petition category code.</param>
public sealed record DiaryEntryLogged(
    Guid EventId, DateTimeOffset OccurredAt, Guid EntryId, string Kind, string Category, DateOnly VisitedOn, Guid RegionId, string RegionPath)
    : IIntegrationEvent;

/// <summary>Similar diary entries of one village were grouped into one kind of matter 同类事项.</summary>
public sealed record DiaryMatterRaised(
    Guid EventId, DateTimeOffset OccurredAt, Guid MatterId, string Category, int Entries, int Households, Guid RegionId, string RegionPath)
    : IIntegrationEvent;
