using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Dispatch.Rules;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>A supervisor or leader approves or refuses the pending extension; an approval moves the reply deadline and tells the petitioner why.</summary>
internal sealed record DecideExtension(bool Approve, string Reason) : CaseCommand;

internal sealed class DecideExtensionValidator : AbstractValidator<DecideExtension>
{
    public DecideExtensionValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
}

internal sealed record PendingExtensionRow
{
    public required Guid Id { get; init; }

    public required int Days { get; init; }

    public required string Reason { get; init; }
}

internal sealed class DecideExtensionHandler(
    IDbSession session,
    CaseStore store,
    ICurrentUser caller,
    IEventPublisher events,
    DispatchRules rules,
    WorkCalendar calendar,
    TimeProvider clock) : ICommandHandler<DecideExtension, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(DecideExtension command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.DecideExtension, cancellationToken);
        var pending = await session.QuerySingleOrDefaultAsync<PendingExtensionRow>(CaseSql.PendingExtension, new { CaseId = before.Id }, cancellationToken)
            ?? throw new ConflictException("no_extension_pending", "No extension request of this case awaits a decision.");
        var now = clock.GetUtcNow();
        await session.ExecuteAsync(
            CaseSql.DecideExtension,
            new { pending.Id, Status = command.Approve ? "Approved" : "Refused", Now = now, ByName = caller.DisplayName, Reason = command.Reason.Trim() },
            cancellationToken);
        if (!command.Approve)
        {
            var unchanged = await store.SaveAsync(before, before, "case.extension_refused", cancellationToken);
            await store.AddTimelineAsync(before, CaseEventKind.ExtensionRefused, false, command.Reason.Trim(), cancellationToken);
            return new EntityVersion(before.Id, unchanged);
        }

        var replyDue = (rules.ReplyDeadline with { Days = pending.Days }).From(before.ReplyDue ?? store.Today, calendar);
        var after = before with { ExtensionDays = before.ExtensionDays + pending.Days, ReplyDue = replyDue };
        var version = await store.SaveAsync(before, after, "case.extension_approved", cancellationToken);
        await store.AddTimelineAsync(after, CaseEventKind.ExtensionApproved, true, $"{replyDue:yyyy-MM-dd}: {pending.Reason}", cancellationToken);
        var h = CaseEventHeader.Of(after, now);
        events.Publish(new CaseExtended(h.EventId, h.OccurredAt, h.CaseId, h.PetitionId, h.Kind, h.RegionPath, h.LeadUnitId, pending.Days, replyDue));
        return new EntityVersion(before.Id, version);
    }
}

internal static class DecideExtensionEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapCaseChange<DecideExtension>(CaseAction.DecideExtension, "extension-decision", "DecideCaseExtension", "Approves or refuses the pending extension request.")
            .WithDescription("A supervisor or leader approves or refuses the pending extension request; an approval moves the reply deadline and tells the petitioner why. 409 when no extension request awaits a decision.");
}
