using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Files;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Intake;
using Fengqiao.Dispatch.Attachments;
using Fengqiao.Dispatch.Cases;
using Fengqiao.Dispatch.Rules;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Public;

/// <summary>What the petitioner sees of the handling: who handles it now, the public steps, the reply with its files, rating and review.</summary>
internal sealed record PublicTimelineItem
{
    public required DateTimeOffset OccurredAt { get; init; }

    public required CaseEventKind Kind { get; init; }

    public required string Text { get; init; }

    public string? UnitName { get; init; }
}

internal sealed record PublicCaseView(
    string Number,
    CaseKind Kind,
    CaseStatus Status,
    string? HandlingUnitName,
    DateOnly? ReplyDue,
    DateTimeOffset? RepliedAt,
    Opinion? Opinion,
    string? ReplyText,
    IReadOnlyList<PublicCaseAttachment> ReplyAttachments,
    Rating? Rating,
    bool CanRate,
    bool CanRequestReview,
    DateOnly? ReviewRequestableUntil,
    bool IsFinal,
    IReadOnlyList<PublicTimelineItem> Timeline,
    long Version);

internal sealed record GetPublicCase(string TrackingCode, string Secret) : IQuery<PublicCaseView>;

/// <summary>The latest case of the petition behind a tracking code and secret; wrong and missing look alike (404).</summary>
internal sealed class PublicCases(IDbSession session, IPetitionTracking tracking)
{
    public async Task<(CaseRow Latest, IReadOnlyList<CaseRow> All)> FindAsync(string code, string secret, CancellationToken cancellationToken)
    {
        var petitionId = await tracking.FindPetitionAsync(code, secret, cancellationToken) ?? throw new NotFoundException("Case");
        var cases = await session.QueryAsync<CaseRow>(CaseSql.ByPetition, new { PetitionId = petitionId }, cancellationToken);
        return cases.Count == 0 ? throw new NotFoundException("Case") : (cases[0], cases);
    }
}

internal sealed class GetPublicCaseHandler(
    IDbSession session, PublicCases cases, CaseAttachments attachments, DispatchRules rules, WorkCalendar calendar, TimeProvider clock)
    : IQueryHandler<GetPublicCase, PublicCaseView>
{
    public async ValueTask<PublicCaseView> Handle(GetPublicCase query, CancellationToken cancellationToken)
    {
        var (latest, all) = await cases.FindAsync(query.TrackingCode, query.Secret, cancellationToken);
        var timeline = new List<PublicTimelineItem>();
        foreach (var row in all.Reverse())
        {
            timeline.AddRange(await session.QueryAsync<PublicTimelineItem>(CaseSql.PublicTimelineOf, new { CaseId = row.Id }, cancellationToken));
        }

        var today = WorkCalendar.LocalDate(clock.GetUtcNow());
        var window = latest.Kind == CaseKind.Handling ? rules.ReviewRequestWindow : rules.ReReviewRequestWindow;
        DateOnly? reviewUntil = latest.RepliedAt is { } replied && latest.Kind != CaseKind.ReReview ? window.From(WorkCalendar.LocalDate(replied), calendar) : null;
        return new PublicCaseView(
            latest.Number,
            latest.Kind,
            latest.Status,
            latest.LeadUnitName,
            latest.ReplyDue,
            latest.RepliedAt,
            latest.Opinion,
            latest.ReplyText,
            await attachments.SentWithReplyAsync(latest.Id, cancellationToken),
            latest.Rating,
            latest.Rating is null && CaseStateMachine.Allows(latest.Status, CaseAction.Rate),
            latest.ReviewRequestedAt is null && reviewUntil is { } until && today <= until && CaseStateMachine.Allows(latest.Status, CaseAction.RequestReview),
            reviewUntil,
            latest.FinalAt is not null,
            timeline.OrderBy(t => t.OccurredAt).ToList(),
            latest.Version);
    }
}

/// <summary>A file a reply sent, for the petitioner of the tracking code and secret; wrong and missing look alike (404).</summary>
internal sealed record DownloadPublicCaseAttachment(string TrackingCode, string Secret, Guid AttachmentId) : IQuery<AttachmentDownload>;

internal sealed class DownloadPublicCaseAttachmentHandler(PublicCases cases, CaseAttachments attachments)
    : IQueryHandler<DownloadPublicCaseAttachment, AttachmentDownload>
{
    public async ValueTask<AttachmentDownload> Handle(DownloadPublicCaseAttachment query, CancellationToken cancellationToken)
    {
        var (latest, _) = await cases.FindAsync(query.TrackingCode, query.Secret, cancellationToken);
        return await attachments.OpenSentAsync(latest.PetitionId, query.AttachmentId, cancellationToken);
    }
}

/// <summary>The petitioner rates the reply in one step on the tracking page.</summary>
internal sealed record RatePublicCase(Rating Rating, string? Comment) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public string TrackingCode { get; init; } = string.Empty;

    [JsonIgnore]
    public string Secret { get; init; } = string.Empty;

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class RatePublicCaseValidator : AbstractValidator<RatePublicCase>
{
    public RatePublicCaseValidator()
    {
        RuleFor(c => c.Rating).IsInEnum();
        RuleFor(c => c.Comment).MaximumLength(2000);
    }
}

