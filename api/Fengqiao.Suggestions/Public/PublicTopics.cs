using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using Fengqiao.Suggestions.Topics;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Public;

internal static class PublicTopicSql
{
    private const string ListColumns = """
        t.id AS Id, t.status AS Status, t.title AS Title, t.region_id AS RegionId, t.region_name AS RegionName, t.unit_name AS UnitName,
        t.opens_on AS OpensOn, t.closes_on AS ClosesOn
        """;

    /// <summary>Every topic once published (a draft never), of a region's subtree and optionally one status.</summary>
    private const string ListWhere = """
        WHERE t.status <> 'Draft' AND t.region_path LIKE @RegionPrefix AND (@Status IS NULL OR t.status = @Status)
        """;

    private const string AfterCursor = """
          AND (t.opens_on < @AfterOpensOn OR (t.opens_on = @AfterOpensOn AND t.id < @AfterId))
        """;

    /// <summary>Newest opening first; the page after a cursor.</summary>
    public static IReadOnlyDictionary<string, string> List(ISqlDialect dialect) => new Dictionary<string, string>
    {
        ["first"] = $"SELECT {ListColumns} FROM suggestions_topics t {ListWhere} ORDER BY t.opens_on DESC, t.id DESC {dialect.Limit("@Limit")}",
        ["after"] = $"SELECT {ListColumns} FROM suggestions_topics t {ListWhere} {AfterCursor} ORDER BY t.opens_on DESC, t.id DESC {dialect.Limit("@Limit")}",
    };

    public const string ById = """
        SELECT t.id AS Id, t.status AS Status, t.title AS Title, t.description AS Description, t.region_id AS RegionId, t.region_name AS RegionName,
               t.unit_name AS UnitName, t.opens_on AS OpensOn, t.closes_on AS ClosesOn, t.summary AS Summary, t.concluded_at AS ConcludedAt
        FROM suggestions_topics t
        WHERE t.id = @Id AND t.status <> 'Draft'
        """;
}

/// <summary>A topic as the public sees it in a list: what it is about, where, who answers, and whether it takes suggestions now.</summary>
internal sealed record PublicSuggestionTopicListItem
{
    public required Guid Id { get; init; }

    public required SuggestionTopicStatus Status { get; init; }

    public required string Title { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required string UnitName { get; init; }

    public required DateOnly OpensOn { get; init; }

    public required DateOnly ClosesOn { get; init; }

    public bool TakesSuggestions { get; init; }
}

internal sealed record PublicSuggestionTopicCursor(DateOnly O, Guid I);

/// <summary>The published, closed and concluded topics, newest first, optionally of a region's subtree and one status.</summary>
internal sealed record ListPublicSuggestionTopics(Guid? RegionId, SuggestionTopicStatus? Status, string? Cursor, int? Limit) : IQuery<Page<PublicSuggestionTopicListItem>>;

internal sealed class ListPublicSuggestionTopicsValidator : AbstractValidator<ListPublicSuggestionTopics>
{
    public ListPublicSuggestionTopicsValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Status).NotEqual(SuggestionTopicStatus.Draft).WithMessage("Drafts are not public.");
    }
}

internal sealed class ListPublicSuggestionTopicsHandler(IDbSession session, IOrganizationDirectory directory, TimeProvider clock)
    : IQueryHandler<ListPublicSuggestionTopics, Page<PublicSuggestionTopicListItem>>
{
    public async ValueTask<Page<PublicSuggestionTopicListItem>> Handle(ListPublicSuggestionTopics query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var after = Cursor.Decode<PublicSuggestionTopicCursor>(query.Cursor);
        var rows = await session.QueryAsync<PublicSuggestionTopicListItem>(
            PublicTopicSql.List(session.Dialect)[after is null ? "first" : "after"],
            new
            {
                RegionPrefix = await ListSuggestionTopicsHandler.RegionPrefixAsync(directory, query.RegionId, cancellationToken),
                Status = query.Status?.ToString(),
                Limit = limit + 1,
                AfterOpensOn = after?.O,
                AfterId = after?.I,
            },
            cancellationToken);
        var today = WorkCalendar.LocalDate(clock.GetUtcNow());
        var page = Cursor.ToPage(rows, limit, r => new PublicSuggestionTopicCursor(r.OpensOn, r.Id));
        return page with
        {
            Items = page.Items.Select(t => t with { TakesSuggestions = TopicLifecycle.TakesSuggestions(t.Status, t.OpensOn, t.ClosesOn, today) }).ToList(),
        };
    }
}

/// <summary>A public topic in full: its description and, once concluded, the summary of what was adopted. No staff names, no notes.</summary>
internal sealed record PublicSuggestionTopic
{
    public required Guid Id { get; init; }

    public required SuggestionTopicStatus Status { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required string UnitName { get; init; }

    public required DateOnly OpensOn { get; init; }

    public required DateOnly ClosesOn { get; init; }

    public required string? Summary { get; init; }

    public required DateTimeOffset? ConcludedAt { get; init; }

    public bool TakesSuggestions { get; init; }
}

internal sealed record GetPublicSuggestionTopic(Guid Id) : IQuery<PublicSuggestionTopic>;

internal sealed class GetPublicSuggestionTopicHandler(IDbSession session, TimeProvider clock) : IQueryHandler<GetPublicSuggestionTopic, PublicSuggestionTopic>
{
    public async ValueTask<PublicSuggestionTopic> Handle(GetPublicSuggestionTopic query, CancellationToken cancellationToken)
    {
        var topic = await session.QuerySingleOrDefaultAsync<PublicSuggestionTopic>(PublicTopicSql.ById, new { query.Id }, cancellationToken)
            ?? throw new NotFoundException("Topic");
        return topic with { TakesSuggestions = TopicLifecycle.TakesSuggestions(topic.Status, topic.OpensOn, topic.ClosesOn, WorkCalendar.LocalDate(clock.GetUtcNow())) };
    }
}

internal static class PublicTopicEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var topics = api.MapGroup("/public/suggestion-topics").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public);
        topics.MapGet("/", ListAsync)
            .WithName("ListPublicSuggestionTopics")
            .WithDescription("The topics the public is or was asked for suggestions on (published, closed and concluded; never drafts), newest first, optionally of a region's subtree and one status, keyset-paginated. 400 when asked for drafts.")
            .WithSummary("The topics the public is or was asked for suggestions on, newest first, optionally of a region and a status.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        topics.MapGet("/{id:guid}", GetAsync)
            .WithName("GetPublicSuggestionTopic")
            .WithDescription("A public topic in full: what is asked, the region, the unit that answers, its days, and once concluded the summary of what was adopted. No staff names and no notes. 404 for a draft or unknown topic.")
            .WithSummary("A public topic with its description and, once concluded, the summary of what was adopted.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Ok<Page<PublicSuggestionTopicListItem>>> ListAsync(
        Guid? regionId, [QueryEnum(typeof(SuggestionTopicStatus))] string? status, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListPublicSuggestionTopics(regionId, QueryEnum.Parse<SuggestionTopicStatus>(status, nameof(status)), cursor, limit), cancellationToken));

    private static async Task<Ok<PublicSuggestionTopic>> GetAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetPublicSuggestionTopic(id), cancellationToken));
}
