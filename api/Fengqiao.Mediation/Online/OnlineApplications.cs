using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Contracts.Organization;
using Fengqiao.Mediation.Disputes;
using Fengqiao.Mediation.Outcomes;
using Fengqiao.Mediation.Rooms;
using Fengqiao.Mediation.Sessions;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Online;

/// <summary>The other side as the applicant names it: a person (phone optional) or an organisation (its credit code optional).</summary>
internal sealed record OtherSideInput(PartyKind Kind, string Name, string? Phone, string? OrganisationCode);

/// <summary>
/// A party's own application for mediation on the public page (在线申请调解), without an account: the dispute type, the region, the
/// other side, what happened and what is claimed. The dispute opens registered, awaiting both sides' consent and a room.
/// </summary>
internal sealed record ApplyForMediation(
    string DisputeType,
    Guid RegionId,
    string ApplicantName,
    string ApplicantPhone,
    OtherSideInput OtherSide,
    string Summary,
    string Claims,
    decimal? AmountClaimed) : ICommand<MediationTrackingCredentials>;

/// <summary>Shown once: with both, the applicant follows the dispute. The secret is stored only as a hash.</summary>
internal sealed record MediationTrackingCredentials(string TrackingCode, string Secret);

internal sealed class ApplyForMediationValidator : AbstractValidator<ApplyForMediation>
{
    public ApplyForMediationValidator()
    {
        RuleFor(c => c.DisputeType).NotEmpty().MaximumLength(50);
        RuleFor(c => c.RegionId).NotEmpty();
        RuleFor(c => c.ApplicantName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.ApplicantPhone).NotEmpty().Must(p => IdentityNumbers.IsValidPhone(IdentityNumbers.NormalisePhone(p)))
            .WithMessage("Not a mainland mobile (1xxxxxxxxxx) or landline with area code (0xxx-xxxxxxxx).");
        RuleFor(c => c.OtherSide).NotNull();
        RuleFor(c => c.OtherSide.Kind).IsInEnum().When(c => c.OtherSide is not null);
        RuleFor(c => c.OtherSide.Name).NotEmpty().MaximumLength(100).When(c => c.OtherSide is not null);
        RuleFor(c => c.OtherSide.Phone).Must(p => IdentityNumbers.IsValidPhone(IdentityNumbers.NormalisePhone(p!)))
            .When(c => !string.IsNullOrWhiteSpace(c.OtherSide?.Phone)).WithMessage("Not a valid phone number.");
        RuleFor(c => c.OtherSide.OrganisationCode).Matches("^[0-9A-HJ-NPQRTUWXY]{18}$")
            .When(c => c.OtherSide is { Kind: PartyKind.Organisation } && !string.IsNullOrWhiteSpace(c.OtherSide.OrganisationCode))
            .WithMessage("A unified social credit code has 18 characters.");
        RuleFor(c => c.OtherSide.OrganisationCode).Empty().When(c => c.OtherSide is { Kind: PartyKind.Person }).WithMessage("Only an organisation has a credit code.");
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Claims).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.AmountClaimed).InclusiveBetween(0m, 1_000_000_000_000m).When(c => c.AmountClaimed is not null);
    }
}

internal sealed class ApplyForMediationHandler(
    IDbSession session,
    DisputeStore disputes,
    RoomStore rooms,
    IOrganizationDirectory directory,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock) : ICommandHandler<ApplyForMediation, MediationTrackingCredentials>
{
    public async ValueTask<MediationTrackingCredentials> Handle(ApplyForMediation command, CancellationToken cancellationToken)
    {
        await rooms.RequireKnownTypesAsync([command.DisputeType], nameof(ApplyForMediation.DisputeType), cancellationToken);
        var region = await directory.FindRegionAsync(command.RegionId, cancellationToken)
            ?? throw RoomStore.Invalid(nameof(ApplyForMediation.RegionId), "Unknown region.");
        var (code, secret, secretHash) = TrackingSecrets.New("TJ");
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var number = await disputes.NextNumberAsync(region.DistrictName, region.Name, WorkCalendar.LocalDate(now).Year, cancellationToken);
        var parties = new List<PartyInput>
        {
            new(DisputeSide.Applicant, PartyKind.Person, command.ApplicantName, null, command.ApplicantPhone, null),
            new(DisputeSide.Respondent, command.OtherSide.Kind, command.OtherSide.Name, null, command.OtherSide.Phone, command.OtherSide.OrganisationCode),
        };
        await disputes.InsertAsync(id, new NewDispute(number, command.DisputeType, command.Summary.Trim(), command.Claims.Trim(), command.AmountClaimed, region,
            DisputeSource.OnlineApplication, null, null, null, null, null, null, null, null), parties, now, cancellationToken);
        await session.ExecuteAsync(OnlineSql.SetTracking, new { Id = id, TrackingCode = code, TrackingSecretHash = secretHash }, cancellationToken);
        audit.Record(new AuditEntry("mediation.applied_online", "mediation_dispute", id, After: new { number, command.DisputeType, RegionId = region.Id, command.AmountClaimed }));
        events.Publish(new DisputeOpened(Guid.CreateVersion7(now), now, id, number, command.DisputeType, DisputeSource.OnlineApplication.ToSnakeCase(), region.Id, region.Path,
            null, null, command.AmountClaimed));
        return new MediationTrackingCredentials(code, secret);
    }
}

