using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;

namespace Fengqiao.Organization.Users;

/// <summary>Reads and versioned writes of users, always within the caller's jurisdiction.</summary>
internal sealed class UserStore(IDbSession session, ICurrentUser caller)
{
    public async Task<UserItem> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleInJurisdictionAsync<UserRow>(caller, UserSql.GetInJurisdiction, new { Id = id }, cancellationToken)
            ?? throw new NotFoundException("User");
        var roles = await RolesOfAsync([id], cancellationToken);
        return row.WithRoles(roles.GetValueOrDefault(id, []));
    }

    /// <summary>The user as the caller read it: 404 outside jurisdiction, 412 when the version moved on.</summary>
    public async Task<UserItem> GetForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var user = await GetAsync(id, cancellationToken);
        if (user.Version != expectedVersion)
        {
            throw new PreconditionFailedException(user.Version);
        }

        return user;
    }

    public async Task<Dictionary<Guid, IReadOnlyList<Role>>> RolesOfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return [];
        }

        // Dapper expands IN lists without type handlers, so ids go as text: SQLite stores them so and SQL Server converts.
        var rows = await session.QueryAsync<UserRoleRow>(UserSql.RolesOf, new { UserIds = userIds.Select(id => id.ToString("D")).ToList() }, cancellationToken);
        return rows
            .GroupBy(r => r.UserId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<Role>)g.Select(r => Enum.Parse<Role>(r.Role)).Order().ToList());
    }

    /// <summary>Runs a versioned update; no row changed means someone else changed it since it was read.</summary>
    public async Task UpdateVersionedAsync(string sql, object parameters, long expectedVersion, CancellationToken cancellationToken)
    {
        if (await session.ExecuteAsync(sql, parameters, cancellationToken) == 0)
        {
            throw new PreconditionFailedException(expectedVersion);
        }
    }

    public async Task ReplaceRolesAsync(Guid userId, IEnumerable<Role> roles, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(UserSql.DeleteRoles, new { UserId = userId }, cancellationToken);
        foreach (var role in roles.Distinct())
        {
            await session.ExecuteAsync(UserSql.InsertRole, new { UserId = userId, Role = role.ToString() }, cancellationToken);
        }
    }
}
