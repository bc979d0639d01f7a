using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Dispatch.Rules;

namespace Fengqiao.Dispatch.Cases;

/// <summary>
/// An accepted petition becomes a case awaiting assignment by the petition bureau, with the routed lead unit
/// suggested and the assignment deadline (Art 22) counted from receipt.
/// </summary>
internal sealed class OpenCaseOnAcceptance(
    CaseStore store,
    ChecklistTemplates checklists,
    IOrganizationDirectory directory,
    DispatchRules rules,
    WorkCalendar calendar,
    TimeProvider clock) : IIntegrationEventConsumer<PetitionAccepted>
{
    public async Task HandleAsync(PetitionAccepted accepted, CancellationToken cancellationToken)
    {
        var region = await directory.FindRegionAsync(accepted.RegionId, cancellationToken);
        var now = clock.GetUtcNow();
        var flags = accepted.Flags ?? [];
        var assignmentDue = rules.AssignmentDeadline.From(WorkCalendar.LocalDate(accepted.ReceivedAt), calendar);
        var reading = CaseClock.Read(CaseStatus.AwaitingAssignment, assignmentDue, null, null, store.Today, rules.YellowWorkingDays, calendar);
        var row = NewCase(accepted, region?.Name ?? accepted.Number, flags, reading, now);
        await store.InsertAsync(row, cancellationToken);
        await checklists.CreateAsync(row.Id, rules.ChecklistFor(row.IsFirstTime), cancellationToken);
        await store.AddTimelineAsync(row.Id, CaseEventKind.Opened, false, accepted.Number, null, null, null, false, cancellationToken);
        if (!string.IsNullOrWhiteSpace(accepted.Instruction))
        {
            // A leader accepted it at a reception (交办): the units handling it read the instruction on the case.
            await store.AddTimelineAsync(row.Id, CaseEventKind.LeaderInstruction, false, accepted.Instruction.Trim(), null, null, null, false, cancellationToken);
        }
    }

    private static CaseRow NewCase(PetitionAccepted accepted, string regionName, IReadOnlyList<string> flags, ClockReading reading, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PetitionId = accepted.PetitionId,
        Kind = CaseKind.Handling,
        Number = accepted.Number,
        Category = accepted.Category,
        RegionId = accepted.RegionId,
        RegionPath = accepted.RegionPath,
        RegionName = regionName,
        Summary = accepted.Summary ?? string.Empty,
        ReceivedAt = accepted.ReceivedAt,
        AcceptedAt = accepted.OccurredAt,
        IsFirstTime = accepted.IsFirstTime,
        IsRepeat = flags.Contains("repeat"),
        IsSkipLevel = flags.Contains("skip_level"),
        Status = CaseStatus.AwaitingAssignment,
        SuggestedUnitId = accepted.SuggestedLeadUnitId,
        ReportRequired = false,
        AssignmentDue = reading.DueOn,
        ExtensionDays = 0,
        PausedDays = 0,
        CurrentStep = reading.Step,
        CurrentDueOn = reading.DueOn,
        CurrentYellowOn = reading.YellowOn,
        Light = reading.Light,
        IsListed = false,
        CreatedAt = now,
        Version = 1,
    };
}