internal sealed record PublicSessionView(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string RoomName, SessionStatus Status);

/// <summary>What the applicant sees: never the parties' data, internal notes or the mediators' accounts.</summary>
internal sealed record PublicMediationView(
    string Number,
    DisputeStatus Status,
    string DisputeType,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? AcceptedAt,
    string? RoomName,
    IReadOnlyList<PublicSessionView> Sessions,
    DateOnly? AgreementEffectiveOn,
    DateOnly? PerformanceDeadline,
    string? Guidance,
    DateTimeOffset? ClosedAt,
    bool MayWithdraw);

internal sealed record TrackMediationApplication(string TrackingCode, string Secret) : IQuery<PublicMediationView>;

internal sealed record WithdrawMediationApplication(string Reason) : ICommand<bool>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string TrackingCode { get; init; } = string.Empty;

    [System.Text.Json.Serialization.JsonIgnore]
    public string Secret { get; init; } = string.Empty;
}

internal sealed class WithdrawMediationApplicationValidator : AbstractValidator<WithdrawMediationApplication>
{
    public WithdrawMediationApplicationValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
}

internal sealed record TrackedDispute(Guid Id, string TrackingSecretHash);

/// <summary>A wrong code and a wrong secret answer alike: 404, so neither can be probed.</summary>
internal sealed class OnlineTracking(IDbSession session)
{
    public async Task<Guid> FindAsync(string code, string secret, CancellationToken cancellationToken)
    {
        var found = await session.QuerySingleOrDefaultAsync<TrackedDispute>(OnlineSql.ByTrackingCode, new { TrackingCode = TrackingSecrets.NormaliseCode(code) }, cancellationToken);
        return found is not null && TrackingSecrets.Matches(found.TrackingSecretHash, secret) ? found.Id : throw new NotFoundException("Mediation application");
    }
}

internal sealed class TrackMediationApplicationHandler(IDbSession session, OnlineTracking tracking) : IQueryHandler<TrackMediationApplication, PublicMediationView>
{
    public async ValueTask<PublicMediationView> Handle(TrackMediationApplication query, CancellationToken cancellationToken)
    {
        var id = await tracking.FindAsync(query.TrackingCode, query.Secret, cancellationToken);
        var d = await session.QuerySingleOrDefaultAsync<PublicDisputeRow>(OnlineSql.PublicById, new { Id = id }, cancellationToken) ?? throw new NotFoundException("Mediation application");
        var sessions = (await session.QueryAsync<SessionView>(SessionSql.OfDispute, new { DisputeId = id }, cancellationToken))
            .Where(s => s.Status != SessionStatus.Cancelled)
            .Select(s => new PublicSessionView(s.StartsAt, s.EndsAt, s.RoomName, s.Status)).ToList();
        var agreement = await session.QuerySingleOrDefaultAsync<AgreementView>(OutcomeSql.AgreementOf, new { DisputeId = id }, cancellationToken);
        return new PublicMediationView(d.Number, d.Status, d.DisputeType, d.RegisteredAt, d.AcceptedAt, d.RoomName, sessions, agreement?.EffectiveOn,
            agreement?.PerformanceDeadline, d.Guidance, d.ClosedAt, DisputeStateMachine.Allows(new DisputeState(d.Status, d.ApplicantConsent, d.RespondentConsent), DisputeAction.Withdraw));
    }
}

internal sealed record PublicDisputeRow
{
    public required string Number { get; init; }

    /// <summary>What a withdrawal publishes; never shown on the public page.</summary>
    public required DisputeSource Source { get; init; }

    public required string RegionPath { get; init; }

    public required Guid? RoomId { get; init; }

    public required DisputeStatus Status { get; init; }

