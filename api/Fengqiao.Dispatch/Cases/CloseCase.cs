using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>Closes a replied case once its checklist is complete; closing a re-review (复核) makes the matter final (终结).</summary>
internal sealed record CloseCase(string? Note) : CaseCommand;

internal sealed class CloseCaseValidator : AbstractValidator<CloseCase>
{
    public CloseCaseValidator() => RuleFor(c => c.Note).MaximumLength(2000);
}

internal sealed class CloseCaseHandler(CaseStore store, IEventPublisher events, TimeProvider clock) : ICommandHandler<CloseCase, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(CloseCase command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.Close, cancellationToken);
        var now = clock.GetUtcNow();
        var final = before.Kind == CaseKind.ReReview;
        var after = before with { Status = CaseStateMachine.Next(before.Status, CaseAction.Close), ClosedAt = now, FinalAt = final ? now : null };
        var version = await store.SaveAsync(before, after, final ? "case.closed_final" : "case.closed", cancellationToken);
        await store.AddTimelineAsync(after, CaseEventKind.Closed, true, command.Note?.Trim() ?? string.Empty, cancellationToken);
        var h = CaseEventHeader.Of(after, now);
        events.Publish(new CaseClosed(h.EventId, h.OccurredAt, h.CaseId, h.PetitionId, h.Kind, h.RegionPath, h.LeadUnitId, after.Rating?.ToSnakeCase()));
        if (final)
        {
            await store.AddTimelineAsync(after, CaseEventKind.Final, true, before.Number, cancellationToken);
            var f = CaseEventHeader.Of(after, now);
            events.Publish(new CaseFinal(f.EventId, f.OccurredAt, f.CaseId, f.PetitionId, f.Kind, f.RegionPath, f.LeadUnitId, before.Number));
        }

        return new EntityVersion(before.Id, version);
    }
}

internal static class CloseCaseEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapCaseChange<CloseCase>(CaseAction.Close, "closure", "CloseCase", "Closes a replied case; its checklist must be complete.")
            .WithDescription("Closes a replied case once every item of its closure checklist is ticked; closing a re-review (复核) makes the matter final (终结), and later petitions on it are flagged. 409 when the case is not replied or its checklist is incomplete.");
}
