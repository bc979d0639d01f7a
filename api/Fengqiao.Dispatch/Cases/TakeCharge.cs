using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>包案 (Art 18): a leader takes personal charge of a hard case.</summary>
internal sealed record TakeCharge(string Note) : CaseCommand;

internal sealed class TakeChargeValidator : AbstractValidator<TakeCharge>
{
    public TakeChargeValidator() => RuleFor(c => c.Note).NotEmpty().MaximumLength(2000);
}

internal sealed class TakeChargeHandler(CaseStore store, ICurrentUser caller) : ICommandHandler<TakeCharge, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(TakeCharge command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.TakeCharge, cancellationToken);
        var after = before with { LeaderUserId = caller.UserId, LeaderName = caller.DisplayName };
        var version = await store.SaveAsync(before, after, "case.leader_in_charge", cancellationToken);
        await store.AddTimelineAsync(after, CaseEventKind.LeaderInCharge, false, command.Note.Trim(), cancellationToken);
        return new EntityVersion(before.Id, version);
    }
}

internal static class TakeChargeEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapCaseChange<TakeCharge>(CaseAction.TakeCharge, "leader", "TakeChargeOfCase", "A leader takes personal charge of the case (包案).")
            .WithDescription("A leader takes personal charge (包案) of a hard case; the case then shows the leader as responsible. 409 when the case's state does not allow it (`allowedActions` of the case says what does).");
}
