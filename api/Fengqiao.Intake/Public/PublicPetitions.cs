using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Intake.Petitions;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Intake.Public;

/// <summary>An online petition from the public form; no account needed.</summary>
internal sealed record SubmitPublicPetition(
    string Name,
    string? IdNumber,
    string Phone,
    string? Address,
    Guid RegionId,
    string Category,
    string Request,
    string Facts,
    string Reasons) : ICommand<TrackingCredentials>;

/// <summary>Shown once: with both, the petitioner follows their petition. The secret is stored only as a hash.</summary>
internal sealed record TrackingCredentials(string TrackingCode, string Secret);

internal sealed class SubmitPublicPetitionValidator : AbstractValidator<SubmitPublicPetition>
{
    public SubmitPublicPetitionValidator(TimeProvider clock)
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(50);
        RuleFor(c => c.IdNumber)
            .Must(id => IdentityNumbers.IsValidIdNumber(id!.Trim(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
            .When(c => !string.IsNullOrWhiteSpace(c.IdNumber))
            .WithMessage("Not a valid resident identity number (GB 11643: 18 characters with a matching check digit).");
        RuleFor(c => c.Phone).NotEmpty().Must(p => IdentityNumbers.IsValidPhone(IdentityNumbers.NormalisePhone(p)))
            .WithMessage("Not a mainland mobile (1xxxxxxxxxx) or landline with area code (0xxx-xxxxxxxx).");
        RuleFor(c => c.Address).MaximumLength(200);
        RuleFor(c => c.RegionId).NotEmpty();
        RuleFor(c => c.Category).NotEmpty().MaximumLength(40);
        RuleFor(c => c.Request).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Facts).NotNull().MaximumLength(8000);
        RuleFor(c => c.Reasons).NotNull().MaximumLength(4000);
    }
}

internal sealed class SubmitPublicPetitionHandler(
    IOrganizationDirectory directory,
    PetitionRegistrar registrar,
    PetitionCategories categories,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock) : ICommandHandler<SubmitPublicPetition, TrackingCredentials>
{
    public async ValueTask<TrackingCredentials> Handle(SubmitPublicPetition command, CancellationToken cancellationToken)
    {
        var region = await directory.FindRegionAsync(command.RegionId, cancellationToken)
            ?? throw new ValidationException([new ValidationFailure(nameof(command.RegionId), "Unknown region.")]);
        if (!await categories.ExistsAsync(command.Category, cancellationToken))
        {
            throw new ValidationException([new ValidationFailure(nameof(command.Category), "Unknown category.")]);
        }

        var (code, secret, secretHash) = TrackingSecrets.New("FQ");
        var now = clock.GetUtcNow();
        var registered = await registrar.RegisterAsync(
            new NewPetition(Channel.Online, [new PetitionerInput(command.Name, command.IdNumber, command.Phone, command.Address, false)], 1,
                command.Request.Trim(), command.Facts.Trim(), command.Reasons.Trim(), command.Category, region, now, null, false, false),
            // Filed online with the region's own level: an online petition is never skip-level by itself.
            new Registrar(null, null, region.Path, null),
            secretHash,
            code,
            cancellationToken);
        audit.Record(new AuditEntry("petition.submitted_online", "petition", registered.Id, After: new { registered.Number, command.Category, command.RegionId }));
        events.Publish(new PetitionRegistered(Guid.CreateVersion7(now), now, registered.Id, registered.Number, nameof(Channel.Online), command.Category,
            region.Id, region.Path, now, registered.Flags.Select(f => f.Flag.ToSnakeCase()).Distinct().ToList(), Persons: 1));
        return new TrackingCredentials(code, secret);
    }
}

internal sealed record PublicTimelineEntry
{
    public required DateTimeOffset OccurredAt { get; init; }

    public required TimelineKind Kind { get; init; }

    public required string Text { get; init; }

