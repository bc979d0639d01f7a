using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Topics;

/// <summary>Concludes a closed topic with the summary of what was adopted, published with it. Needs If-Match.</summary>
internal sealed record ConcludeSuggestionTopic(string Summary) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid TopicId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class ConcludeSuggestionTopicValidator : AbstractValidator<ConcludeSuggestionTopic>
{
    public ConcludeSuggestionTopicValidator() => RuleFor(c => c.Summary).NotEmpty().MaximumLength(8000);
}

internal sealed class ConcludeSuggestionTopicHandler(IDbSession session, TopicStore store, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<ConcludeSuggestionTopic, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ConcludeSuggestionTopic command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.TopicId, command.ExpectedVersion, SuggestionTopicAction.Conclude, cancellationToken);
        await session.ExecuteVersionedAsync(
            TopicSql.Conclude,
            new { before.Id, Summary = command.Summary.Trim(), Now = clock.GetUtcNow(), command.ExpectedVersion },
            command.ExpectedVersion,
            cancellationToken);
        audit.Record(new AuditEntry("suggestion_topic.concluded", "suggestion_topic", before.Id,
            new { before.Status, before.Version }, new { Status = SuggestionTopicStatus.Concluded, command.Summary, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class ConcludeSuggestionTopicEndpoint
{
    public static void Map(IEndpointRouteBuilder topics) =>
        topics.MapPost("/{id:guid}/conclusion", Handle)
            .WithName("ConcludeSuggestionTopic")
            .WithDescription("Concludes a closed topic with the summary of what was adopted, published with it on the public page. If-Match carries the ETag read. 400 without a summary; 409 `invalid_state` when it is not closed.")
            .ProducesETag()
            .WithSummary("Concludes a closed topic with the published summary of what was adopted; needs If-Match.")
            .RequireCapability(Capability.ManageSuggestionTopics)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, ConcludeSuggestionTopic request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { TopicId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