    public required string DisputeType { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required DateTimeOffset? AcceptedAt { get; init; }

    public required string? RoomName { get; init; }

    public required string? Guidance { get; init; }

    public required DateTimeOffset? ClosedAt { get; init; }

    public required ConsentState ApplicantConsent { get; init; }

    public required ConsentState RespondentConsent { get; init; }

    public required long Version { get; init; }
}

internal sealed class WithdrawMediationApplicationHandler(IDbSession session, OnlineTracking tracking, IAuditLog audit, IEventPublisher events, TimeProvider clock)
    : ICommandHandler<WithdrawMediationApplication, bool>
{
    public async ValueTask<bool> Handle(WithdrawMediationApplication command, CancellationToken cancellationToken)
    {
        var id = await tracking.FindAsync(command.TrackingCode, command.Secret, cancellationToken);
        var d = await session.QuerySingleOrDefaultAsync<PublicDisputeRow>(OnlineSql.PublicById, new { Id = id }, cancellationToken) ?? throw new NotFoundException("Mediation application");
        DisputeStateMachine.Apply(new DisputeState(d.Status, d.ApplicantConsent, d.RespondentConsent), DisputeAction.Withdraw);
        var now = clock.GetUtcNow();
        var reason = command.Reason.Trim();
        await session.ExecuteVersionedAsync(DisputeSql.Withdraw, new { Id = id, Reason = reason, Now = now, ExpectedVersion = d.Version },
            d.Version, cancellationToken);
        audit.Record(new AuditEntry("mediation.dispute_withdrawn", "mediation_dispute", id, new { d.Status, d.Version },
            new { Status = DisputeStatus.Withdrawn, command.Reason, By = "applicant_online", Version = d.Version + 1 }));
        events.Publish(new DisputeWithdrawn(Guid.CreateVersion7(now), now, id, d.Number, d.DisputeType, d.Source.ToSnakeCase(), d.RegionPath, d.RoomId, d.RoomName,
            null, reason));
        return true;
    }
}

internal static class OnlineSql
{
    public const string SetTracking = "UPDATE mediation_disputes SET tracking_code = @TrackingCode, tracking_secret_hash = @TrackingSecretHash WHERE id = @Id";

    public const string ByTrackingCode = "SELECT id AS Id, tracking_secret_hash AS TrackingSecretHash FROM mediation_disputes WHERE tracking_code = @TrackingCode";

    public const string PublicById = """
        SELECT number AS Number, source AS Source, region_path AS RegionPath, room_id AS RoomId, status AS Status, dispute_type AS DisputeType, registered_at AS RegisteredAt, accepted_at AS AcceptedAt, room_name AS RoomName,
               guidance AS Guidance, closed_at AS ClosedAt, applicant_consent AS ApplicantConsent, respondent_consent AS RespondentConsent, version AS Version
        FROM mediation_disputes
        WHERE id = @Id
        """;
}

internal static class OnlineApplicationEndpoints
{
    public const string SecretHeader = "X-Tracking-Secret";

    public static void Map(IEndpointRouteBuilder api)
    {
        var applications = api.MapGroup("/public/mediation-applications").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public).CarriesSecret();
        applications.MapPost("/", ApplyAsync)
            .WithName("ApplyForMediationOnline")
            .WithSummary("A party applies for mediation online without an account; returns a tracking code and a secret, shown once.")
            .WithDescription("A party applies for people's mediation on the public page (在线申请调解): the dispute type, the region, the other side, what happened and what is claimed. The dispute opens as an online application awaiting both sides' consent. The answer carries a tracking code and a secret, shown only this once (the secret is stored as a hash). 400 names invalid fields, an unknown type or region among them; 429 when one address applies too often.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        applications.MapGet("/{trackingCode}", TrackAsync)
            .WithName("TrackMediationApplication")
            .WithSummary("What the applicant may see of their mediation: accepted, session times, outcome (header X-Tracking-Secret).")
            .WithDescription("The applicant's view of their dispute: status, when it was accepted and by which room, the session times, and the outcome (agreement dates, or the guidance given on failure or refusal); never the parties' data or internal notes. The secret goes in the X-Tracking-Secret header; a wrong code and a wrong secret both answer 404.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        applications.MapPost("/{trackingCode}/withdrawal", WithdrawAsync)
            .WithName("WithdrawMediationApplication")
            .WithSummary("The applicant withdraws their open dispute, with the reason (header X-Tracking-Secret).")
            .WithDescription("The applicant withdraws a dispute that is still open (registered or accepted), giving the reason; the dispute ends as withdrawn. 404 for a wrong code or secret; 409 dispute_action_not_allowed once it ended; 400 lists invalid fields.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Created<MediationTrackingCredentials>> ApplyAsync(ApplyForMediation request, ISender sender, CancellationToken cancellationToken)
    {
        var credentials = await sender.Send(request, cancellationToken);
        return TypedResults.Created($"/api/v1/public/mediation-applications/{credentials.TrackingCode}", credentials);
    }

    private static async Task<Ok<PublicMediationView>> TrackAsync(string trackingCode, [FromHeader(Name = SecretHeader)] string? secret, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new TrackMediationApplication(trackingCode, secret ?? string.Empty), cancellationToken));

    private static async Task<NoContent> WithdrawAsync(
        string trackingCode, [FromHeader(Name = SecretHeader)] string? secret, WithdrawMediationApplication request, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(request with { TrackingCode = trackingCode, Secret = secret ?? string.Empty }, cancellationToken);
        return TypedResults.NoContent();
    }
}