    /// <summary>Only the unit, never the staff member.</summary>
    public required string? UnitName { get; init; }
}

internal sealed record PublicPetitionView(string Number, PetitionStatus Status, DateTimeOffset ReceivedAt, string Category, IReadOnlyList<PublicTimelineEntry> Timeline);

internal sealed record TrackPetition(string TrackingCode, string Secret) : IQuery<PublicPetitionView>;

internal sealed record AddSupplement(string Text) : ICommand<bool>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string TrackingCode { get; init; } = string.Empty;

    [System.Text.Json.Serialization.JsonIgnore]
    public string Secret { get; init; } = string.Empty;
}

internal sealed class AddSupplementValidator : AbstractValidator<AddSupplement>
{
    public AddSupplementValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(4000);
    }
}

internal static class PublicSql
{
    public const string ByTrackingCode = """
        SELECT id AS Id, number AS Number, status AS Status, received_at AS ReceivedAt, category AS Category, tracking_secret_hash AS TrackingSecretHash
        FROM intake_petitions
        WHERE tracking_code = @TrackingCode
        """;

    public const string PublicTimeline = """
        SELECT occurred_at AS OccurredAt, kind AS Kind, text AS Text, actor_unit_name AS UnitName
        FROM intake_timeline
        WHERE petition_id = @PetitionId AND is_public = 1
        ORDER BY occurred_at, id
        """;

    public const string ById = """
        SELECT id AS Id, number AS Number, status AS Status, received_at AS ReceivedAt, category AS Category, final_at AS FinalAt
        FROM intake_petitions
        WHERE id = @Id
        """;
}

internal sealed record PublicPetitionRow
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required PetitionStatus Status { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Category { get; init; }

    public required DateTimeOffset? FinalAt { get; init; }
}

internal sealed record TrackedPetition
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required PetitionStatus Status { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Category { get; init; }

    public required string TrackingSecretHash { get; init; }
}

