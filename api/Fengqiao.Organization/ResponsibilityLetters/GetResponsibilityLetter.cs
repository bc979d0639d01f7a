using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Organization.JointMeetings;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Fengqiao.BuildingBlocks.Auth;

namespace Fengqiao.Organization.ResponsibilityLetters;

internal sealed record GetResponsibilityLetter(Guid Id) : IQuery<ResponsibilityLetterItem>;

internal sealed class GetResponsibilityLetterHandler(ResponsibilityLetterStore store) : IQueryHandler<GetResponsibilityLetter, ResponsibilityLetterItem>
{
    public async ValueTask<ResponsibilityLetterItem> Handle(GetResponsibilityLetter query, CancellationToken cancellationToken) =>
        await store.GetAsync(query.Id, cancellationToken);
}

internal static class GetResponsibilityLetterEndpoint
{
    public static void Map(IEndpointRouteBuilder letters) =>
        letters.MapGet("/{id:guid}", Handle)
            .WithName("GetResponsibilityLetter")
            .WithDescription("One responsibility letter whose receiving region lies in the caller's jurisdiction, with its signatories, whether its signed file is attached, and its ETag for attaching the file. 404 when it does not exist or lies outside the caller's jurisdiction.")
            .ProducesETag()
            .WithSummary("A responsibility letter whose receiving region lies in the caller's jurisdiction.")
            .RequireCapability(Capability.ViewJointMeetingsAndLetters)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<ResponsibilityLetterItem>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var letter = await sender.Send(new GetResponsibilityLetter(id), cancellationToken);
        Versioning.SetETag(context, letter.Version);
        return TypedResults.Ok(letter);
    }
}
