using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Organization.SignIn;

internal static class SignInSql
{
    private const string AccountColumns = """
        u.id AS Id, u.user_name AS UserName, u.display_name AS DisplayName, u.password_hash AS PasswordHash,
        u.is_disabled AS IsDisabled, u.security_stamp AS SecurityStamp, u.unit_id AS UnitId, n.region_path AS RegionPath
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

    /// <summary>Holds the row (or its absence) until commit, so concurrent attempts count one after another.</summary>
    public static string FailuresOf(ISqlDialect dialect) => $"""
        SELECT failures AS Failures, last_failed_at AS LastFailedAt, lockout_end AS LockoutEnd
        FROM org_sign_in_failures {dialect.KeyRangeLock}
        WHERE user_name = @UserName AND client_address = @ClientAddress
        """;

    public const string InsertFailures = """
        INSERT INTO org_sign_in_failures (user_name, client_address, failures, last_failed_at, lockout_end)
        VALUES (@UserName, @ClientAddress, @Failures, @Now, @LockoutEnd)
        """;

    public const string UpdateFailures = """
        UPDATE org_sign_in_failures SET failures = @Failures, last_failed_at = @Now, lockout_end = @LockoutEnd
        WHERE user_name = @UserName AND client_address = @ClientAddress
        """;

    /// <summary>Streaks that no longer count (see <see cref="Lockout.AddressFailuresSoFar"/>), so guessed names do not pile up.</summary>
    public const string DeleteExpiredFailures = """
        DELETE FROM org_sign_in_failures WHERE last_failed_at < @ExpiredBefore AND (lockout_end IS NULL OR lockout_end < @Now)
        """;

    public const string ClearFailures = """
        DELETE FROM org_sign_in_failures WHERE user_name = @UserName AND client_address = @ClientAddress
        """;

    /// <summary>The name's failures from every address; held until commit like <see cref="FailuresOf"/>.</summary>
    public static string NameFailuresOf(ISqlDialect dialect) => $"""
        SELECT failures AS Failures, last_failed_at AS LastFailedAt, delay_until AS LockoutEnd
        FROM org_sign_in_name_failures {dialect.KeyRangeLock}
        WHERE user_name = @UserName
        """;

    public const string InsertNameFailures = """
        INSERT INTO org_sign_in_name_failures (user_name, failures, last_failed_at, delay_until)
        VALUES (@UserName, @Failures, @Now, @DelayUntil)
        """;

    public const string UpdateNameFailures = """
        UPDATE org_sign_in_name_failures SET failures = @Failures, last_failed_at = @Now, delay_until = @DelayUntil
        WHERE user_name = @UserName
        """;

    /// <summary>Names whose count no longer counts (see <see cref="Lockout.NameFailuresSoFar"/>).</summary>
    public const string DeleteExpiredNameFailures = """
        DELETE FROM org_sign_in_name_failures WHERE last_failed_at < @ExpiredBefore AND (delay_until IS NULL OR delay_until < @Now)
        """;

    public const string ClearNameFailures = "DELETE FROM org_sign_in_name_failures WHERE user_name = @UserName";

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

internal static class SecurityStampSql
{
    public const string Change = "UPDATE org_users SET security_stamp = security_stamp + 1 WHERE id = @UserId";

    /// <summary>Stamps only grow and users are never deleted, so count and sum change with every change of a stamp.</summary>
    public const string Totals = """
        SELECT CAST(COUNT(*) AS BIGINT) AS Rows, CAST(COALESCE(SUM(security_stamp), 0) AS BIGINT) AS Versions
        FROM org_users
        """;

    public const string All = "SELECT id AS UserId, security_stamp AS Stamp FROM org_users";

    public const string One = "SELECT id AS UserId, security_stamp AS Stamp FROM org_users WHERE id = @UserId";
}
