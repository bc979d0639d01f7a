using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Organization.Users;

internal static class UserSql
{
    private const string Columns = """
        u.id AS Id, u.user_name AS UserName, u.display_name AS DisplayName, u.unit_id AS UnitId, n.name AS UnitName,
        u.is_disabled AS IsDisabled, u.version AS Version
        """;

    public static string List(ISqlDialect dialect) => $"""
        SELECT {Columns}
        FROM org_users u
        JOIN org_units n ON n.id = u.unit_id
        WHERE n.region_path LIKE @JurisdictionPrefix
          AND (@UnitId IS NULL OR u.unit_id = @UnitId)
          AND (@Search IS NULL OR u.user_name LIKE @Search OR u.display_name LIKE @Search)
          AND (@AfterUserName IS NULL OR u.user_name > @AfterUserName)
        ORDER BY u.user_name
        {dialect.Limit("@Limit")}
        """;

    public static string Agents(ISqlDialect dialect) => $"""
        SELECT u.id AS Id, u.display_name AS DisplayName, n.name AS UnitName
        FROM org_users u
        JOIN org_units n ON n.id = u.unit_id
        WHERE n.region_path LIKE @JurisdictionPrefix
          AND u.is_disabled = 0
          AND EXISTS (SELECT 1 FROM org_user_roles r WHERE r.user_id = u.id AND r.role = @Role)
          AND (@Search IS NULL OR u.display_name LIKE @Search OR u.user_name LIKE @Search)
        ORDER BY u.display_name, u.id
        {dialect.Limit("@Limit")}
        """;

    public const string GetInJurisdiction = $"""
        SELECT {Columns}
        FROM org_users u
        JOIN org_units n ON n.id = u.unit_id
        WHERE u.id = @Id AND n.region_path LIKE @JurisdictionPrefix
        """;

    public const string RolesOf = """
        SELECT user_id AS UserId, role AS Role FROM org_user_roles WHERE user_id IN @UserIds
        """;

    public const string UserNameExists = "SELECT COUNT(*) FROM org_users WHERE user_name = @UserName";

    /// <summary>A unit new users may join: in the caller's jurisdiction and not retired.</summary>
    public const string UnitInJurisdiction = "SELECT COUNT(*) FROM org_units WHERE id = @UnitId AND region_path LIKE @JurisdictionPrefix AND retired_at IS NULL";

    public const string UnitKindInJurisdiction = "SELECT kind FROM org_units WHERE id = @UnitId AND region_path LIKE @JurisdictionPrefix";

    public const string RolesGrantableAtLevel = "SELECT role FROM org_role_grant_rules WHERE grantor_level = @Level";

    public const string RoleUnitKinds = "SELECT role AS Role, unit_kind AS UnitKind FROM org_role_unit_kinds";

    public const string Insert = """
        INSERT INTO org_users (id, user_name, display_name, unit_id, password_hash, is_disabled, security_stamp, created_at, updated_at, version)
        VALUES (@Id, @UserName, @DisplayName, @UnitId, @PasswordHash, 0, 1, @Now, @Now, 1)
        """;

    public const string InsertRole = "INSERT INTO org_user_roles (user_id, role) VALUES (@UserId, @Role)";

    public const string DeleteRoles = "DELETE FROM org_user_roles WHERE user_id = @UserId";

    public const string UpdateDisplayName = """
        UPDATE org_users SET display_name = @DisplayName, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string SetDisabled = """
        UPDATE org_users SET is_disabled = @IsDisabled, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string SetPassword = """
        UPDATE org_users SET password_hash = @PasswordHash, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    /// <summary>A new password lifts the lockout of the user's name from every address.</summary>
    public const string ClearSignInFailures = "DELETE FROM org_sign_in_failures WHERE user_name = @UserName";

    public const string ClearSignInNameFailures = "DELETE FROM org_sign_in_name_failures WHERE user_name = @UserName";

    public const string RevokeRefreshTokens = """
        UPDATE org_refresh_tokens SET revoked_at = @Now WHERE user_id = @UserId AND revoked_at IS NULL
        """;
}