/// <summary>A wrong code and a wrong secret answer alike: 404.</summary>
internal sealed class Tracking(IDbSession session) : IPetitionTracking
{
    public async Task<Guid?> FindPetitionAsync(string trackingCode, string secret, CancellationToken cancellationToken)
    {
        try
        {
            return (await FindAsync(trackingCode, secret, cancellationToken)).Id;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public async Task<PublicPetitionStatus?> FindPublicStatusAsync(Guid petitionId, CancellationToken cancellationToken)
    {
        var petition = await session.QuerySingleOrDefaultAsync<PublicPetitionRow>(PublicSql.ById, new { Id = petitionId }, cancellationToken);
        if (petition is null)
        {
            return null;
        }

        var latest = (await session.QueryAsync<PublicTimelineEntry>(PublicSql.PublicTimeline, new { PetitionId = petition.Id }, cancellationToken)).LastOrDefault();
        var closed = petition.FinalAt is not null || petition.Status is not (PetitionStatus.Registered or PetitionStatus.Accepted);
        return new PublicPetitionStatus(
            petition.Id, petition.Number, petition.Status.ToSnakeCase(), closed, petition.Category, petition.ReceivedAt, latest?.OccurredAt ?? petition.ReceivedAt, latest?.Text);
    }

    public async Task<TrackedPetition> FindAsync(string code, string secret, CancellationToken cancellationToken)
    {
        var petition = await session.QuerySingleOrDefaultAsync<TrackedPetition>(PublicSql.ByTrackingCode, new { TrackingCode = TrackingSecrets.NormaliseCode(code) }, cancellationToken);
        return TrackingSecrets.Matches(petition?.TrackingSecretHash, secret) && petition is not null ? petition : throw new NotFoundException("Petition");
    }
}

internal sealed class TrackPetitionHandler(IDbSession session, Tracking tracking) : IQueryHandler<TrackPetition, PublicPetitionView>
{
    public async ValueTask<PublicPetitionView> Handle(TrackPetition query, CancellationToken cancellationToken)
    {
        var petition = await tracking.FindAsync(query.TrackingCode, query.Secret, cancellationToken);
        var timeline = await session.QueryAsync<PublicTimelineEntry>(PublicSql.PublicTimeline, new { PetitionId = petition.Id }, cancellationToken);
        return new PublicPetitionView(petition.Number, petition.Status, petition.ReceivedAt, petition.Category, timeline);
    }
}

internal sealed class AddSupplementHandler(Tracking tracking, Timeline timeline, IAuditLog audit) : ICommandHandler<AddSupplement, bool>
{
    public async ValueTask<bool> Handle(AddSupplement command, CancellationToken cancellationToken)
    {
        var petition = await tracking.FindAsync(command.TrackingCode, command.Secret, cancellationToken);
        await timeline.AddAsync(petition.Id, TimelineKind.Supplemented, true, command.Text.Trim(), null, null, cancellationToken);
        audit.Record(new AuditEntry("petition.supplemented", "petition", petition.Id));
        return true;
    }
}

internal static class PublicEndpoints
{
    public const string SecretHeader = "X-Tracking-Secret";

    public static void Map(IEndpointRouteBuilder api)
    {
        var publicApi = api.MapGroup("/public/petitions").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public).CarriesSecret();
        publicApi.MapPost("/", SubmitAsync)
            .WithName("SubmitPublicPetition")
            .WithDescription("A member of the public submits a petition through the online form, without an account. The answer carries the petition's tracking code and a secret, shown only this once (the secret is stored as a hash): together they open the public tracking page. 400 names invalid fields, an unknown region or category among them; 429 when one address submits too often.")
            .WithSummary("Submits a petition online without an account; returns a tracking code and a secret, shown once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithRequestExample(new SubmitPublicPetition(
                "李秀英",
                IdNumber: null,
                Phone: "13857512345",
                Address: "柯桥区柯桥街道笛扬路 66 号",
                RegionId: Guid.Parse("0193b2c4-5e6f-7a81-9b2c-3d4e5f6a7b8d"),
                Category: "labour_social_security",
                Request: "请求责令用人单位支付拖欠的三个月工资。",
                Facts: "本人在某纺织厂工作至今年 1 月，厂方拖欠 2025 年 11 月至 2026 年 1 月工资共 18600 元。",
                Reasons: "多次向厂方催讨未果，生活困难。"));
        publicApi.MapGet("/{trackingCode}", TrackAsync)
            .WithName("TrackPublicPetition")
            .WithDescription("What the petitioner may see of their petition: its status and public timeline, naming the handling unit but never a staff member. The secret goes in the X-Tracking-Secret header; a wrong code and a wrong secret both answer 404, so neither can be probed.")
            .WithSummary("The public timeline of a petition, for its tracking code and secret (header X-Tracking-Secret).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        publicApi.MapPost("/{trackingCode}/supplements", SupplementAsync)
            .WithName("AddPublicSupplement")
            .WithDescription("The petitioner adds further facts or material to their online petition (header X-Tracking-Secret); the handling unit sees it on the petition's timeline. 404 for a wrong code or secret; 400 lists invalid fields.")
            .WithSummary("Adds the petitioner's supplement to their petition (header X-Tracking-Secret).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Created<TrackingCredentials>> SubmitAsync(SubmitPublicPetition request, ISender sender, CancellationToken cancellationToken)
    {
        var credentials = await sender.Send(request, cancellationToken);
        return TypedResults.Created($"/api/v1/public/petitions/{credentials.TrackingCode}", credentials);
    }

    private static async Task<Ok<PublicPetitionView>> TrackAsync(string trackingCode, [FromHeader(Name = SecretHeader)] string? secret, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new TrackPetition(trackingCode, secret ?? string.Empty), cancellationToken));

    private static async Task<NoContent> SupplementAsync(
        string trackingCode, [FromHeader(Name = SecretHeader)] string? secret, AddSupplement request, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(request with { TrackingCode = trackingCode, Secret = secret ?? string.Empty }, cancellationToken);
        return TypedResults.NoContent();
    }
}
