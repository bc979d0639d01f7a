using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>Ticks one item of the closure checklist, recording who and when.</summary>
internal sealed record TickChecklistItem(string ItemKey) : CaseCommand;

internal sealed class TickChecklistItemValidator : AbstractValidator<TickChecklistItem>
{
    public TickChecklistItemValidator() => RuleFor(c => c.ItemKey).NotEmpty().MaximumLength(100);
}

internal sealed record ChecklistItemView
{
    public required string ItemKey { get; init; }

    public required string LabelZh { get; init; }

    public required string LabelEn { get; init; }

    public DateTimeOffset? DoneAt { get; init; }

    public string? DoneByName { get; init; }
}

internal sealed class TickChecklistItemHandler(IDbSession session, CaseStore store, ICurrentUser caller, TimeProvider clock) : ICommandHandler<TickChecklistItem, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(TickChecklistItem command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.TickChecklist, cancellationToken);
        var items = await session.QueryAsync<ChecklistItemView>(CaseSql.ChecklistOf, new { CaseId = before.Id }, cancellationToken);
        var item = items.FirstOrDefault(i => i.ItemKey == command.ItemKey)
            ?? throw new ValidationException([new ValidationFailure(nameof(command.ItemKey), "The case's checklist has no such item.")]);
        if (item.DoneAt is not null)
        {
            throw new ConflictException("already_ticked", $"{item.ItemKey} was ticked by {item.DoneByName} already.");
        }

        await session.ExecuteAsync(CaseSql.TickChecklistItem, new { CaseId = before.Id, command.ItemKey, Now = clock.GetUtcNow(), ByName = caller.DisplayName }, cancellationToken);
        var version = await store.SaveAsync(before, before, "case.checklist_ticked", cancellationToken);
        await store.AddTimelineAsync(before, CaseEventKind.ChecklistTicked, false, item.LabelZh, cancellationToken);
        return new EntityVersion(before.Id, version);
    }
}

internal static class TickChecklistItemEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapCaseChange<TickChecklistItem>(CaseAction.TickChecklist, "checklist", "TickCaseChecklistItem", "Ticks one item of the closure checklist.")
            .WithDescription("Ticks one item of the case's closure checklist, recording who ticked it and when. 400 when the checklist has no such item; 409 when someone ticked it already.");
}
