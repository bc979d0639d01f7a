using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.Contracts.Organization;
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

/// <summary>
/// The suggestions module's one seam for demo data: stores topics and suggestions with this module's statements in one unit of
/// work, the submitters' phones protected as any submitter's. Suggestion events are not published for seeded rows.
/// </summary>
public sealed class SuggestionsSeeding(IDbSession session, UnitOfWork unitOfWork, PersonalDataProtector protector)
{
    public async Task<bool> AnyTopicAsync(CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(SeedingSql.AnyTopic, null, cancellationToken) > 0;

    public async Task LoadAsync(IReadOnlyList<SeedTopic> topics, IReadOnlyList<SeedSuggestion> suggestions, CancellationToken cancellationToken) =>
        await unitOfWork.ExecuteAsync(async token =>
        {
            var topicIds = new List<Guid>();
            foreach (var topic in topics)
            {
                topicIds.Add(await InsertTopicAsync(topic, token));
            }

            var suggestionIds = new List<Guid>();
            foreach (var suggestion in suggestions)
            {
                suggestionIds.Add(await InsertSuggestionAsync(suggestion, topics, topicIds, suggestionIds, token));
            }

            return suggestionIds.Count;
        }, cancellationToken);

    private async Task<Guid> InsertTopicAsync(SeedTopic topic, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(topic.CreatedAt);
        await session.ExecuteAsync(
            TopicSql.Insert,
            new
            {
                Id = id,
                Status = topic.Status.ToString(),
                topic.Title,
                topic.Description,
                RegionId = topic.Region.Id,
                RegionPath = topic.Region.Path,
                RegionName = topic.Region.Name,
                UnitId = topic.Unit.Id,
                UnitName = topic.Unit.Name,
                topic.OpensOn,
                topic.ClosesOn,
                topic.Summary,
                CreatedBy = (Guid?)null,
                topic.CreatedAt,
                topic.PublishedAt,
                topic.ClosedAt,
                topic.ConcludedAt,
                Version = 1L,
            },
            cancellationToken);
        return id;
    }

    private async Task<Guid> InsertSuggestionAsync(
        SeedSuggestion suggestion, IReadOnlyList<SeedTopic> topics, List<Guid> topicIds, List<Guid> earlier, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(suggestion.SubmittedAt);
        var (code, _, secretHash) = TrackingSecrets.New(SuggestionWriter.CodePrefix);
        await session.ExecuteAsync(
            SuggestionSql.Insert,
            new
            {
                Id = id,
                TrackingCode = code,
                TrackingSecretHash = secretHash,
                Status = suggestion.Status.ToString(),
                Channel = suggestion.Channel.ToString(),
                TopicId = suggestion.TopicIndex is { } topic ? topicIds[topic] : (Guid?)null,
                TopicTitle = suggestion.TopicIndex is { } titled ? topics[titled].Title : null,
                suggestion.Title,
                suggestion.Content,
                RegionId = suggestion.Region.Id,
                RegionPath = suggestion.Region.Path,
                RegionName = suggestion.Region.Name,
                SubmitterName = suggestion.Name,
                PhoneCipher = suggestion.Phone is null ? null : protector.Encrypt(suggestion.Phone),
                PhoneHash = suggestion.Phone is null ? null : protector.Hash(suggestion.Phone),
                PhoneMasked = suggestion.Phone is null ? null : PersonalDataProtector.MaskPhone(suggestion.Phone),
                PetitionId = (Guid?)null,
                PetitionNumber = (string?)null,
                suggestion.ScreeningReason,
                DuplicateOfId = suggestion.DuplicateOfIndex is { } original ? earlier[original] : (Guid?)null,
                ScreenedBy = (Guid?)null,
                suggestion.ScreenedAt,
                RegisteredBy = (Guid?)null,
                suggestion.SubmittedAt,
            },
            cancellationToken);
        await SimilarSuggestions.IndexAsync(session, id, SimilarSuggestions.TextOf(suggestion.Title, suggestion.Content), suggestion.Region.Path, suggestion.SubmittedAt,
            cancellationToken);
        if (suggestion.Evaluation is { } evaluation)
        {
            await InsertEvaluationAsync(id, evaluation, cancellationToken);
        }

        return id;
    }

    private async Task InsertEvaluationAsync(Guid suggestionId, SeedEvaluation evaluation, CancellationToken cancellationToken)
    {
        foreach (var answer in evaluation.Answers)
        {
            await session.ExecuteAsync(
                AssignmentSql.Insert,
                new
                {
                    Id = Guid.CreateVersion7(answer.AssignedAt), SuggestionId = suggestionId, UnitId = answer.Unit.Id, UnitName = answer.Unit.Name, answer.DueOn,
                    AssignedBy = (Guid?)null, answer.AssignedAt,
                },
                cancellationToken);
            if (answer.Outcome is { } outcome)
            {
                await session.ExecuteAsync(
                    AssignmentSql.Answer,
                    new { SuggestionId = suggestionId, UnitId = answer.Unit.Id, Outcome = outcome.ToString(), answer.Reply, AnsweredBy = (Guid?)null, Now = answer.AnsweredAt },
                    cancellationToken);
            }
        }

        await session.ExecuteAsync(
            SeedingSql.Evaluated,
            new
            {
                Id = suggestionId, Outcome = evaluation.Outcome?.ToString(), evaluation.AnsweredAt, Rating = evaluation.Rating?.ToString(), evaluation.RatedAt,
                evaluation.Implementation, evaluation.ImplementedAt, evaluation.Award, evaluation.AwardedAt,
            },
            cancellationToken);
    }
}

internal static class SeedingSql
{
    public const string AnyTopic = "SELECT COUNT(*) FROM suggestions_topics";

    public const string Evaluated = """
        UPDATE suggestions_suggestions
        SET outcome = @Outcome, answered_at = @AnsweredAt, rating = @Rating, rated_at = @RatedAt,
            implementation = @Implementation, implemented_at = @ImplementedAt, award = @Award, awarded_at = @AwardedAt
        WHERE id = @Id
        """;
}
