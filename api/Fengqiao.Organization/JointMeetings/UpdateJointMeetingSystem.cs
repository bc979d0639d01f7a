using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.JointMeetings;

/// <summary>Renames a system, changes its convener, members or establishment date; needs If-Match. Its region stays.</summary>
internal sealed record UpdateJointMeetingSystem(
    string Name, Guid? ConvenerUserId, string? ConvenerName, string ConvenerPost, IReadOnlyList<Guid> MemberUnitIds, DateOnly EstablishedOn)
    : ICommand<EntityVersion>, IJointMeetingSystemFields
{
    [JsonIgnore]
    public Guid SystemId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class UpdateJointMeetingSystemValidator : AbstractValidator<UpdateJointMeetingSystem>
{
    public UpdateJointMeetingSystemValidator() => this.AddJointMeetingSystemFieldRules();
}

internal sealed class UpdateJointMeetingSystemHandler(IDbSession session, JointMeetingStore store, IAuditLog audit)
    : ICommandHandler<UpdateJointMeetingSystem, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(UpdateJointMeetingSystem command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.SystemId, command.ExpectedVersion, cancellationToken);
        var convener = await store.CheckFieldsAsync(before.Id, before.RegionPath, command, cancellationToken);
        await session.ExecuteVersionedAsync(
            JointMeetingSql.Update,
            new
            {
                Id = before.Id,
                Name = command.Name.Trim(),
                ConvenerUserId = convener.UserId,
                ConvenerName = convener.Name,
                ConvenerPost = command.ConvenerPost.Trim(),
                command.EstablishedOn,
                command.ExpectedVersion,
            },
            command.ExpectedVersion,
            cancellationToken);
        await store.ReplaceMembersAsync(before.Id, command.MemberUnitIds, cancellationToken);

        var after = await store.GetAsync(before.Id, cancellationToken);
        audit.Record(new AuditEntry("joint_meeting_system.updated", "joint_meeting_system", before.Id, before, after));
        return new EntityVersion(after.Id, after.Version);
    }
}

internal static class UpdateJointMeetingSystemEndpoint
{
    public static void Map(IEndpointRouteBuilder systems) =>
        systems.MapPut("/{id:guid}", Handle)
            .WithName("UpdateJointMeetingSystem")
            .WithDescription("Changes a system's name, convener, member units or establishment date; its region stays. If-Match carries the ETag read. 400 names the field as on creation, or `establishedOn` when it would fall after the system's first meeting; 409 when the system is retired.")
            .ProducesETag()
            .WithSummary("Changes a joint-meeting system's name, convener, members or establishment date. 400 naming the field as on creation, or establishedOn after its first meeting; 409 once retired.")
            .RequireCapability(Capability.ManageJointMeetingsAndLetters)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, UpdateJointMeetingSystem request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var updated = await sender.Send(request with { SystemId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, updated.Version);
        return TypedResults.Ok(updated);
    }
}
