using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Organization;
using Fengqiao.Dispatch.Cases;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Supervision;

/// <summary>督办单 (Art 40): a supervision order to a unit (the lead unit unless named), due by a date, answered in writing.</summary>
internal sealed record IssueSupervisionOrder(Guid? UnitId, string Text, DateOnly DueOn) : CaseCommand;

internal sealed class IssueSupervisionOrderValidator : AbstractValidator<IssueSupervisionOrder>
{
    public IssueSupervisionOrderValidator(TimeProvider clock)
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.DueOn).Must(d => d > BuildingBlocks.Clock.WorkCalendar.LocalDate(clock.GetUtcNow())).WithMessage("The answer must be due after today.");
    }
}

internal sealed class IssueSupervisionOrderHandler(
    IDbSession session, CaseStore store, ICurrentUser caller, IOrganizationDirectory directory, IEventPublisher events, TimeProvider clock)
    : ICommandHandler<IssueSupervisionOrder, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(IssueSupervisionOrder command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.IssueSupervisionOrder, cancellationToken);
        var unitId = command.UnitId ?? before.LeadUnitId
            ?? throw new ValidationException([new ValidationFailure(nameof(command.UnitId), "The case has no lead unit yet; name the unit to supervise.")]);
        var unit = await directory.FindUnitAsync(unitId, cancellationToken);
        if (unit is null || !Jurisdiction.Contains(caller, unit.RegionPath) || !SeesTheCase(unit, await store.SituationAsync(before, cancellationToken)))
        {
            // The same answer whether the unit does not exist or lies beyond the issuer: ids of other jurisdictions are not confirmed.
            throw new NotFoundException("Unit");
        }

        if (unit.IsRetired)
        {
            throw new ValidationException([new ValidationFailure(nameof(command.UnitId), "The unit is retired and takes no new work.")]);
        }

        var now = clock.GetUtcNow();
        var orderId = Guid.CreateVersion7(now);
        await session.ExecuteAsync(
            SupervisionSql.InsertOrder,
            new { Id = orderId, CaseId = before.Id, UnitId = unit.Id, UnitName = unit.Name, Text = command.Text.Trim(), command.DueOn, Now = now, ByName = caller.DisplayName },
            cancellationToken);
        var version = await store.SaveAsync(before, before, "case.supervision_order_issued", cancellationToken);
        await store.AddTimelineAsync(before, CaseEventKind.SupervisionOrderIssued, false, $"{unit.Name}: {command.Text.Trim()}", cancellationToken);
        var h = CaseEventHeader.Of(before, now);
        events.Publish(new SupervisionOrderIssued(h.EventId, h.OccurredAt, h.CaseId, h.PetitionId, h.Kind, h.RegionPath, h.LeadUnitId, orderId, unit.Id, command.DueOn));
        return new EntityVersion(before.Id, version);
    }

    /// <summary>
    /// Whether the unit's staff can read the case and so answer the order: the lead unit, a co-handling unit, or a unit of a
    /// region containing the case's, whose petition bureau staff see the cases of their subtree.
    /// </summary>
    private static bool SeesTheCase(UnitSnapshot unit, CaseSituation situation) =>
        unit.Id == situation.Case.LeadUnitId
        || situation.CoUnits.Any(u => u.UnitId == unit.Id)
        || Jurisdiction.Contains(unit.RegionPath, situation.Case.RegionPath);
}

/// <summary>The supervised unit answers the order in writing.</summary>
internal sealed record AnswerSupervisionOrder(Guid OrderId, string Text) : CaseCommand;

internal sealed class AnswerSupervisionOrderValidator : AbstractValidator<AnswerSupervisionOrder>
{
    public AnswerSupervisionOrderValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.Text).NotEmpty().MaximumLength(8000);
    }
}

internal sealed record SupervisionOrderState
{
    public required Guid Id { get; init; }

    public required Guid UnitId { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }
}

internal sealed class AnswerSupervisionOrderHandler(IDbSession session, CaseStore store, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<AnswerSupervisionOrder, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(AnswerSupervisionOrder command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.AnswerSupervisionOrder, cancellationToken);
        var order = await session.QuerySingleOrDefaultAsync<SupervisionOrderState>(SupervisionSql.OrderOfCase, new { Id = command.OrderId, CaseId = before.Id }, cancellationToken)
            ?? throw new NotFoundException("Supervision order");
        if (order.UnitId != caller.UnitId)
        {
            throw new ForbiddenException("Only the supervised unit answers the order.");
        }

        if (order.AnsweredAt is not null)
        {
            throw new ConflictException("already_answered", "The supervision order was answered already.");
        }

        await session.ExecuteAsync(SupervisionSql.AnswerOrder, new { order.Id, Text = command.Text.Trim(), Now = clock.GetUtcNow(), ByName = caller.DisplayName }, cancellationToken);
        var version = await store.SaveAsync(before, before, "case.supervision_order_answered", cancellationToken);
        await store.AddTimelineAsync(before, CaseEventKind.SupervisionOrderAnswered, false, command.Text.Trim(), cancellationToken);
        return new EntityVersion(before.Id, version);
    }
}

/// <summary>挂牌督办: serious backlog is put under listed supervision, with the reason.</summary>
internal sealed record ListForSupervision(string Reason) : CaseCommand;

internal sealed class ListForSupervisionValidator : AbstractValidator<ListForSupervision>
{
    public ListForSupervisionValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
}

internal sealed class ListForSupervisionHandler(CaseStore store) : ICommandHandler<ListForSupervision, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ListForSupervision command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.ListForSupervision, cancellationToken);
        var after = before with { IsListed = true, ListedReason = command.Reason.Trim() };
        var version = await store.SaveAsync(before, after, "case.listed_for_supervision", cancellationToken);
        await store.AddTimelineAsync(after, CaseEventKind.ListedForSupervision, false, command.Reason.Trim(), cancellationToken);
        return new EntityVersion(before.Id, version);
    }
}

internal static class SupervisionOrderEndpoints
{
    public static void Map(IEndpointRouteBuilder cases)
    {
        cases.MapCaseChange<IssueSupervisionOrder>(CaseAction.IssueSupervisionOrder, "supervision-orders", "IssueSupervisionOrder", "Issues a supervision order (督办单) to a unit.")
            .WithDescription("Issues a supervision order (督办单) to a unit, the lead unit unless another is named, with what it must do and the day its written answer is due. 400 when the due day is not after today, the case has no lead unit yet, or the unit is retired or cannot read the case.");
        cases.MapCaseChange<AnswerSupervisionOrder>(CaseAction.AnswerSupervisionOrder, "supervision-answers", "AnswerSupervisionOrder", "The supervised unit answers a supervision order in writing.")
            .WithDescription("The supervised unit answers a supervision order in writing. 403 when the caller's unit is not the supervised one; 409 when the order was answered already; 404 for an unknown order.");
        cases.MapCaseChange<ListForSupervision>(CaseAction.ListForSupervision, "listing", "ListCaseForSupervision", "Puts the case under listed supervision (挂牌督办).")
            .WithDescription("Puts a case with serious backlog under listed supervision (挂牌督办), with the reason; the case is marked on the worklists and the supervision board. 409 when the case's state does not allow it (`allowedActions` of the case says what does).");
    }
}
