using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Organization;
using Fengqiao.Dispatch.Rules;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>
/// 交办 (assign, with a completion report) or 转送 (forward) to a lead unit and optional co-handling units, by the
/// petition bureau. <see cref="ReplyDueOn"/> may set a deadline earlier than the statutory one.
/// After a return, the same request re-assigns the case, or insists on the same unit.
/// </summary>
internal sealed record AssignCase(AssignmentMode Mode, Guid LeadUnitId, IReadOnlyList<Guid>? CoUnitIds, string Instructions, DateOnly? ReplyDueOn)
    : CaseCommand;

internal sealed class AssignCaseValidator : AbstractValidator<AssignCase>
{
    public AssignCaseValidator()
    {
        RuleFor(c => c.Mode).IsInEnum();
        RuleFor(c => c.LeadUnitId).NotEmpty();
        RuleFor(c => c.CoUnitIds).Must(ids => ids!.Distinct().Count() == ids!.Count && ids.Count <= 10)
            .When(c => c.CoUnitIds is not null).WithMessage("Name each co-handling unit once, at most 10.");
        RuleFor(c => c.CoUnitIds).Must((c, ids) => !ids!.Contains(c.LeadUnitId))
            .When(c => c.CoUnitIds is not null).WithMessage("The lead unit cannot also be a co-handling unit.");
        RuleFor(c => c.Instructions).NotEmpty().MaximumLength(4000);
    }
}

internal sealed class AssignCaseHandler(
    IDbSession session,
    CaseStore store,
    IOrganizationDirectory directory,
    ICurrentUser caller,
    IEventPublisher events,
    DispatchRules rules,
    WorkCalendar calendar,
    TimeProvider clock) : ICommandHandler<AssignCase, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(AssignCase command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, AssignCaseEndpoint.ActionFor, cancellationToken);
        var reassignment = before.Status == CaseStatus.Returned;
        var status = CaseStateMachine.Next(before.Status, AssignCaseEndpoint.ActionFor(before.Status));
        var unitIds = (command.CoUnitIds ?? []).Prepend(command.LeadUnitId).ToList();
        var units = (await directory.FindUnitsAsync(unitIds, cancellationToken)).ToDictionary(u => u.Id);
        foreach (var (unitId, index) in unitIds.Select((id, i) => (id, i)))
        {
            var field = index == 0 ? nameof(AssignCase.LeadUnitId) : $"{nameof(AssignCase.CoUnitIds)}[{index - 1}]";
            if (!units.TryGetValue(unitId, out var unit) || !MayHandle(unit, before))
            {
                throw new ValidationException([new ValidationFailure(field, "Unknown unit, or a unit that cannot handle a matter of this region.")]);
            }

            if (unit.IsRetired)
            {
                throw new ValidationException([new ValidationFailure(field, "The unit is retired and takes no new work.")]);
            }
        }

        var now = clock.GetUtcNow();
        var today = store.Today;
        var statutoryReplyDue = before.Kind == CaseKind.Handling
            ? CaseClock.ReplyDue(WorkCalendar.LocalDate(before.AcceptedAt), rules.ReplyDeadline, before.ExtensionDays, before.PausedDays, calendar)
            : before.ReplyDue ?? today;
        if (command.ReplyDueOn is { } asked && (asked <= today || asked > statutoryReplyDue))
        {
            throw new ValidationException([new ValidationFailure(nameof(AssignCase.ReplyDueOn),
                $"The reply deadline must lie after today and no later than the statutory deadline {statutoryReplyDue:yyyy-MM-dd}.")]);
        }

        var lead = units[command.LeadUnitId];
        var after = before with
        {
            Status = status,
            AssignmentMode = command.Mode,
            ReportRequired = command.Mode == AssignmentMode.Assign,
            LeadUnitId = lead.Id,
            LeadUnitName = lead.Name,
            AssignedAt = now,
            SignDue = rules.SignDeadline.From(today, calendar),
            ReturnDue = rules.ReturnDeadline.From(today, calendar),
            ReplyDue = command.ReplyDueOn ?? statutoryReplyDue,
            SignedAt = null,
        };
        var version = await store.SaveAsync(before, after, reassignment ? "case.reassigned" : "case.assigned", cancellationToken);

        await session.ExecuteAsync(CaseSql.DeleteCoUnits, new { CaseId = before.Id }, cancellationToken);
        foreach (var coUnitId in command.CoUnitIds ?? [])
        {
            await session.ExecuteAsync(CaseSql.InsertCoUnit, new { CaseId = before.Id, UnitId = coUnitId, UnitName = units[coUnitId].Name }, cancellationToken);
        }

        if (today > before.AssignmentDue)
        {
            await store.RecordBreachAsync(before.Id, CaseStore.BreachFor(ClockStep.Assignment), cancellationToken);
        }

        var kind = reassignment ? CaseEventKind.Reassigned : command.Mode == AssignmentMode.Assign ? CaseEventKind.Assigned : CaseEventKind.Forwarded;
        await store.AddTimelineAsync(after, kind, true, lead.Name, cancellationToken);
        await store.AddTimelineAsync(after, CaseEventKind.Note, false, command.Instructions.Trim(), cancellationToken);
        var header = CaseEventHeader.Of(after, now);
        events.Publish(new CaseAssigned(header.EventId, header.OccurredAt, header.CaseId, header.PetitionId, header.Kind, header.RegionPath, header.LeadUnitId,
            command.Mode.ToSnakeCase(), command.CoUnitIds ?? [], after.ReplyDue!.Value, reassignment));
        return new EntityVersion(before.Id, version);
    }

    /// <summary>A unit inside the officer's jurisdiction, or a unit whose region contains the matter's region (a higher competent body).</summary>
    private bool MayHandle(UnitSnapshot unit, CaseRow row) =>
        Jurisdiction.Contains(caller, unit.RegionPath) || Jurisdiction.Contains(unit.RegionPath, row.RegionPath);
}

internal static class AssignCaseEndpoint
{
    /// <summary>One request assigns a case, and re-assigns it after a return.</summary>
    public static CaseAction ActionFor(CaseStatus status) => status == CaseStatus.Returned ? CaseAction.Reassign : CaseAction.Assign;

    private static readonly AssignCase Example = new(
        AssignmentMode.Assign,
        LeadUnitId: Guid.Parse("0193b2c4-6a10-7c2e-8d3f-4a5b6c7d8e9f"),
        CoUnitIds: [Guid.Parse("0193b2c4-6a10-7c2e-8d3f-4a5b6c7d8ea0")],
        Instructions: "请于规定期限内核实开发商办证进度，书面答复信访人并报送办结报告。",
        ReplyDueOn: null);

    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapCaseChange<AssignCase>(CaseAction.Assign, "assignment", "AssignCase",
            "Assigns (交办) or forwards (转送) the case to a lead unit and co-handling units; after a return, re-assigns it.")
            .WithDescription("The petition bureau assigns (交办, with a completion report) or forwards (转送) an accepted petition's case to a lead unit and up to ten co-handling units, optionally with a reply deadline earlier than the statutory one; after the lead unit returned it, the same request re-assigns it. 400 names a unit that cannot handle a matter of this region, a retired unit, or a deadline past the statutory one; 409 when the case is not awaiting assignment.")
            .WithRequestExample(Example);
}
