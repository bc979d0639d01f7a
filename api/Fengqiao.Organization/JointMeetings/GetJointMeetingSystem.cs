using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.JointMeetings;

internal sealed record GetJointMeetingSystem(Guid Id) : IQuery<JointMeetingSystemItem>;

internal sealed class GetJointMeetingSystemHandler(JointMeetingStore store) : IQueryHandler<GetJointMeetingSystem, JointMeetingSystemItem>
{
    public async ValueTask<JointMeetingSystemItem> Handle(GetJointMeetingSystem query, CancellationToken cancellationToken) =>
        await store.GetAsync(query.Id, cancellationToken);
}

internal static class GetJointMeetingSystemEndpoint
{
    public static void Map(IEndpointRouteBuilder systems) =>
        systems.MapGet("/{id:guid}", Handle)
            .WithName("GetJointMeetingSystem")
            .WithDescription("One joint-meeting system of the caller's jurisdiction with its convener and member units, and its ETag for updating or retiring it. 404 when it does not exist or lies outside the caller's jurisdiction.")
            .ProducesETag()
            .WithSummary("A joint-meeting system of the caller's jurisdiction with its member units.")
            .RequireCapability(Capability.ViewJointMeetingsAndLetters)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<JointMeetingSystemItem>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var system = await sender.Send(new GetJointMeetingSystem(id), cancellationToken);
        Versioning.SetETag(context, system.Version);
        return TypedResults.Ok(system);
    }
}
