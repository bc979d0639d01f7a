using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>签收: the lead unit takes the case on; the reply clock runs from here.</summary>
internal sealed record SignCase(string? Note) : CaseCommand;

internal sealed class SignCaseValidator : AbstractValidator<SignCase>
{
    public SignCaseValidator() => RuleFor(c => c.Note).MaximumLength(2000);
}

internal sealed class SignCaseHandler(CaseStore store, IEventPublisher events, TimeProvider clock) : ICommandHandler<SignCase, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(SignCase command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.Sign, cancellationToken);
        var now = clock.GetUtcNow();
        var after = before with { Status = CaseStateMachine.Next(before.Status, CaseAction.Sign), SignedAt = now };
        var version = await store.SaveAsync(before, after, "case.signed", cancellationToken);
        var late = store.Today > before.SignDue;
        if (late)
        {
            await store.RecordBreachAsync(before.Id, CaseStore.BreachFor(ClockStep.Signature), cancellationToken);
        }

        await store.AddTimelineAsync(after, CaseEventKind.Signed, true, before.LeadUnitName ?? string.Empty, cancellationToken);
        if (!string.IsNullOrWhiteSpace(command.Note))
        {
            await store.AddTimelineAsync(after, CaseEventKind.Note, false, command.Note.Trim(), cancellationToken);
        }

        var h = CaseEventHeader.Of(after, now);
        events.Publish(new CaseSigned(h.EventId, h.OccurredAt, h.CaseId, h.PetitionId, h.Kind, h.RegionPath, h.LeadUnitId, late));
        return new EntityVersion(before.Id, version);
    }
}

internal static class SignCaseEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapCaseChange<SignCase>(CaseAction.Sign, "signature", "SignCase", "The lead unit signs for (签收) the case.")
            .WithDescription("The lead unit signs for (签收) the assigned case, taking it on; the reply clock runs from here. If-Match carries the case's ETag. 409 when the case is not awaiting signature.");
}
