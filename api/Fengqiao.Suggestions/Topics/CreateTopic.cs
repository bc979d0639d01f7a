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

/// <summary>
/// Drafts a topic 议题: what the public is asked about, the region it concerns, the unit that answers for the suggestions and
/// the days (local, inclusive) it takes them on. Published separately.
/// </summary>
internal sealed record CreateSuggestionTopic(string Title, string Description, Guid RegionId, Guid UnitId, DateOnly OpensOn, DateOnly ClosesOn)
    : ICommand<EntityVersion>, ITopicFields;

internal sealed class CreateSuggestionTopicValidator : TopicFieldsValidator<CreateSuggestionTopic>;

internal sealed class CreateSuggestionTopicHandler(IDbSession session, ICurrentUser caller, TopicStore store, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateSuggestionTopic, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(CreateSuggestionTopic command, CancellationToken cancellationToken)
    {
        var place = await store.PlaceAsync(command.RegionId, command.UnitId, cancellationToken);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await session.ExecuteAsync(
            TopicSql.Insert,
            new
            {
                Id = id,
                Status = nameof(SuggestionTopicStatus.Draft),
                Title = command.Title.Trim(),
                Description = command.Description.Trim(),
                RegionId = place.Region.Id,
                RegionPath = place.Region.Path,
                RegionName = place.Region.Name,
                UnitId = place.Unit.Id,
                UnitName = place.Unit.Name,
                command.OpensOn,
                command.ClosesOn,
                Summary = (string?)null,
                CreatedBy = caller.UserId,
                CreatedAt = now,
                PublishedAt = (DateTimeOffset?)null,
                ClosedAt = (DateTimeOffset?)null,
                ConcludedAt = (DateTimeOffset?)null,
                Version = 1L,
            },
            cancellationToken);
        audit.Record(new AuditEntry("suggestion_topic.created", "suggestion_topic", id, After: new
        {
            command.Title, RegionId = place.Region.Id, UnitId = place.Unit.Id, command.OpensOn, command.ClosesOn,
        }));
        return new EntityVersion(id, 1);
    }
}

internal static class CreateSuggestionTopicEndpoint
{
    public static void Map(IEndpointRouteBuilder topics) =>
        topics.MapPost("/", Handle)
            .WithName("CreateSuggestionTopic")
            .WithDescription("Drafts a topic (议题) the public will be asked about: its title and description, the region it concerns, the unit that answers for the suggestions, and the days (local, inclusive) it takes them on. It is published separately. 400 names the field, a region or unit outside the jurisdiction among them.")
            .ProducesETag()
            .WithSummary("Drafts a topic on which the public is asked for suggestions: region, responsible unit, open and close days.")
            .RequireCapability(Capability.ManageSuggestionTopics)
            .WithIdempotency()
            .ProducesValidationProblem();

    private static async Task<Created<EntityVersion>> Handle(CreateSuggestionTopic request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/suggestion-topics/{created.Id}", created);
    }
}
