using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.Contracts.Suggestions;
using Fengqiao.Suggestions.Handling;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Public;

/// <summary>A suggestion from the public form, on a topic (<see cref="TopicId"/>) or unprompted (<see cref="RegionId"/>); no account needed.</summary>
internal sealed record SubmitPublicSuggestion(Guid? TopicId, Guid? RegionId, string Title, string Content, string? Name, string? Phone)
    : ICommand<SuggestionTrackingCredentials>, ISuggestionFields;

/// <summary>Shown once: with both, the submitter follows their suggestion. The secret is stored only as a hash.</summary>
internal sealed record SuggestionTrackingCredentials(string TrackingCode, string Secret);

internal sealed class SubmitPublicSuggestionValidator : SuggestionFieldsValidator<SubmitPublicSuggestion>;

internal sealed class SubmitPublicSuggestionHandler(SuggestionPlaces places, SuggestionWriter writer, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<SubmitPublicSuggestion, SuggestionTrackingCredentials>
{
    public async ValueTask<SuggestionTrackingCredentials> Handle(SubmitPublicSuggestion command, CancellationToken cancellationToken)
    {
        var place = await places.ForPublicAsync(command, cancellationToken);
        var stored = await writer.AddAsync(
            new NewSuggestion(SuggestionChannel.Online, place.Topic, place.Region, command.Title, command.Content, command.Name, command.Phone, null, null, null,
                clock.GetUtcNow()),
            withSecret: true,
            cancellationToken);
        audit.Record(new AuditEntry("suggestion.submitted_online", "suggestion", stored.Id, After: new { stored.TrackingCode, command.TopicId, RegionId = place.Region.Id }));
        return new SuggestionTrackingCredentials(stored.TrackingCode, stored.Secret!);
    }
}

/// <summary>
/// What the submitter sees: where the suggestion stands, when out of scope why, once answered the departments' replies, and
/// whether they may rate them; never notes, staff or anyone's data.
/// </summary>
internal sealed record PublicSuggestionView(
    string TrackingCode,
    SuggestionStatus Status,
    string Title,
    string? TopicTitle,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ScreenedAt,
    string? Reason,
    SuggestionOutcome? Outcome,
    DateTimeOffset? AnsweredAt,
    IReadOnlyList<PublicSuggestionAnswer> Answers,
    SuggestionRating? Rating,
    bool CanRate,
    string? Implementation,
    DateTimeOffset? ImplementedAt);

/// <summary>A department's reasoned reply to the submitter.</summary>
internal sealed record PublicSuggestionAnswer
{
    public required string UnitName { get; init; }

    public required SuggestionOutcome Outcome { get; init; }

    public required string Reply { get; init; }

    public required DateTimeOffset AnsweredAt { get; init; }
}

internal sealed record TrackedSuggestion
{
    public required Guid Id { get; init; }

    public required string TrackingCode { get; init; }

    public required string? TrackingSecretHash { get; init; }

    public required SuggestionStatus Status { get; init; }

    public required string? TopicTitle { get; init; }

    public required string Title { get; init; }

    public required string? ScreeningReason { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required DateTimeOffset? ScreenedAt { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionPath { get; init; }

    public required SuggestionOutcome? Outcome { get; init; }

    public required DateTimeOffset? AnsweredAt { get; init; }

    public required SuggestionRating? Rating { get; init; }

    public required string? Implementation { get; init; }

    public required DateTimeOffset? ImplementedAt { get; init; }

    public required long Version { get; init; }
}

/// <summary>Finds a suggestion by its tracking code and secret; a wrong code and a wrong secret answer alike: 404.</summary>
internal static class PublicSuggestionLookup
{
    public static async Task<TrackedSuggestion> FindAsync(IDbSession session, string trackingCode, string secret, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<TrackedSuggestion>(SuggestionSql.ByTrackingCode,
            new { TrackingCode = TrackingSecrets.NormaliseCode(trackingCode) }, cancellationToken);
        return !TrackingSecrets.Matches(row?.TrackingSecretHash, secret) || row is null ? throw new NotFoundException("Suggestion") : row;
    }
}

internal sealed record TrackPublicSuggestion(string TrackingCode, string Secret) : IQuery<PublicSuggestionView>;

/// <summary>A wrong code and a wrong secret answer alike: 404. A suggestion without a secret (from a petition) is followed as the petition.</summary>
internal sealed class TrackPublicSuggestionHandler(IDbSession session) : IQueryHandler<TrackPublicSuggestion, PublicSuggestionView>
{
    public async ValueTask<PublicSuggestionView> Handle(TrackPublicSuggestion query, CancellationToken cancellationToken)
    {
        var row = await PublicSuggestionLookup.FindAsync(session, query.TrackingCode, query.Secret, cancellationToken);

        // The duplicate's reason names the other suggestion for staff; the submitter hears only that it is carried on there.
        var reason = row.Status == SuggestionStatus.OutOfScope ? row.ScreeningReason : null;
        // A department's reply reaches the submitter once all have answered, so they read one decision, not a partial one.
        var answers = row.Outcome is null
            ? []
            : await session.QueryAsync<PublicSuggestionAnswer>(Evaluation.AssignmentSql.RepliesOf, new { SuggestionId = row.Id }, cancellationToken);
        return new PublicSuggestionView(row.TrackingCode, row.Status, row.Title, row.TopicTitle, row.SubmittedAt, row.ScreenedAt, reason, row.Outcome, row.AnsweredAt,
            answers, row.Rating, SuggestionLifecycle.CanRate(row.Status, row.Rating), row.Implementation, row.ImplementedAt);
    }
}

/// <summary>The submitter's rating of the replies (满意 / 基本满意 / 不满意), once, with an optional comment.</summary>
internal sealed record RatePublicSuggestion(SuggestionRating Rating, string? Comment) : ICommand<PublicSuggestionRated>
{
    [JsonIgnore]
    public string TrackingCode { get; init; } = string.Empty;

    [JsonIgnore]
    public string Secret { get; init; } = string.Empty;
}

internal sealed record PublicSuggestionRated(SuggestionRating Rating, DateTimeOffset RatedAt);

internal sealed class RatePublicSuggestionValidator : AbstractValidator<RatePublicSuggestion>
{
    public RatePublicSuggestionValidator()
    {
        RuleFor(c => c.Rating).IsInEnum();
        RuleFor(c => c.Comment).MaximumLength(1000);
    }
}

internal sealed class RatePublicSuggestionHandler(IDbSession session, IAuditLog audit, IEventPublisher events, TimeProvider clock)
    : ICommandHandler<RatePublicSuggestion, PublicSuggestionRated>
{
    public async ValueTask<PublicSuggestionRated> Handle(RatePublicSuggestion command, CancellationToken cancellationToken)
    {
        var row = await PublicSuggestionLookup.FindAsync(session, command.TrackingCode, command.Secret, cancellationToken);
        if (row.Rating is not null)
        {
            throw new ConflictException("already_rated", "The replies to this suggestion have been rated already.");
        }

        if (!SuggestionLifecycle.CanRate(row.Status, row.Rating) || row.Outcome is not { } outcome)
        {
            throw new ConflictException("invalid_state", "The replies can be rated once every department has answered.");
        }

        var now = clock.GetUtcNow();
        var comment = command.Comment?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        var changed = await session.ExecuteAsync(
            SuggestionSql.Rate, new { row.Id, Rating = command.Rating.ToString(), Comment = comment, Now = now, Status = row.Status.ToString() }, cancellationToken);
        if (changed == 0)
        {
            throw new ConflictException("already_rated", "The replies to this suggestion have been rated already.");
        }

        audit.Record(new AuditEntry("suggestion.rated", "suggestion", row.Id, After: new { command.Rating, Version = row.Version + 1 }));
        events.Publish(new SuggestionRated(Guid.CreateVersion7(now), now, row.Id, command.Rating.ToSnakeCase(), outcome.ToSnakeCase(), row.RegionId, row.RegionPath));
        return new PublicSuggestionRated(command.Rating, now);
    }
}

internal static class PublicSuggestionEndpoints
{
    public const string SecretHeader = "X-Tracking-Secret";

    public static void Map(IEndpointRouteBuilder api)
    {
        var suggestions = api.MapGroup("/public/suggestions").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public).CarriesSecret();
        suggestions.MapPost("/", SubmitAsync)
            .WithName("SubmitPublicSuggestion")
            .WithDescription("Submits a suggestion through the public form, without an account: on a published topic while it takes suggestions, or unprompted for a region. The answer carries a tracking code and a secret, shown only this once. 409 `topic_not_open` when the topic is not taking suggestions; 429 when one address submits too often.")
            .WithSummary("Submits a suggestion without an account, on a topic or unprompted; returns a tracking code and a secret, shown once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        suggestions.MapGet("/{trackingCode}", TrackAsync)
            .WithName("TrackPublicSuggestion")
            .WithDescription("Where a suggestion stands for its submitter and, when out of scope, why; never notes, staff or anyone's data. The secret goes in the X-Tracking-Secret header; a wrong code and a wrong secret both answer 404.")
            .WithSummary("Where a suggestion stands, for its tracking code and secret (header X-Tracking-Secret).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        suggestions.MapPost("/{trackingCode}/rating", RateAsync)
            .WithName("RatePublicSuggestion")
            .WithDescription("The submitter rates the departments' replies (满意, 基本满意, 不满意) once, with an optional comment, from the tracking page; the secret goes in X-Tracking-Secret. 409 `invalid_state` before every department has answered, `already_rated` after a rating; 404 for a wrong code or secret.")
            .WithSummary("The submitter rates the departments' replies once, for the tracking code and secret (header X-Tracking-Secret).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Ok<PublicSuggestionRated>> RateAsync(
        string trackingCode, [FromHeader(Name = SecretHeader)] string? secret, RatePublicSuggestion request, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(request with { TrackingCode = trackingCode, Secret = secret ?? string.Empty }, cancellationToken));

    private static async Task<Created<SuggestionTrackingCredentials>> SubmitAsync(SubmitPublicSuggestion request, ISender sender, CancellationToken cancellationToken)
    {
        var credentials = await sender.Send(request, cancellationToken);
        return TypedResults.Created($"/api/v1/public/suggestions/{credentials.TrackingCode}", credentials);
    }

    private static async Task<Ok<PublicSuggestionView>> TrackAsync(
        string trackingCode, [FromHeader(Name = SecretHeader)] string? secret, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new TrackPublicSuggestion(trackingCode, secret ?? string.Empty), cancellationToken));
}
