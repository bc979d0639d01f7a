using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Dispatch.Rules;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>Stops the reply clock for a hearing, an appraisal or the like; the time paused is added to the deadline on resuming.</summary>
internal sealed record PauseClock(string Reason) : CaseCommand;

internal sealed class PauseClockValidator : AbstractValidator<PauseClock>
{
    public PauseClockValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
}

internal sealed class PauseClockHandler(IDbSession session, CaseStore store, TimeProvider clock) : ICommandHandler<PauseClock, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(PauseClock command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.PauseClock, cancellationToken);
        var now = clock.GetUtcNow();
        await session.ExecuteAsync(CaseSql.InsertPause, new { Id = Guid.CreateVersion7(now), CaseId = before.Id, Reason = command.Reason.Trim(), Now = now }, cancellationToken);
        var version = await store.SaveAsync(before, before with { PausedAt = now, PauseReason = command.Reason.Trim() }, "case.clock_paused", cancellationToken);
        await store.AddTimelineAsync(before, CaseEventKind.ClockPaused, true, command.Reason.Trim(), cancellationToken);
        return new EntityVersion(before.Id, version);
    }
}

/// <summary>Restarts the reply clock: the deadline moves by the days paused, counted as the reply period counts them.</summary>
internal sealed record ResumeClock(string? Note) : CaseCommand;

internal sealed class ResumeClockValidator : AbstractValidator<ResumeClock>
{
    public ResumeClockValidator() => RuleFor(c => c.Note).MaximumLength(2000);
}

internal sealed class ResumeClockHandler(IDbSession session, CaseStore store, DispatchRules rules, WorkCalendar calendar, TimeProvider clock)
    : ICommandHandler<ResumeClock, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ResumeClock command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.ResumeClock, cancellationToken);
        var now = clock.GetUtcNow();
        var pausedDays = rules.ReplyDeadline.Count(WorkCalendar.LocalDate(before.PausedAt!.Value), store.Today, calendar);
        var replyDue = before.ReplyDue is { } due ? (rules.ReplyDeadline with { Days = pausedDays }).From(due, calendar) : before.ReplyDue;
        await session.ExecuteAsync(CaseSql.EndPause, new { CaseId = before.Id, Now = now, Days = pausedDays }, cancellationToken);
        var after = before with { PausedAt = null, PauseReason = null, PausedDays = before.PausedDays + pausedDays, ReplyDue = replyDue };
        var version = await store.SaveAsync(before, after, "case.clock_resumed", cancellationToken);
        var newDue = replyDue is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        await store.AddTimelineAsync(after, CaseEventKind.ClockResumed, true, string.IsNullOrWhiteSpace(command.Note) ? newDue : $"{newDue}: {command.Note.Trim()}", cancellationToken);
        return new EntityVersion(before.Id, version);
    }
}

internal static class ClockEndpoints
{
    public static void Map(IEndpointRouteBuilder cases)
    {
        cases.MapCaseChange<PauseClock>(CaseAction.PauseClock, "clock-pause", "PauseCaseClock", "Pauses the reply clock with a reason (hearing, appraisal).")
            .WithDescription("Stops the reply clock while a hearing, appraisal or similar step runs, with the reason; the days paused are added to the deadline when the clock resumes. 409 when the case's state does not allow it (`allowedActions` of the case says what does).");
        cases.MapCaseChange<ResumeClock>(CaseAction.ResumeClock, "clock-resume", "ResumeCaseClock", "Resumes the reply clock; the deadline moves by the days paused.")
            .WithDescription("Restarts the paused reply clock: the deadline moves by the days paused, counted as the reply period counts them (working days on the work calendar). 409 when the case's state does not allow it (`allowedActions` of the case says what does).");
    }
}
