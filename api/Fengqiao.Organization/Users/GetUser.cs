using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Users;

internal sealed record GetUser(Guid Id) : IQuery<UserItem>;

internal sealed class GetUserHandler(UserStore store) : IQueryHandler<GetUser, UserItem>
{
    public async ValueTask<UserItem> Handle(GetUser query, CancellationToken cancellationToken) =>
        await store.GetAsync(query.Id, cancellationToken);
}

internal static class GetUserEndpoint
{
    public static void Map(IEndpointRouteBuilder users) =>
        users.MapGet("/{id:guid}", Handle)
            .WithName("GetUser")
            .WithSummary("A user, with its version as ETag for later updates.")
            .RequireRoles(Role.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<UserItem>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var user = await sender.Send(new GetUser(id), cancellationToken);
        Versioning.SetETag(context, user.Version);
        return TypedResults.Ok(user);
    }
}
