using Fengqiao.BuildingBlocks.Auth;

namespace Fengqiao.Organization.Users;

internal sealed record UserItem
{
    public required Guid Id { get; init; }

    public required string UserName { get; init; }

    public required string DisplayName { get; init; }

    public required Guid UnitId { get; init; }

    public required string UnitName { get; init; }

    public required IReadOnlyList<Role> Roles { get; init; }

    public required bool IsDisabled { get; init; }

    public required long Version { get; init; }
}

/// <summary>A user row as read for a change: what the audit trail records before and after (no secrets).</summary>
internal sealed record UserRow
{
    public required Guid Id { get; init; }

    public required string UserName { get; init; }

    public required string DisplayName { get; init; }

    public required Guid UnitId { get; init; }

    public required string UnitName { get; init; }

    public required bool IsDisabled { get; init; }

    public required long Version { get; init; }

    public UserItem WithRoles(IReadOnlyList<Role> roles) => new()
    {
        Id = Id,
        UserName = UserName,
        DisplayName = DisplayName,
        UnitId = UnitId,
        UnitName = UnitName,
        Roles = roles,
        IsDisabled = IsDisabled,
        Version = Version,
    };
}

internal sealed record UserRoleRow
{
    public required Guid UserId { get; init; }

    public required string Role { get; init; }
}

internal sealed record UserCursor(string UserName);
