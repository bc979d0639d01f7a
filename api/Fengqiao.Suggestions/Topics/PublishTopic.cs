using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Topics;

/// <summary>Publishes a draft topic: the public sees it and, between its days, suggests on it. Needs If-Match.</summary>
internal sealed record PublishSuggestionTopic : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid TopicId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class PublishSuggestionTopicHandler(IDbSession session, TopicStore store, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<PublishSuggestionTopic, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(PublishSuggestionTopic command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.TopicId, command.ExpectedVersion, SuggestionTopicAction.Publish, cancellationToken);
        if (before.ClosesOn < store.Today)
        {
            throw new ConflictException("period_over", $"The topic closed on {before.ClosesOn:yyyy-MM-dd}; change its days before publishing it.");
        }

        var now = clock.GetUtcNow();
        await session.ExecuteVersionedAsync(TopicSql.Publish, new { before.Id, Now = now, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("suggestion_topic.published", "suggestion_topic", before.Id,
            new { before.Status, before.Version }, new { Status = SuggestionTopicStatus.Published, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class PublishSuggestionTopicEndpoint
{
    public static void Map(IEndpointRouteBuilder topics) =>
        topics.MapPost("/{id:guid}/publication", Handle)
            .WithName("PublishSuggestionTopic")
            .WithDescription("Publishes a draft topic: the public sees it and, between its days, suggests on it. If-Match carries the ETag read. 409 `period_over` when its closing day has passed, `invalid_state` when it is not a draft.")
            .ProducesETag()
            .WithSummary("Publishes a draft topic to the public; needs If-Match.")
            .RequireCapability(Capability.ManageSuggestionTopics)
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(new PublishSuggestionTopic { TopicId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