internal sealed class RatePublicCaseHandler(PublicCases cases, CaseStore store, CaseRating rating) : ICommandHandler<RatePublicCase, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RatePublicCase command, CancellationToken cancellationToken)
    {
        var (latest, _) = await cases.FindAsync(command.TrackingCode, command.Secret, cancellationToken);
        if (latest.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException(latest.Version);
        }

        var version = await rating.RateAsync(latest, command.Rating, RatingSource.Petitioner, command.Comment, cancellationToken);
        await store.AddTimelineAsync(latest.Id, CaseEventKind.Rated, true, command.Rating.ToSnakeCase(), null, null, null, false, cancellationToken);
        return new EntityVersion(latest.Id, version);
    }
}

/// <summary>The petitioner requests review (复查) or re-review (复核) of the latest reply on the tracking page.</summary>
internal sealed record RequestPublicReview(string Reason) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public string TrackingCode { get; init; } = string.Empty;

    [JsonIgnore]
    public string Secret { get; init; } = string.Empty;

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class RequestPublicReviewValidator : AbstractValidator<RequestPublicReview>
{
    public RequestPublicReviewValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(4000);
}

internal sealed class RequestPublicReviewHandler(PublicCases cases, CaseStore store, ReviewOpener reviews) : ICommandHandler<RequestPublicReview, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RequestPublicReview command, CancellationToken cancellationToken)
    {
        var (latest, _) = await cases.FindAsync(command.TrackingCode, command.Secret, cancellationToken);
        if (latest.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException(latest.Version);
        }

        var (version, _) = await reviews.OpenAsync(latest, command.Reason.Trim(), cancellationToken);
        await store.AddTimelineAsync(latest.Id, CaseEventKind.ReviewRequested, true, command.Reason.Trim(), null, null, null, false, cancellationToken);
        return new EntityVersion(latest.Id, version);
    }
}

internal static class PublicCaseEndpoints
{
    private const string SecretHeader = "X-Tracking-Secret";

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/public/petitions/{trackingCode}/case").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public).CarriesSecret();
        group.MapGet("/", GetAsync)
            .WithName("GetPublicCase")
            .WithDescription("What the petitioner sees of the handling of their petition's latest case: the unit handling it now (never a staff member), the public steps and notes, the reply with its files, and whether they may rate it or request review. The secret goes in the X-Tracking-Secret header; a wrong code or secret and a petition without a case all answer 404. The ETag is what rating and review requests take.")
            .ProducesETag()
            .WithSummary("How the petition is being handled, for its tracking code and secret (header X-Tracking-Secret).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/attachments/{attachmentId:guid}", DownloadAsync)
            .WithName("DownloadPublicCaseAttachment")
            .WithDescription("Streams a file that a reply sent to the petitioner, for the tracking code and the secret in X-Tracking-Secret. Files the unit kept for itself are never served here; a wrong code, secret or file id answer alike, 404.")
            .WithSummary("A file sent with the reply, for the tracking code and secret (header X-Tracking-Secret).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/rating", RateAsync)
            .WithName("RatePublicCase")
            .WithDescription("The petitioner rates the reply (satisfied, basically satisfied, not satisfied) on the tracking page, with the secret in X-Tracking-Secret and the case's ETag in If-Match. 409 when the case has no reply open to rating; 404 for a wrong code or secret.")
            .ProducesETag()
            .WithSummary("The petitioner rates the reply (header X-Tracking-Secret, If-Match).")
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/review-request", ReviewAsync)
            .WithName("RequestPublicCaseReview")
            .WithDescription("The petitioner asks for review (复查) of the reply, or re-review (复核) of a review, with the reason, from the tracking page; the secret goes in X-Tracking-Secret and the case's ETag in If-Match. 409 when the case is not open to review; 404 for a wrong code or secret.")
            .ProducesETag()
            .WithSummary("The petitioner requests review or re-review of the reply (header X-Tracking-Secret, If-Match).")
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Ok<PublicCaseView>> GetAsync(string trackingCode, [FromHeader(Name = SecretHeader)] string? secret, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetPublicCase(trackingCode, secret ?? string.Empty), cancellationToken);
        Versioning.SetETag(context, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(
        string trackingCode, Guid attachmentId, [FromHeader(Name = SecretHeader)] string? secret, ISender sender, CancellationToken cancellationToken) =>
        FileEndpoints.Send(await sender.Send(new DownloadPublicCaseAttachment(trackingCode, secret ?? string.Empty, attachmentId), cancellationToken));

    private static async Task<Ok<EntityVersion>> RateAsync(
        string trackingCode, [FromHeader(Name = SecretHeader)] string? secret, RatePublicCase request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { TrackingCode = trackingCode, Secret = secret ?? string.Empty, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }

    private static async Task<Ok<EntityVersion>> ReviewAsync(
        string trackingCode, [FromHeader(Name = SecretHeader)] string? secret, RequestPublicReview request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { TrackingCode = trackingCode, Secret = secret ?? string.Empty, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
