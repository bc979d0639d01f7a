using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>退回: the lead unit objects that it is not competent, within the return period (Art 23¶3), naming a better unit.</summary>
internal sealed record ReturnCase(string Reason, Guid? SuggestedUnitId) : CaseCommand;

internal sealed class ReturnCaseValidator : AbstractValidator<ReturnCase>
{
    public ReturnCaseValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
}

internal sealed class ReturnCaseHandler(CaseStore store, IEventPublisher events, TimeProvider clock) : ICommandHandler<ReturnCase, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ReturnCase command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.Return, cancellationToken);
        var now = clock.GetUtcNow();
        var after = before with
        {
            Status = CaseStateMachine.Next(before.Status, CaseAction.Return),
            SuggestedUnitId = command.SuggestedUnitId ?? before.SuggestedUnitId,
            SignedAt = null,
        };
        var version = await store.SaveAsync(before, after, "case.returned", cancellationToken);
        await store.AddTimelineAsync(after, CaseEventKind.Returned, false, command.Reason.Trim(), cancellationToken);
        var h = CaseEventHeader.Of(before, now);
        events.Publish(new CaseReturned(h.EventId, h.OccurredAt, h.CaseId, h.PetitionId, h.Kind, h.RegionPath, h.LeadUnitId, command.Reason.Trim(), command.SuggestedUnitId));
        return new EntityVersion(before.Id, version);
    }
}

internal static class ReturnCaseEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapCaseChange<ReturnCase>(CaseAction.Return, "return", "ReturnCase", "The lead unit returns (退回) the case as not competent, with a reason and a suggested unit.")
            .WithDescription("The lead unit returns (退回) the case within the return period as not within its competence, giving the reason and the unit it believes competent; the case goes back to the petition bureau's returned tab. 409 when the case is not awaiting signature or the return period has passed.");
}
