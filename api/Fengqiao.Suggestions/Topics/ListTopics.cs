using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Topics;

internal sealed record SuggestionTopicListItem
{
    public required Guid Id { get; init; }

    public required SuggestionTopicStatus Status { get; init; }

    public required string Title { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required Guid UnitId { get; init; }

    public required string UnitName { get; init; }

    public required DateOnly OpensOn { get; init; }

    public required DateOnly ClosesOn { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required long Version { get; init; }
}

internal sealed record SuggestionTopicCursor(DateTimeOffset C, Guid I);

/// <summary>The topics of the caller's jurisdiction, newest first, optionally of a region's subtree and one status.</summary>
internal sealed record ListSuggestionTopics(Guid? RegionId, SuggestionTopicStatus? Status, string? Cursor, int? Limit) : IQuery<Page<SuggestionTopicListItem>>;

internal sealed class ListSuggestionTopicsValidator : AbstractValidator<ListSuggestionTopics>
{
    public ListSuggestionTopicsValidator() => RuleFor(q => q.Limit).ValidLimit();
}

internal sealed class ListSuggestionTopicsHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory)
    : IQueryHandler<ListSuggestionTopics, Page<SuggestionTopicListItem>>
{
    public async ValueTask<Page<SuggestionTopicListItem>> Handle(ListSuggestionTopics query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? BuildingBlocks.Http.Cursor.DefaultLimit;
        var after = BuildingBlocks.Http.Cursor.Decode<SuggestionTopicCursor>(query.Cursor);
        var rows = await session.QueryInJurisdictionAsync<SuggestionTopicListItem>(
            caller,
            TopicSql.List(session.Dialect)[after is null ? "first" : "after"],
            new
            {
                RegionPrefix = await RegionPrefixAsync(directory, query.RegionId, cancellationToken),
                Status = query.Status?.ToString(),
                Limit = limit + 1,
                AfterCreatedAt = after?.C,
                AfterId = after?.I,
            },
            cancellationToken);
        return BuildingBlocks.Http.Cursor.ToPage(rows, limit, r => new SuggestionTopicCursor(r.CreatedAt, r.Id));
    }

    /// <summary>A region's subtree as a LIKE pattern; every path when none is named, and none for an unknown region.</summary>
    public static async Task<string> RegionPrefixAsync(IOrganizationDirectory directory, Guid? regionId, CancellationToken cancellationToken)
    {
        if (regionId is not { } id)
        {
            return "%";
        }

        var region = await directory.FindRegionAsync(id, cancellationToken);
        return region is null ? "\u0000" : region.Path + "%";
    }
}

internal static class ListSuggestionTopicsEndpoint
{
    public static void Map(IEndpointRouteBuilder topics) =>
        topics.MapGet("/", Handle)
            .WithName("ListSuggestionTopics")
            .WithDescription("The topics of the caller's jurisdiction in every status, drafts included, newest first, optionally of a region's subtree and one status, keyset-paginated.")
            .WithSummary("The topics of the caller's jurisdiction, newest first, optionally of a region and a status.")
            .RequireCapability(Capability.ViewSuggestions)
            .ProducesValidationProblem();

    private static async Task<Ok<Page<SuggestionTopicListItem>>> Handle(
        Guid? regionId, [QueryEnum(typeof(SuggestionTopicStatus))] string? status, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListSuggestionTopics(regionId, QueryEnum.Parse<SuggestionTopicStatus>(status, nameof(status)), cursor, limit), cancellationToken));
}
