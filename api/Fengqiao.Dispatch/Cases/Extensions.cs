using System.Text.Json.Serialization;
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
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>The lead unit asks for more time (Art 34: up to the rule set's limit in all), giving the reason the petitioner will read.</summary>
internal sealed record RequestExtension(int Days, string Reason) : ICaseCommand<RequestExtension>
{
    [JsonIgnore]
    public Guid CaseId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }

    public RequestExtension For(Guid caseId, long expectedVersion) => this with { CaseId = caseId, ExpectedVersion = expectedVersion };
}

internal sealed class RequestExtensionValidator : AbstractValidator<RequestExtension>
{
    public RequestExtensionValidator(DispatchRules rules)
    {
        RuleFor(c => c.Days).InclusiveBetween(1, Math.Max(1, rules.MaxExtensionDays));
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
    }
}

internal sealed record PendingExtensionRow
{
    public required Guid Id { get; init; }

    public required int Days { get; init; }

    public required string Reason { get; init; }
}

internal sealed class RequestExtensionHandler(IDbSession session, CaseStore store, ICurrentUser caller, DispatchRules rules, TimeProvider clock)
    : ICommandHandler<RequestExtension, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RequestExtension command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.CaseId, command.ExpectedVersion, CaseAction.RequestExtension, cancellationToken);
        if (before.ExtensionDays + command.Days > rules.MaxExtensionDays)
        {
            throw new ConflictException("extension_limit",
                $"The rule set allows {rules.MaxExtensionDays} days of extension in all; {before.ExtensionDays} are already granted.");
        }

        await session.ExecuteAsync(
            CaseSql.InsertExtension,
            new { Id = Guid.CreateVersion7(clock.GetUtcNow()), CaseId = before.Id, command.Days, Reason = command.Reason.Trim(), Now = clock.GetUtcNow(), ByName = caller.DisplayName },
            cancellationToken);
        var version = await store.SaveAsync(before, before, "case.extension_requested", cancellationToken);
        await store.AddTimelineAsync(before, CaseEventKind.ExtensionRequested, false, $"{command.Days}: {command.Reason.Trim()}", cancellationToken);
        return new EntityVersion(before.Id, version);
    }
}

/// <summary>A supervisor or leader approves or refuses the pending extension; an approval moves the reply deadline and tells the petitioner why.</summary>
internal sealed record DecideExtension(bool Approve, string Reason) : ICaseCommand<DecideExtension>
{
    [JsonIgnore]
    public Guid CaseId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }

    public DecideExtension For(Guid caseId, long expectedVersion) => this with { CaseId = caseId, ExpectedVersion = expectedVersion };
}

internal sealed class DecideExtensionValidator : AbstractValidator<DecideExtension>
{
    public DecideExtensionValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
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
        var before = await store.GetForChangeAsync(command.CaseId, command.ExpectedVersion, CaseAction.DecideExtension, cancellationToken);
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

internal static class ExtensionEndpoints
{
    public static void Map(IEndpointRouteBuilder cases)
    {
        cases.MapCaseChange<RequestExtension>(CaseAction.RequestExtension, "extension-request", "RequestCaseExtension", "The lead unit requests an extension of the reply deadline.");
        cases.MapCaseChange<DecideExtension>(CaseAction.DecideExtension, "extension-decision", "DecideCaseExtension", "Approves or refuses the pending extension request.");
    }
}
