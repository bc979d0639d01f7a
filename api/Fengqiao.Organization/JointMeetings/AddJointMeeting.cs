using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.JointMeetings;

/// <summary>
/// Records a meeting of an active system: what it discussed and decided, and the petitions (by number) and cases (by id)
/// it took up. Only petitions and cases the caller may open can be linked; they are stored by id.
/// </summary>
internal sealed record AddJointMeeting(DateOnly HeldOn, string Matters, string Decisions, IReadOnlyList<string>? PetitionNumbers, IReadOnlyList<Guid>? CaseIds)
    : ICommand<RecordedMeeting>
{
    [JsonIgnore]
    public Guid SystemId { get; init; }
}

internal sealed record RecordedMeeting(Guid Id);

internal sealed class AddJointMeetingValidator : AbstractValidator<AddJointMeeting>
{
    public const int MaxLinks = 50;

    public AddJointMeetingValidator()
    {
        RuleFor(c => c.HeldOn).Must(d => d.Year >= 2000).WithMessage("A date from 2000 on.");
        RuleFor(c => c.Matters).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Decisions).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.PetitionNumbers).Must(n => n is null || n.Count <= MaxLinks).WithMessage($"At most {MaxLinks} petitions.");
        RuleForEach(c => c.PetitionNumbers).NotEmpty().MaximumLength(40);
        RuleFor(c => c.CaseIds).Must(n => n is null || n.Count <= MaxLinks).WithMessage($"At most {MaxLinks} cases.");
        RuleForEach(c => c.CaseIds).NotEqual(Guid.Empty);
    }
}

internal sealed class AddJointMeetingHandler(
    IDbSession session,
    JointMeetingStore store,
    IPetitionReferences petitions,
    ICaseReferences cases,
    ICurrentUser caller,
    IEventPublisher events,
    IAuditLog audit,
    TimeProvider clock) : ICommandHandler<AddJointMeeting, RecordedMeeting>
{
    public async ValueTask<RecordedMeeting> Handle(AddJointMeeting command, CancellationToken cancellationToken)
    {
        var system = await store.GetAsync(command.SystemId, cancellationToken);
        if (system.RetiredOn is not null)
        {
            throw new ConflictException("joint_meeting_system_retired", "The joint-meeting system is retired and takes no new meetings.");
        }

        if (command.HeldOn > store.Today || command.HeldOn < system.EstablishedOn)
        {
            throw JointMeetingStore.Invalid(nameof(AddJointMeeting.HeldOn), "A meeting is recorded once held, and not before the system was established.");
        }

        var petitionIds = await PetitionIdsAsync(command.PetitionNumbers ?? [], cancellationToken);
        var caseIds = await CaseIdsAsync(command.CaseIds ?? [], cancellationToken);

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var meeting = new { Id = id, command.SystemId, command.HeldOn, Matters = command.Matters.Trim(), Decisions = command.Decisions.Trim(), RecordedBy = caller.UserId, Now = now };
        await session.ExecuteAsync(JointMeetingSql.InsertMeeting, meeting, cancellationToken);
        foreach (var petitionId in petitionIds)
        {
            await session.ExecuteAsync(JointMeetingSql.InsertLink, new { MeetingId = id, Kind = nameof(LinkKind.Petition), TargetId = petitionId }, cancellationToken);
        }

        foreach (var caseId in caseIds)
        {
            await session.ExecuteAsync(JointMeetingSql.InsertLink, new { MeetingId = id, Kind = nameof(LinkKind.Case), TargetId = caseId }, cancellationToken);
        }

        events.Publish(new JointMeetingHeld(Guid.CreateVersion7(now), now, id, system.Id, system.RegionId, system.RegionPath, command.HeldOn, petitionIds, caseIds));
        audit.Record(new AuditEntry("joint_meeting.held", "joint_meeting", id, After: new { meeting.SystemId, meeting.HeldOn, meeting.Matters, meeting.Decisions, PetitionIds = petitionIds, CaseIds = caseIds }));
        return new RecordedMeeting(id);
    }

    private async Task<IReadOnlyList<Guid>> PetitionIdsAsync(IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        var wanted = numbers.Select(n => n.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var found = await petitions.FindVisibleByNumberAsync(wanted, cancellationToken);
        var missing = wanted.Except(found.Select(p => p.Number), StringComparer.Ordinal).ToList();
        return missing.Count == 0
            ? found.Select(p => p.Id).ToList()
            : throw JointMeetingStore.Invalid(nameof(AddJointMeeting.PetitionNumbers), $"No petition you may open has the number {string.Join(", ", missing)}.");
    }

    private async Task<IReadOnlyList<Guid>> CaseIdsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var found = await cases.FindVisibleAsync(wanted, cancellationToken);
        return found.Count == wanted.Count
            ? wanted
            : throw JointMeetingStore.Invalid(nameof(AddJointMeeting.CaseIds), "Each case must be one you may open.");
    }
}

internal static class AddJointMeetingEndpoint
{
    public static void Map(IEndpointRouteBuilder systems) =>
        systems.MapPost("/{id:guid}/meetings", Handle)
            .WithName("AddJointMeeting")
            .WithDescription("Records a meeting of an active joint-meeting system: when it was held, what it discussed and decided, and the petitions (by number) and cases (by id) it took up; only petitions and cases the caller may open can be named (400 otherwise). 409 when the system is retired.")
            .WithSummary("Records a meeting of an active joint-meeting system of the caller's jurisdiction. 400 naming heldOn (ahead, or before the system was established), petitionNumbers or caseIds (one the caller may not open); 409 for a retired system.")
            .RequireCapability(Capability.ManageJointMeetingsAndLetters)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Created<RecordedMeeting>> Handle(Guid id, AddJointMeeting request, ISender sender, CancellationToken cancellationToken)
    {
        var recorded = await sender.Send(request with { SystemId = id }, cancellationToken);
        return TypedResults.Created($"/api/v1/joint-meeting-systems/{id}/meetings", recorded);
    }
}
