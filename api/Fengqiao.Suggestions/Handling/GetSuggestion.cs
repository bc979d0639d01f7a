using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Suggestions.Evaluation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Handling;

/// <summary>
/// A suggestion as staff see it: the submitter's phone masked (the full one only through the audited reveal); while it awaits
/// screening, the earlier suggestions like it (<see cref="Similar"/>), to screen it a duplicate of one.
/// </summary>
internal sealed record SuggestionDetail(
    Guid Id,
    string TrackingCode,
    SuggestionStatus Status,
    SuggestionChannel Channel,
    Guid? TopicId,
    string? TopicTitle,
    string Title,
    string Content,
    Guid RegionId,
    string RegionName,
    string? SubmitterName,
    string? PhoneMasked,
    Guid? PetitionId,
    string? PetitionNumber,
    string? ScreeningReason,
    Guid? DuplicateOfId,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ScreenedAt,
    SuggestionOutcome? Outcome,
    DateTimeOffset? AnsweredAt,
    SuggestionRating? Rating,
    string? RatingComment,
    DateTimeOffset? RatedAt,
    string? Implementation,
    DateTimeOffset? ImplementedAt,
    string? Award,
    DateTimeOffset? AwardedAt,
    IReadOnlyList<SuggestionAssignmentView> Assignments,
    IReadOnlyList<SimilarSuggestion> Similar,
    IReadOnlyList<SuggestionAction> AllowedActions,
    long Version);

/// <summary>A department evaluating the suggestion, the day its evaluation is due, and its answer once given.</summary>
internal sealed record SuggestionAssignmentView
{
    public required Guid UnitId { get; init; }

    public required string UnitName { get; init; }

    public required DateOnly DueOn { get; init; }

    public required DateTimeOffset AssignedAt { get; init; }

    public required SuggestionOutcome? Outcome { get; init; }

    public required string? Reply { get; init; }

    public required DateTimeOffset? AnsweredAt { get; init; }
}

internal sealed record GetSuggestion(Guid Id) : IQuery<SuggestionDetail>;

internal sealed class GetSuggestionHandler(IDbSession session, SuggestionStore store, SimilarSuggestions similar, ICurrentUser caller) : IQueryHandler<GetSuggestion, SuggestionDetail>
{
    public async ValueTask<SuggestionDetail> Handle(GetSuggestion query, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(query.Id, cancellationToken);
        var assignments = await session.QueryAsync<SuggestionAssignmentView>(AssignmentSql.OfSuggestion, new { SuggestionId = row.Id }, cancellationToken);
        var allowed = Capabilities.Holds(caller, Capability.HandleSuggestions)
            ? SuggestionLifecycle.Allowed(row.Status, row.Outcome, row.AwardedAt is not null).Where(a => a != SuggestionAction.RevealSubmitter || row.PhoneMasked is not null).ToList()
            : [];
        IReadOnlyList<SimilarSuggestion> candidates = row.Status == SuggestionStatus.Submitted && Capabilities.Holds(caller, Capability.HandleSuggestions)
            ? await similar.EarlierThanAsync(row, cancellationToken)
            : [];
        return new SuggestionDetail(row.Id, row.TrackingCode, row.Status, row.Channel, row.TopicId, row.TopicTitle, row.Title, row.Content, row.RegionId, row.RegionName,
            row.SubmitterName, row.PhoneMasked, row.PetitionId, row.PetitionNumber, row.ScreeningReason, row.DuplicateOfId, row.SubmittedAt, row.ScreenedAt,
            row.Outcome, row.AnsweredAt, row.Rating, row.RatingComment, row.RatedAt, row.Implementation, row.ImplementedAt, row.Award, row.AwardedAt, assignments, candidates, allowed,
            row.Version);
    }
}

internal static class GetSuggestionEndpoint
{
    public static void Map(IEndpointRouteBuilder suggestions) =>
        suggestions.MapGet("/{id:guid}", Handle)
            .WithName("GetSuggestion")
            .WithDescription("One suggestion of the caller's jurisdiction: its text, topic, submitter (phone masked; the full one only through the audited reveal), screening, the departments evaluating it with their due days, `similar` (while it awaits screening, the earlier suggestions of the jurisdiction whose text is alike, most alike first: candidates to screen it a duplicate of) and `allowedActions`, with the ETag for changing it.")
            .ProducesETag()
            .WithSummary("A suggestion of the caller's jurisdiction, its submitter's phone masked, with what the caller may do to it.")
            .RequireCapability(Capability.ViewSuggestions)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<SuggestionDetail>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var suggestion = await sender.Send(new GetSuggestion(id), cancellationToken);
        Versioning.SetETag(context, suggestion.Version);
        return TypedResults.Ok(suggestion);
    }
}
