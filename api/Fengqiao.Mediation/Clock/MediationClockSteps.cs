using System.Globalization;
using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Mediation.Disputes;
using Fengqiao.Mediation.Outcomes;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Clock;

/// <summary>What moved a dispute's mediation deadline: an appraisal pause, or an extension both sides agreed to.</summary>
public enum ClockEntryKind
{
    Pause,
    Extension,
}

internal sealed record ClockEntryView
{
    public required ClockEntryKind Kind { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When a pause ended; an extension has no duration.</summary>
    public required DateTimeOffset? EndedAt { get; init; }

    /// <summary>The days the pause took out of the limit, or the days of the extension, as the limit counts them.</summary>
    public required long? Days { get; init; }
}

/// <summary>
/// A dispute's mediation time limit as the dispute page shows it: the deadline, whether the clock is paused and why, the days
/// paused and extended, the working days left, and whether it passed while the clock ran (the dispute is then flagged: it
/// failed unless both sides agree to extend).
/// </summary>
internal sealed record MediationClockView(
    int LimitDays,
    bool LimitInWorkingDays,
    string? LimitSource,
    DateOnly DueOn,
    DateTimeOffset? PausedAt,
    string? PauseReason,
    long PausedDays,
    long ExtendedDays,
    int WorkingDaysLeft,
    bool Overdue,
    IReadOnlyList<ClockEntryView> Entries);

/// <summary>Loads a dispute whose clock may change: accepted, of a type with a time limit in the active rule set.</summary>
internal sealed class MediationClockStore(DisputeStore disputes, IRuleSets ruleSets)
{
    public async Task<(DisputeRow Dispute, MediationTimeLimit Limit)> GetForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var dispute = await disputes.GetForChangeAsync(id, expectedVersion, cancellationToken);
        if (dispute.Status != DisputeStatus.Accepted || dispute.ClockDueOn is null)
        {
            throw new ConflictException("no_mediation_clock", "Only an accepted dispute of a type with a time limit has a mediation clock.");
        }

        var limit = MediationRuleSection.From(ruleSets).TimeLimitOf(dispute.DisputeType)
            ?? throw new ConflictException("no_mediation_clock", $"The active rule set has no time limit for {dispute.DisputeType} disputes.");
        return (dispute, limit);
    }
}

/// <summary>Pauses a dispute's mediation clock for an appraisal 鉴定 or the like, with the reason: appraisal time is not counted. Needs If-Match.</summary>
internal sealed record PauseMediationClock(string Reason) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class PauseMediationClockValidator : AbstractValidator<PauseMediationClock>
{
    public PauseMediationClockValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
}

