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

/// <summary>Changes a draft or published topic's text, region, responsible unit or days. Needs If-Match.</summary>
internal sealed record UpdateSuggestionTopic(string Title, string Description, Guid RegionId, Guid UnitId, DateOnly OpensOn, DateOnly ClosesOn)
    : ICommand<EntityVersion>, ITopicFields
{
    [JsonIgnore]
    public Guid TopicId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class UpdateSuggestionTopicValidator : TopicFieldsValidator<UpdateSuggestionTopic>;

internal sealed class UpdateSuggestionTopicHandler(IDbSession session, TopicStore store, IAuditLog audit) : ICommandHandler<UpdateSuggestionTopic, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(UpdateSuggestionTopic command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.TopicId, command.ExpectedVersion, SuggestionTopicAction.Change, cancellationToken);
        var place = await store.PlaceAsync(command.RegionId, command.UnitId, cancellationToken);
        await session.ExecuteVersionedAsync(
            TopicSql.Update,
            new
            {
                before.Id,
                Title = command.Title.Trim(),
                Description = command.Description.Trim(),
                RegionId = place.Region.Id,
                RegionPath = place.Region.Path,
                RegionName = place.Region.Name,
                UnitId = place.Unit.Id,
                UnitName = place.Unit.Name,
                command.OpensOn,
                command.ClosesOn,
                command.ExpectedVersion,
            },
            command.ExpectedVersion,
            cancellationToken);
        audit.Record(new AuditEntry("suggestion_topic.changed", "suggestion_topic", before.Id,
            new { before.Title, before.RegionId, before.UnitId, before.OpensOn, before.ClosesOn, before.Version },
            new { command.Title, RegionId = place.Region.Id, UnitId = place.Unit.Id, command.OpensOn, command.ClosesOn, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class UpdateSuggestionTopicEndpoint
{
    public static void Map(IEndpointRouteBuilder topics) =>
        topics.MapPut("/{id:guid}", Handle)
            .WithName("UpdateSuggestionTopic")
            .WithDescription("Changes a draft or published topic's text, region, responsible unit or days; If-Match carries the ETag read. 409 `invalid_state` once it is closed or concluded.")
            .ProducesETag()
            .WithSummary("Changes a draft or published topic's text, region, responsible unit or days; needs If-Match.")
            .RequireCapability(Capability.ManageSuggestionTopics)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, UpdateSuggestionTopic request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { TopicId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
