using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>A co-handling unit (协办) gives the lead unit its input; the lead writes the reply.</summary>
internal sealed record SubmitCoUnitInput(string Text) : CaseCommand;

internal sealed class SubmitCoUnitInputValidator : AbstractValidator<SubmitCoUnitInput>
{
    public SubmitCoUnitInputValidator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(8000);
}

internal sealed class SubmitCoUnitInputHandler(IDbSession session, CaseStore store, ICurrentUser caller, TimeProvider clock) : ICommandHandler<SubmitCoUnitInput, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(SubmitCoUnitInput command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.SubmitCoUnitInput, cancellationToken);
        await session.ExecuteAsync(
            CaseSql.SubmitCoUnitInput,
            new { CaseId = before.Id, UnitId = caller.UnitId ?? Guid.Empty, Text = command.Text.Trim(), Now = clock.GetUtcNow(), ByName = caller.DisplayName },
            cancellationToken);
        var version = await store.SaveAsync(before, before, "case.co_unit_input_submitted", cancellationToken);
        await store.AddTimelineAsync(before, CaseEventKind.CoUnitInput, false, command.Text.Trim(), cancellationToken);
        return new EntityVersion(before.Id, version);
    }
}

internal static class SubmitCoUnitInputEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapCaseChange<SubmitCoUnitInput>(CaseAction.SubmitCoUnitInput, "co-unit-input", "SubmitCoUnitInput", "A co-handling unit submits its input to the lead unit.")
            .WithDescription("A co-handling unit (协办单位) gives the lead unit its findings and opinion; the lead unit writes the reply from them. 409 when the caller's unit is not a co-handling unit or the case's state does not allow it.");
}
