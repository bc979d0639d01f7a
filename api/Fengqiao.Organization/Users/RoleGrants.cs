using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.Organization.Users;

/// <summary>
/// Separation of duties for role grants, read from <c>org_role_grant_rules</c> (which roles an administrator of a region
/// level may grant or revoke) and <c>org_role_unit_kinds</c> (which unit kinds a role requires). Nobody changes their
/// own roles. Who may not grant a role gets 403; a role the target's unit cannot hold is a 400 on <c>roles</c>, whoever asks.
/// </summary>
internal sealed class RoleGrants(IDbSession session, ICurrentUser caller)
{
    /// <summary>The roles the caller may grant to (and revoke from) a user of the unit; none for the caller's own account.</summary>
    public async Task<IReadOnlyList<Role>> GrantableAsync(Guid unitId, Guid? userId, CancellationToken cancellationToken)
    {
        if (userId is { } id && id == caller.UserId)
        {
            return [];
        }

        var rules = await ReadAsync(unitId, cancellationToken);
        return rules.ByLevel.Where(rules.UnitMayHold).Order().ToList();
    }

    /// <summary>
    /// Throws unless the caller may manage another user's account (disable, enable, reset the password, rename): only when
    /// the caller's level may grant every role the user holds, so a town administrator can neither lock out nor take over
    /// a discipline inspector or a fellow administrator.
    /// </summary>
    public async Task CheckManageAsync(Guid userId, Guid unitId, IReadOnlyCollection<Role> roles, CancellationToken cancellationToken)
    {
        if (userId == caller.UserId)
        {
            return;
        }

        var rules = await ReadAsync(unitId, cancellationToken);
        var beyond = roles.Where(r => !rules.ByLevel.Contains(r)).Order().ToList();
        if (beyond.Count > 0)
        {
            throw new ForbiddenException(
                $"An administrator at your level may not manage a user who holds: {string.Join(", ", beyond.Select(RoleNames.Of))}.", "user_not_manageable");
        }
    }

    /// <summary>Throws unless the caller may turn the user's roles from <paramref name="before"/> into <paramref name="after"/>.</summary>
    public async Task CheckChangeAsync(Guid? userId, Guid unitId, IReadOnlyCollection<Role> before, IReadOnlyCollection<Role> after, CancellationToken cancellationToken)
    {
        var change = RoleChange.Between(before, after);
        if (change.IsEmpty)
        {
            return;
        }

        if (userId is { } id && id == caller.UserId)
        {
            throw new ForbiddenException("You cannot change your own roles; another administrator must.", "cannot_change_own_roles");
        }

        var rules = await ReadAsync(unitId, cancellationToken);
        var notYours = change.Granted.Concat(change.Revoked).Where(r => !rules.ByLevel.Contains(r)).Order().ToList();
        if (notYours.Count > 0)
        {
            throw new ForbiddenException(
                $"An administrator at your level may not grant or revoke: {string.Join(", ", notYours.Select(RoleNames.Of))}.", "role_not_grantable");
        }

        var misplaced = change.Granted.Where(r => !rules.UnitMayHold(r)).Order().ToList();
        if (misplaced.Count > 0)
        {
            throw new ValidationException([new ValidationFailure(
                "Roles",
                $"Users of a {UnitKindName(rules.UnitKind)} unit cannot hold: {string.Join(", ", misplaced.Select(RoleNames.Of))}.")]);
        }
    }

    private async Task<Rules> ReadAsync(Guid unitId, CancellationToken cancellationToken)
    {
        var unitKind = await session.QuerySingleInJurisdictionAsync<string>(caller, UserSql.UnitKindInJurisdiction, new { UnitId = unitId }, cancellationToken)
            ?? throw new NotFoundException("Unit");
        var level = Jurisdiction.LevelOf(caller);
        var byLevel = level is null
            ? []
            : (await session.QueryAsync<string>(UserSql.RolesGrantableAtLevel, new { Level = level.ToString() }, cancellationToken))
                .Select(Enum.Parse<Role>).ToHashSet();
        var unitKinds = (await session.QueryAsync<RoleUnitKindRow>(UserSql.RoleUnitKinds, null, cancellationToken))
            .ToLookup(r => Enum.Parse<Role>(r.Role), r => r.UnitKind);
        return new Rules(byLevel, unitKinds, unitKind);
    }

    private static string UnitKindName(string kind) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind);

    private sealed record Rules(IReadOnlySet<Role> ByLevel, ILookup<Role, string> UnitKindsByRole, string UnitKind)
    {
        public bool UnitMayHold(Role role) => !UnitKindsByRole.Contains(role) || UnitKindsByRole[role].Contains(UnitKind);
    }
}

/// <summary>The roles a change grants and revokes.</summary>
internal sealed record RoleChange(IReadOnlyList<Role> Granted, IReadOnlyList<Role> Revoked)
{
    public bool IsEmpty => Granted.Count == 0 && Revoked.Count == 0;

    public static RoleChange Between(IEnumerable<Role> before, IEnumerable<Role> after)
    {
        var from = before.ToHashSet();
        var to = after.ToHashSet();
        return new RoleChange(to.Except(from).Order().ToList(), from.Except(to).Order().ToList());
    }

    /// <summary>One audit entry per direction, naming the roles, with the user's roles before and after.</summary>
    public void Record(IAuditLog audit, Guid userId, IReadOnlyList<Role> before, IReadOnlyList<Role> after)
    {
        var rolesBefore = new { Roles = Names(before) };
        if (Granted.Count > 0)
        {
            audit.Record(new AuditEntry("user.roles_granted", "user", userId, rolesBefore, new { Roles = Names(after), Granted = Names(Granted) }));
        }

        if (Revoked.Count > 0)
        {
            audit.Record(new AuditEntry("user.roles_revoked", "user", userId, rolesBefore, new { Roles = Names(after), Revoked = Names(Revoked) }));
        }
    }

    private static List<string> Names(IEnumerable<Role> roles) => roles.Select(RoleNames.Of).ToList();
}

internal sealed record RoleUnitKindRow
{
    public required string Role { get; init; }

    public required string UnitKind { get; init; }
}
