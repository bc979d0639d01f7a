namespace Fengqiao.Organization.SignIn;

/// <summary>After five wrong passwords in a row an account is locked for fifteen minutes.</summary>
internal static class Lockout
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    public static bool IsLockedOut(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd is { } end && end > now;

    /// <summary>The failure count and lockout end to store after one more wrong password.</summary>
    public static (int Failures, DateTimeOffset? LockoutEnd) AfterFailure(int failuresSoFar, DateTimeOffset now)
    {
        var failures = failuresSoFar + 1;
        return failures >= MaxFailures ? (0, now + Duration) : (failures, null);
    }
}