internal sealed class PauseMediationClockHandler(IDbSession session, MediationClockStore store, ICurrentUser caller, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<PauseMediationClock, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(PauseMediationClock command, CancellationToken cancellationToken)
    {
        var (before, _) = await store.GetForChangeAsync(command.DisputeId, command.ExpectedVersion, cancellationToken);
        if (before.ClockPausedAt is not null)
        {
            throw new ConflictException("clock_already_paused", $"The clock is already paused: {before.ClockPauseReason}");
        }

        var now = clock.GetUtcNow();
        var reason = command.Reason.Trim();
        await session.ExecuteVersionedAsync(ClockSql.Pause, new { before.Id, Now = now, Reason = reason, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        await session.ExecuteAsync(ClockSql.InsertEntry, new
        {
            Id = Guid.CreateVersion7(now), DisputeId = before.Id, Kind = nameof(ClockEntryKind.Pause), Reason = reason, StartedAt = now, EndedAt = (DateTimeOffset?)null,
            Days = (int?)null, RecordedBy = caller.UserId,
        }, cancellationToken);
        audit.Record(new AuditEntry("mediation.clock_paused", "mediation_dispute", before.Id, new { before.Version }, new { Reason = reason, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

/// <summary>Restarts a paused mediation clock: the deadline moves on by the days paused, counted as the limit counts days. Needs If-Match.</summary>
internal sealed record ResumeMediationClock(string? Note) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class ResumeMediationClockValidator : AbstractValidator<ResumeMediationClock>
{
    public ResumeMediationClockValidator() => RuleFor(c => c.Note).MaximumLength(2000);
}

internal sealed class ResumeMediationClockHandler(IDbSession session, MediationClockStore store, WorkCalendar calendar, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<ResumeMediationClock, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ResumeMediationClock command, CancellationToken cancellationToken)
    {
        var (before, limit) = await store.GetForChangeAsync(command.DisputeId, command.ExpectedVersion, cancellationToken);
        if (before.ClockPausedAt is not { } pausedAt)
        {
            throw new ConflictException("clock_not_paused", "The clock is running.");
        }

        var now = clock.GetUtcNow();
        var days = MediationClock.PausedDays(WorkCalendar.LocalDate(pausedAt), WorkCalendar.LocalDate(now), limit.Period, calendar);
        var dueOn = MediationClock.MovedBy(before.ClockDueOn!.Value, days, limit.Period, calendar);
        await session.ExecuteVersionedAsync(ClockSql.Resume, new { before.Id, Days = days, DueOn = dueOn, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        await session.ExecuteAsync(ClockSql.EndPause, new { DisputeId = before.Id, Now = now, Days = days }, cancellationToken);
        audit.Record(new AuditEntry("mediation.clock_resumed", "mediation_dispute", before.Id, new { DueOn = before.ClockDueOn, before.Version },
            new { DueOn = dueOn, PausedDays = days, Note = command.Note?.Trim(), Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

/// <summary>
/// Extends a dispute's mediation time limit by <see cref="Days"/>, which the limit allows only when both sides agree (医疗纠纷预防和处理条例
/// Art 33); without an extension, mediation past the limit counts as failed. Needs If-Match.
/// </summary>
internal sealed record ExtendMediationClock(int Days, bool ApplicantAgrees, bool RespondentAgrees, string Reason) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class ExtendMediationClockValidator : AbstractValidator<ExtendMediationClock>
{
    public ExtendMediationClockValidator()
    {
        RuleFor(c => c.Days).InclusiveBetween(1, 90);
        RuleFor(c => c.ApplicantAgrees).Equal(true).WithMessage("Mediation is extended only when both sides agree.");
        RuleFor(c => c.RespondentAgrees).Equal(true).WithMessage("Mediation is extended only when both sides agree.");
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
    }
}

internal sealed class ExtendMediationClockHandler(IDbSession session, MediationClockStore store, ICurrentUser caller, WorkCalendar calendar, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<ExtendMediationClock, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ExtendMediationClock command, CancellationToken cancellationToken)
    {
        var (before, limit) = await store.GetForChangeAsync(command.DisputeId, command.ExpectedVersion, cancellationToken);
        var now = clock.GetUtcNow();
        var reason = command.Reason.Trim();
        var dueOn = MediationClock.MovedBy(before.ClockDueOn!.Value, command.Days, limit.Period, calendar);
        await session.ExecuteVersionedAsync(ClockSql.Extend, new { before.Id, command.Days, DueOn = dueOn, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        await session.ExecuteAsync(ClockSql.InsertEntry, new
        {
            Id = Guid.CreateVersion7(now), DisputeId = before.Id, Kind = nameof(ClockEntryKind.Extension), Reason = reason, StartedAt = now, EndedAt = (DateTimeOffset?)now,
            Days = (int?)command.Days, RecordedBy = caller.UserId,
        }, cancellationToken);
        audit.Record(new AuditEntry("mediation.clock_extended", "mediation_dispute", before.Id, new { DueOn = before.ClockDueOn, before.Version },
            new { DueOn = dueOn, command.Days, Reason = reason, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class MediationClockEndpoints
{
    public static void Map(IEndpointRouteBuilder disputes)
    {
        disputes.MapPost("/{id:guid}/clock/pause", (Guid id, PauseMediationClock request, ISender sender, HttpContext context, CancellationToken ct) =>
                SendAsync(request with { DisputeId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, sender, context, ct))
            .WithName("PauseMediationClock")
            .WithSummary("Pauses a dispute's mediation time limit for an appraisal, with the reason; needs If-Match.")
            .WithDescription("Stops the mediation clock of an accepted dispute whose type has a time limit (medical disputes: 30 working days from acceptance, 医疗纠纷预防和处理条例 Art 33) while an appraisal (鉴定) runs, with the reason: appraisal time is not counted. 409 no_mediation_clock when the dispute has no clock, clock_already_paused when it is paused.")
            .WithMediationClockChange();
        disputes.MapPost("/{id:guid}/clock/resume", (Guid id, ResumeMediationClock request, ISender sender, HttpContext context, CancellationToken ct) =>
                SendAsync(request with { DisputeId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, sender, context, ct))
            .WithName("ResumeMediationClock")
            .WithSummary("Resumes a paused mediation clock; the deadline moves by the days paused; needs If-Match.")
            .WithDescription("Restarts the paused mediation clock: the deadline moves on by the days paused, counted as the limit counts them (working days on the work calendar, holidays and make-up working days included). 409 clock_not_paused when it runs.")
            .WithMediationClockChange();
        disputes.MapPost("/{id:guid}/clock/extension", (Guid id, ExtendMediationClock request, ISender sender, HttpContext context, CancellationToken ct) =>
                SendAsync(request with { DisputeId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, sender, context, ct))
            .WithName("ExtendMediationClock")
            .WithSummary("Extends a dispute's mediation time limit when both sides agree; needs If-Match.")
            .WithDescription("Extends the mediation time limit by the days given, which needs both sides' agreement (400 names applicantAgrees or respondentAgrees otherwise); without it, mediation past the limit counts as failed. The days count as the limit counts them.")
            .WithMediationClockChange();
    }

    private static RouteHandlerBuilder WithMediationClockChange(this RouteHandlerBuilder builder) =>
        builder.ProducesETag().RequireCapability(Capability.MediateDisputes).ProducesValidationProblem().ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> SendAsync(ICommand<EntityVersion> command, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(command, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
