using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Suggestions.Handling;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Public;

/// <summary>
/// An adopted suggestion as the public sees it: what it proposed, where, the decision, what was done and any award. Never its
/// text (which may tell of its author), the submitter, the departments' replies to them, or staff.
/// </summary>
internal sealed record PublicAdoptedSuggestion
{
    public required Guid Id { get; init; }

    public required SuggestionStatus Status { get; init; }

    public required string Title { get; init; }

    public required string? TopicTitle { get; init; }

    public required string RegionName { get; init; }

    public required SuggestionOutcome Outcome { get; init; }

    public required DateTimeOffset AnsweredAt { get; init; }

    public required string? Implementation { get; init; }

    public required DateTimeOffset? ImplementedAt { get; init; }

    public required string? Award { get; init; }

    public required DateTimeOffset? AwardedAt { get; init; }
}

internal sealed record PublicAdoptedCursor(DateTimeOffset A, Guid I);

/// <summary>The adopted suggestions newest answer first, or with <see cref="Awarded"/> the excellent ones 优秀建议 newest award first.</summary>
internal sealed record ListPublicAdoptedSuggestions(bool Awarded, string? Cursor, int? Limit) : IQuery<Page<PublicAdoptedSuggestion>>;

internal sealed class ListPublicAdoptedSuggestionsValidator : AbstractValidator<ListPublicAdoptedSuggestions>
{
    public ListPublicAdoptedSuggestionsValidator() => RuleFor(q => q.Limit).ValidLimit();
}

internal sealed class ListPublicAdoptedSuggestionsHandler(IDbSession session) : IQueryHandler<ListPublicAdoptedSuggestions, Page<PublicAdoptedSuggestion>>
{
    public async ValueTask<Page<PublicAdoptedSuggestion>> Handle(ListPublicAdoptedSuggestions query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var after = Cursor.Decode<PublicAdoptedCursor>(query.Cursor);
        var sql = query.Awarded ? SuggestionSql.PublicAwarded(session.Dialect) : SuggestionSql.PublicAdopted(session.Dialect);
        var rows = await session.QueryAsync<PublicAdoptedSuggestion>(
            sql[after is null ? "first" : "after"], new { Limit = limit + 1, AfterAt = after?.A, AfterId = after?.I }, cancellationToken);
        return Cursor.ToPage(rows, limit, r => new PublicAdoptedCursor(query.Awarded ? r.AwardedAt!.Value : r.AnsweredAt, r.Id));
    }
}

internal static class PublicAdoptedSuggestionEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGroup("/public/adopted-suggestions").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public)
            .MapGet("/", ListAsync)
            .WithName("ListPublicAdoptedSuggestions")
            .WithDescription("The public page of adopted suggestions, newest answer first: what each proposed, where, the decision, what was done and any award; with `awarded=true` only the excellent suggestions (优秀建议), newest award first. Never a suggestion's text, its submitter, the departments' replies or staff. Rate-limited per client address.")
            .WithSummary("The adopted suggestions with what was done, newest first; with awarded=true the excellent suggestions (优秀建议).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Ok<Page<PublicAdoptedSuggestion>>> ListAsync(bool? awarded, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListPublicAdoptedSuggestions(awarded ?? false, cursor, limit), cancellationToken));
}
