namespace Fengqiao.Organization.SignIn;

internal static class SignInSql
{
    private const string AccountColumns = """
        u.id AS Id, u.user_name AS UserName, u.display_name AS DisplayName, u.password_hash AS PasswordHash,
        u.is_disabled AS IsDisabled, u.failed_sign_ins AS FailedSignIns, u.lockout_end AS LockoutEnd,
        u.unit_id AS UnitId, n.region_path AS RegionPath
        """;

    public const string AccountByUserName = $"""
        SELECT {AccountColumns}
        FROM org_users u
        JOIN org_units n ON n.id = u.unit_id
        WHERE u.user_name = @UserName
        """;

    public const string AccountById = $"""
        SELECT {AccountColumns}
        FROM org_users u
        JOIN org_units n ON n.id = u.unit_id
        WHERE u.id = @Id
        """;

    public const string RolesOf = "SELECT role FROM org_user_roles WHERE user_id = @UserId";

    public const string RecordFailure = """
        UPDATE org_users SET failed_sign_ins = @Failures, lockout_end = @LockoutEnd WHERE id = @Id
        """;

    public const string RecordSuccess = """
        UPDATE org_users SET failed_sign_ins = 0, lockout_end = NULL WHERE id = @Id AND (failed_sign_ins <> 0 OR lockout_end IS NOT NULL)
        """;

    public const string InsertRefreshToken = """
        INSERT INTO org_refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at, revoked_at, replaced_by_id)
        VALUES (@Id, @UserId, @FamilyId, @TokenHash, @Now, @ExpiresAt, NULL, NULL)
        """;

    public const string RefreshTokenByHash = """
        SELECT id AS Id, user_id AS UserId, family_id AS FamilyId, expires_at AS ExpiresAt, revoked_at AS RevokedAt
        FROM org_refresh_tokens
        WHERE token_hash = @TokenHash
        """;

    public const string RotateRefreshToken = """
        UPDATE org_refresh_tokens SET revoked_at = @Now, replaced_by_id = @ReplacedById WHERE id = @Id AND revoked_at IS NULL
        """;

    public const string RevokeFamily = """
        UPDATE org_refresh_tokens SET revoked_at = @Now WHERE family_id = @FamilyId AND revoked_at IS NULL
        """;
}
