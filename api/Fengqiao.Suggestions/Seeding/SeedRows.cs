using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Suggestions.Diary;
using Fengqiao.Suggestions.Evaluation;
using Fengqiao.Suggestions.Handling;
using Fengqiao.Suggestions.Topics;

namespace Fengqiao.Suggestions.Seeding;

/// <summary>A seeded topic in the status it has reached, with the instants it reached each and, once concluded, its summary.</summary>
public sealed record SeedTopic(
    string Title,
    string Description,
    RegionSnapshot Region,
    UnitSnapshot Unit,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    SuggestionTopicStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? ConcludedAt,
    string? Summary);

/// <summary>
/// A seeded suggestion, on the topic at <see cref="TopicIndex"/> of the same load or unprompted; a screened one carries its outcome
/// and, for a duplicate, the index of the earlier suggestion it duplicates.
/// </summary>
public sealed record SeedSuggestion(
    int? TopicIndex,
    SuggestionChannel Channel,
    RegionSnapshot Region,
    string Title,
    string Content,
    string? Name,
    string? Phone,
    DateTimeOffset SubmittedAt,
    SuggestionStatus Status,
    string? ScreeningReason,
    int? DuplicateOfIndex,
    DateTimeOffset? ScreenedAt,
    SeedEvaluation? Evaluation = null);

/// <summary>A seeded department's evaluation: assigned with its deadline and, once answered, its decision and reply.</summary>
public sealed record SeedAnswer(UnitSnapshot Unit, DateOnly DueOn, DateTimeOffset AssignedAt, SuggestionOutcome? Outcome, string? Reply, DateTimeOffset? AnsweredAt);

/// <summary>
/// A seeded suggestion's evaluation: its departments and, once all answered, the outcome, perhaps the submitter's rating and, for
/// an adopted one, what was done and an award.
/// </summary>
public sealed record SeedEvaluation(
    IReadOnlyList<SeedAnswer> Answers,
    SuggestionOutcome? Outcome,
    DateTimeOffset? AnsweredAt,
    SuggestionRating? Rating,
    DateTimeOffset? RatedAt,
    string? Implementation = null,
    DateTimeOffset? ImplementedAt = null,
    string? Award = null,
    DateTimeOffset? AwardedAt = null);

/// <summary>What a seeded entry or matter became: a petition registered through intake by <see cref="Receiver"/>, or a suggestion.</summary>
/// <param name="Text">The petition's request, or the suggestion's title.</param>
public sealed record SeedDiaryConversion(DiaryConversion Kind, string Text, PetitionReceiver Receiver, DateTimeOffset At);

/// <summary>A seeded diary entry, logged by a cadre of its town; open unless a matter takes it or it was converted itself.</summary>
public sealed record SeedDiaryEntry(
    DiaryEntryKind Kind,
    string? Source,
    string Household,
    DateOnly VisitedOn,
    string Matter,
    string Category,
    RegionSnapshot Region,
    DateTimeOffset LoggedAt,
    string LoggedByName,
    SeedDiaryConversion? Conversion = null);

/// <summary>A seeded kind of matter over the entries at <see cref="EntryIndexes"/> of the same load (one village and category).</summary>
public sealed record SeedDiaryMatter(string Title, IReadOnlyList<int> EntryIndexes, DateTimeOffset CreatedAt, SeedDiaryConversion? Conversion);

/// <summary>How far a load has come: suggestions or diary entries stored, and all rows written (text keys, assignments included).</summary>
public sealed record SeedLoadProgress(int Loaded, long Rows, TimeSpan Elapsed);
