using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Users;

/// <summary>Users of units within the caller's jurisdiction; <c>q</c> matches user name or display name.</summary>
internal sealed record ListUsers(string? Q, Guid? UnitId, string? Cursor, int? Limit) : IQuery<Page<UserItem>>;

internal sealed class ListUsersValidator : AbstractValidator<ListUsers>
{
    public ListUsersValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Q).MaximumLength(100);
    }
}

internal sealed class ListUsersHandler(IDbSession session, ICurrentUser caller, UserStore store) : IQueryHandler<ListUsers, Page<UserItem>>
{
    public async ValueTask<Page<UserItem>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<UserCursor>(query.Cursor);
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var rows = await session.QueryInJurisdictionAsync<UserRow>(
            caller,
            UserSql.List(session.Dialect),
            new
            {
                query.UnitId,
                Search = LikePattern.Containing(query.Q),
                AfterUserName = after?.UserName,
                Limit = limit + 1,
            },
            cancellationToken);
        var page = Cursor.ToPage(rows, limit, u => new UserCursor(u.UserName));
        var roles = await store.RolesOfAsync(page.Items.Select(u => u.Id).ToList(), cancellationToken);
        return new Page<UserItem>(page.Items.Select(u => u.WithRoles(roles.GetValueOrDefault(u.Id, []))).ToList(), page.NextCursor);
    }
}

internal static class ListUsersEndpoint
{
    public static void Map(IEndpointRouteBuilder users) =>
        users.MapGet("/", Handle)
            .WithName("ListUsers")
            .WithSummary("Users of units within the caller's jurisdiction, filtered by name and unit, keyset-paginated.")
            .WithDescription("The staff accounts of units within the administrator's jurisdiction, with unit, roles and whether they are disabled; `q` matches the user name or display name. Pages by keyset: pass the `next` cursor of one page to get the following one.")
            .RequireCapability(Capability.ManageUsers)
            .ProducesValidationProblem();

    private static async Task<Ok<Page<UserItem>>> Handle(
        string? q, Guid? unitId, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListUsers(q, unitId, cursor, limit), cancellationToken));
}
