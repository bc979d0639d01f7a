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

/// <summary>Sets up the joint-meeting system of a district or town of the caller's jurisdiction.</summary>
/// <param name="ConvenerUserId">The convening leader as a user of the platform; otherwise <paramref name="ConvenerName"/> names them.</param>
internal sealed record CreateJointMeetingSystem(
    string Name, Guid RegionId, Guid? ConvenerUserId, string? ConvenerName, string ConvenerPost, IReadOnlyList<Guid> MemberUnitIds, DateOnly EstablishedOn)
    : ICommand<EntityVersion>, IJointMeetingSystemFields;

internal sealed class CreateJointMeetingSystemValidator : AbstractValidator<CreateJointMeetingSystem>
{
    public CreateJointMeetingSystemValidator()
    {
        this.AddJointMeetingSystemFieldRules();
        RuleFor(c => c.RegionId).NotEmpty();
    }
}

internal sealed class CreateJointMeetingSystemHandler(IDbSession session, JointMeetingStore store, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateJointMeetingSystem, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(CreateJointMeetingSystem command, CancellationToken cancellationToken)
    {
        var regionPath = await store.RegionForNewSystemAsync(command.RegionId, cancellationToken);
        var convener = await store.CheckFieldsAsync(null, regionPath, command, cancellationToken);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await session.ExecuteAsync(
            JointMeetingSql.Insert,
            new
            {
                Id = id,
                Name = command.Name.Trim(),
                command.RegionId,
                RegionPath = regionPath,
                ConvenerUserId = convener.UserId,
                ConvenerName = convener.Name,
                ConvenerPost = command.ConvenerPost.Trim(),
                command.EstablishedOn,
                Now = now,
            },
            cancellationToken);
        await store.ReplaceMembersAsync(id, command.MemberUnitIds, cancellationToken);

        var created = await store.GetAsync(id, cancellationToken);
        audit.Record(new AuditEntry("joint_meeting_system.created", "joint_meeting_system", id, After: created));
        return new EntityVersion(id, created.Version);
    }
}

internal static class CreateJointMeetingSystemEndpoint
{
    public static void Map(IEndpointRouteBuilder systems) =>
        systems.MapPost("/", Handle)
            .WithName("CreateJointMeetingSystem")
            .WithDescription("Sets up the joint-meeting system of an active district or town of the caller's jurisdiction: its name, convener, member units and establishment date. 400 names `regionId`, `convenerUserId` or `memberUnitIds` when they are not of the jurisdiction; 409 when the region already has an active system.")
            .ProducesETag()
            .WithSummary("Sets up the joint-meeting system of an active district or town of the caller's jurisdiction. 400 naming regionId, convenerUserId or memberUnitIds when they are not of it (members are active units of the region); 409 when the region already has an active system.")
            .RequireCapability(Capability.ManageJointMeetingsAndLetters)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Created<EntityVersion>> Handle(CreateJointMeetingSystem request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/joint-meeting-systems/{created.Id}", created);
    }
}
