using System.Net;
using System.Net.Sockets;

namespace Fengqiao.Organization.SignIn;

/// <summary>
/// Five wrong passwords in a row for one user name from one client address lock that name for that address for fifteen
/// minutes. Unknown names are counted the same way, so the answer tells nothing about which names exist; and someone
/// guessing from elsewhere cannot lock the user out of their own address.
/// </summary>
internal static class Lockout
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    public static bool IsLockedOut(SignInFailures? streak, DateTimeOffset now) => streak?.LockoutEnd is { } end && end > now;

    /// <summary>A streak counts until <see cref="Duration"/> after its last wrong password; then the next one starts anew.</summary>
    public static int FailuresSoFar(SignInFailures? streak, DateTimeOffset now) =>
        streak is null || streak.LastFailedAt + Duration <= now ? 0 : streak.Failures;

    /// <summary>The failure count and lockout end to store after one more wrong password.</summary>
    public static (int Failures, DateTimeOffset? LockoutEnd) AfterFailure(int failuresSoFar, DateTimeOffset now)
    {
        var failures = failuresSoFar + 1;
        return failures >= MaxFailures ? (0, now + Duration) : (failures, null);
    }

    /// <summary>
    /// The address failures are counted under: an IPv4 address as is (also when mapped into IPv6), an IPv6 address by
    /// its /64 network, which one subscriber usually holds whole.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "local";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

internal sealed record SignInFailures
{
    public required int Failures { get; init; }

    public required DateTimeOffset LastFailedAt { get; init; }

    public required DateTimeOffset? LockoutEnd { get; init; }
}
