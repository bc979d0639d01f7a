using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.Mediation.Rooms;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.PublicTypes;

/// <summary>The dispute types for the public online application form, which a party fills in without an account.</summary>
internal static class ListPublicDisputeTypesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/public/mediation-dispute-types", Handle)
            .WithName("ListPublicDisputeTypes")
            .WithDescription("The dispute types (codes with Chinese and English names, in display order) for the type picker of the public online mediation application; they are public reference data. Rate-limited per client address like the rest of the public surface.")
            .WithSummary("The dispute types, for the public online mediation application form.")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Public)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Ok<IReadOnlyList<DisputeType>>> Handle(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListDisputeTypes(), cancellationToken));
}
