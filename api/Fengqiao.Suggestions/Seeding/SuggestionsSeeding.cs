using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Organization;
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

/// <summary>The suggestions module's one seam for demo data: stores topics with this module's statements in one unit of work.</summary>
public sealed class SuggestionsSeeding(IDbSession session, UnitOfWork unitOfWork)
{
    public async Task<bool> AnyTopicAsync(CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(SeedingSql.AnyTopic, null, cancellationToken) > 0;

    public async Task LoadTopicsAsync(IReadOnlyList<SeedTopic> topics, CancellationToken cancellationToken) =>
        await unitOfWork.ExecuteAsync(async token =>
        {
            foreach (var topic in topics)
            {
                await session.ExecuteAsync(
                    TopicSql.Insert,
                    new
                    {
                        Id = Guid.CreateVersion7(topic.CreatedAt),
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
                    token);
            }

            return topics.Count;
        }, cancellationToken);
}

internal static class SeedingSql
{
    public const string AnyTopic = "SELECT COUNT(*) FROM suggestions_topics";
}
