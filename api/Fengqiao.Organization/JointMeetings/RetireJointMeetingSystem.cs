using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Fengqiao.BuildingBlocks.Auth;

namespace Fengqiao.Organization.JointMeetings;

/// <summary>
/// Retires a joint-meeting system as of a day; needs If-Match. It keeps its meetings for history, takes no new ones, and
/// its region no longer counts as covered, so that a successor system may be set up.
/// </summary>
internal sealed record RetireJointMeetingSystem(DateOnly RetiredOn) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid SystemId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class RetireJointMeetingSystemValidator : AbstractValidator<RetireJointMeetingSystem>
{
    public RetireJointMeetingSystemValidator()
    {
        RuleFor(c => c.RetiredOn).Must(d => d.Year >= 2000).WithMessage("A date from 2000 on.");
    }
}

internal sealed class RetireJointMeetingSystemHandler(IDbSession session, JointMeetingStore store, IAuditLog audit)
    : ICommandHandler<RetireJointMeetingSystem, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RetireJointMeetingSystem command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.SystemId, command.ExpectedVersion, cancellationToken);
        if (command.RetiredOn > store.Today || command.RetiredOn < before.EstablishedOn || command.RetiredOn < before.LastMeetingOn)
        {
            throw JointMeetingStore.Invalid(nameof(RetireJointMeetingSystem.RetiredOn), "Not ahead, nor before the system was established or last met.");
        }

        await session.ExecuteVersionedAsync(
            JointMeetingSql.Retire, new { Id = before.Id, command.RetiredOn, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        var after = await store.GetAsync(before.Id, cancellationToken);
        audit.Record(new AuditEntry("joint_meeting_system.retired", "joint_meeting_system", before.Id, before, after));
        return new EntityVersion(after.Id, after.Version);
    }
}

internal static class RetireJointMeetingSystemEndpoint
{
    public static void Map(IEndpointRouteBuilder systems) =>
        systems.MapPost("/{id:guid}/retire", Handle)
            .WithName("RetireJointMeetingSystem")
            .WithDescription("Retires a joint-meeting system as of a day; If-Match carries the ETag read. It keeps its meetings for history but takes no new ones, and its region no longer counts as covered, so that a successor may be set up. 400 for a day ahead, before the system was established or before its last meeting; 409 when it is already retired.")
            .ProducesETag()
            .WithSummary("Retires a joint-meeting system as of retiredOn (not ahead, not before it was established or last met: 400). It keeps its meetings; 409 when already retired.")
            .RequireCapability(Capability.ManageJointMeetingsAndLetters)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, RetireJointMeetingSystem request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var retired = await sender.Send(request with { SystemId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, retired.Version);
        return TypedResults.Ok(retired);
    }
}
