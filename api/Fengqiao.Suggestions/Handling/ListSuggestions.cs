using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using Fengqiao.Suggestions.Topics;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Handling;

internal sealed record SuggestionListItem
{
    public required Guid Id { get; init; }

    public required string TrackingCode { get; init; }

    public required SuggestionStatus Status { get; init; }

    public required SuggestionChannel Channel { get; init; }

    public required Guid? TopicId { get; init; }

    public required string? TopicTitle { get; init; }

    public required string Title { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required string? PetitionNumber { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required long Version { get; init; }
}

internal sealed record SuggestionCursor(DateTimeOffset S, Guid I);

/// <summary>The worklist: the suggestions of the caller's jurisdiction, newest first, by status, channel, topic and region.</summary>
internal sealed record ListSuggestions(SuggestionStatus? Status, SuggestionChannel? Channel, Guid? TopicId, Guid? RegionId, string? Cursor, int? Limit)
    : IQuery<Page<SuggestionListItem>>;

internal sealed class ListSuggestionsValidator : AbstractValidator<ListSuggestions>
{
    public ListSuggestionsValidator() => RuleFor(q => q.Limit).ValidLimit();
}

internal sealed class ListSuggestionsHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory) : IQueryHandler<ListSuggestions, Page<SuggestionListItem>>
{
    public async ValueTask<Page<SuggestionListItem>> Handle(ListSuggestions query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? BuildingBlocks.Http.Cursor.DefaultLimit;
        var after = BuildingBlocks.Http.Cursor.Decode<SuggestionCursor>(query.Cursor);
        var rows = await session.QueryInJurisdictionAsync<SuggestionListItem>(
            caller,
            SuggestionSql.List(session.Dialect)[SuggestionSql.ListKey(Jurisdiction.LevelOf(caller) ?? RegionLevel.City, after is not null, query.Status is not null)],
            new
            {
                RegionPrefix = await ListSuggestionTopicsHandler.RegionPrefixAsync(directory, query.RegionId, cancellationToken),
                Status = query.Status?.ToString(),
                Channel = query.Channel?.ToString(),
                query.TopicId,
                Limit = limit + 1,
                AfterSubmittedAt = after?.S,
                AfterId = after?.I,
            },
            cancellationToken);
        return BuildingBlocks.Http.Cursor.ToPage(rows, limit, r => new SuggestionCursor(r.SubmittedAt, r.Id));
    }
}

internal static class ListSuggestionsEndpoint
{
    public static void Map(IEndpointRouteBuilder suggestions) =>
        suggestions.MapGet("/", Handle)
            .WithName("ListSuggestions")
            .WithDescription("The suggestion worklist of the caller's jurisdiction, newest first, by status, channel, topic and region, keyset-paginated: pass the `next` cursor of one page to get the following one.")
            .WithSummary("The suggestions of the caller's jurisdiction, newest first, by status, channel, topic and region, a page after a cursor.")
            .RequireCapability(Capability.ViewSuggestions)
            .ProducesValidationProblem();

    private static async Task<Ok<Page<SuggestionListItem>>> Handle(
        [QueryEnum(typeof(SuggestionStatus))] string? status,
        [QueryEnum(typeof(SuggestionChannel))] string? channel,
        Guid? topicId,
        Guid? regionId,
        string? cursor,
        int? limit,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new ListSuggestions(QueryEnum.Parse<SuggestionStatus>(status, nameof(status)), QueryEnum.Parse<SuggestionChannel>(channel, nameof(channel)), topicId, regionId,
                cursor, limit),
            cancellationToken));
}
