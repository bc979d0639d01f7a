using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Topics;

/// <summary>Closes a published topic: it stays listed publicly but takes no more suggestions. Needs If-Match.</summary>
internal sealed record CloseSuggestionTopic : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid TopicId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class CloseSuggestionTopicHandler(IDbSession session, TopicStore store, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<CloseSuggestionTopic, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(CloseSuggestionTopic command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.TopicId, command.ExpectedVersion, SuggestionTopicAction.Close, cancellationToken);
        await session.ExecuteVersionedAsync(TopicSql.Close, new { before.Id, Now = clock.GetUtcNow(), command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("suggestion_topic.closed", "suggestion_topic", before.Id,
            new { before.Status, before.Version }, new { Status = SuggestionTopicStatus.Closed, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class CloseSuggestionTopicEndpoint
{
    public static void Map(IEndpointRouteBuilder topics) =>
        topics.MapPost("/{id:guid}/closing", Handle)
            .WithName("CloseSuggestionTopic")
            .WithDescription("Closes a published topic to new suggestions; it stays listed publicly. If-Match carries the ETag read. 409 `invalid_state` when it is not published.")
            .ProducesETag()
            .WithSummary("Closes a published topic to new suggestions; it stays public. Needs If-Match.")
            .RequireCapability(Capability.ManageSuggestionTopics)
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(new CloseSuggestionTopic { TopicId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
