using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Topics;

internal sealed record SuggestionTopicDetail(
    Guid Id,
    SuggestionTopicStatus Status,
    string Title,
    string Description,
    Guid RegionId,
    string RegionName,
    Guid UnitId,
    string UnitName,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    bool TakesSuggestions,
    string? Summary,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? ConcludedAt,
    IReadOnlyList<SuggestionTopicAction> AllowedActions,
    long Version);

internal sealed record GetSuggestionTopic(Guid Id) : IQuery<SuggestionTopicDetail>;

internal sealed class GetSuggestionTopicHandler(TopicStore store, ICurrentUser caller) : IQueryHandler<GetSuggestionTopic, SuggestionTopicDetail>
{
    public async ValueTask<SuggestionTopicDetail> Handle(GetSuggestionTopic query, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(query.Id, cancellationToken);
        var allowed = Capabilities.Holds(caller, Capability.ManageSuggestionTopics) ? TopicLifecycle.Allowed(row.Status) : [];
        return new SuggestionTopicDetail(row.Id, row.Status, row.Title, row.Description, row.RegionId, row.RegionName, row.UnitId, row.UnitName, row.OpensOn, row.ClosesOn,
            TopicLifecycle.TakesSuggestions(row.Status, row.OpensOn, row.ClosesOn, store.Today), row.Summary, row.CreatedAt, row.PublishedAt, row.ClosedAt, row.ConcludedAt,
            allowed, row.Version);
    }
}

internal static class GetSuggestionTopicEndpoint
{
    public static void Map(IEndpointRouteBuilder topics) =>
        topics.MapGet("/{id:guid}", Handle)
            .WithName("GetSuggestionTopic")
            .WithDescription("One topic of the caller's jurisdiction with its counts and `allowedActions` (edit, publish, close, conclude), and the ETag for changing it. 404 when it does not exist or lies outside the caller's jurisdiction.")
            .ProducesETag()
            .WithSummary("A topic of the caller's jurisdiction with what the caller may do to it.")
            .RequireCapability(Capability.ViewSuggestions)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<SuggestionTopicDetail>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var topic = await sender.Send(new GetSuggestionTopic(id), cancellationToken);
        Versioning.SetETag(context, topic.Version);
        return TypedResults.Ok(topic);
    }
}
