using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Fengqiao.Organization.SignIn;

/// <summary>
/// How many wrong passwords lock a user name, and for how long (configuration section <c>Lockout</c>). Two counts run side
/// by side: per name and client address, which locks the address quickly without locking the user out of their own; and
/// per name from all addresses together, which needs far more failures and then delays every sign-in to the name by a
/// time that doubles with each further failure, so guessing from many addresses gains little.
/// </summary>
internal sealed class LockoutOptions
{
    public const string Section = "Lockout";

    /// <summary>Wrong passwords in a row for one name from one address that lock the name for that address.</summary>
    public int AddressFailures { get; set; } = 5;

    /// <summary>How long that lock lasts; a streak also counts until this long after its last failure.</summary>
    public TimeSpan AddressLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Wrong passwords for one name from all addresses together before each further one delays the name everywhere.</summary>
    public int NameFailures { get; set; } = 20;

    /// <summary>The first delay; each further failure doubles it up to <see cref="NameMaxDelay"/>.</summary>
    public TimeSpan NameDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan NameMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A name's count starts anew this long after its last failure, and after a successful sign-in.</summary>
    public TimeSpan NameWindow { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>
/// The lockout rules over stored failure streaks (<see cref="LockoutOptions"/>). Unknown names are counted exactly as known
/// ones, so no answer tells which names exist; and while a name is locked or delayed no password is checked.
/// </summary>
internal sealed class Lockout(IOptions<LockoutOptions> options)
{
    private LockoutOptions Settings => options.Value;

    public TimeSpan AddressLockout => Settings.AddressLockout;

    public TimeSpan NameWindow => Settings.NameWindow;

    public static bool IsLockedOut(SignInFailures? streak, DateTimeOffset now) => streak?.LockoutEnd is { } end && end > now;

    /// <summary>An address streak counts until <see cref="LockoutOptions.AddressLockout"/> after its last wrong password.</summary>
    public int AddressFailuresSoFar(SignInFailures? streak, DateTimeOffset now) => SoFar(streak, now, Settings.AddressLockout);

    /// <summary>A name's streak counts until <see cref="LockoutOptions.NameWindow"/> after its last wrong password.</summary>
    public int NameFailuresSoFar(SignInFailures? streak, DateTimeOffset now) => SoFar(streak, now, Settings.NameWindow);

    /// <summary>The address streak's count and lock end after one more wrong password; a lock starts the count anew.</summary>
    public (int Failures, DateTimeOffset? LockoutEnd) AfterAddressFailure(int failuresSoFar, DateTimeOffset now)
    {
        var failures = failuresSoFar + 1;
        return failures >= Settings.AddressFailures ? (0, now + Settings.AddressLockout) : (failures, null);
    }

    /// <summary>The name's count and delay end after one more wrong password: from the threshold on, each one doubles the delay.</summary>
    public (int Failures, DateTimeOffset? DelayEnd) AfterNameFailure(int failuresSoFar, DateTimeOffset now)
    {
        var failures = failuresSoFar + 1;
        if (failures < Settings.NameFailures)
        {
            return (failures, null);
        }

        var delay = Settings.NameDelay;
        for (var beyond = failures - Settings.NameFailures; beyond > 0 && delay < Settings.NameMaxDelay; beyond--)
        {
            delay *= 2;
        }

        return (failures, now + (delay < Settings.NameMaxDelay ? delay : Settings.NameMaxDelay));
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

    private static int SoFar(SignInFailures? streak, DateTimeOffset now, TimeSpan window) =>
        streak is null || streak.LastFailedAt + window <= now ? 0 : streak.Failures;
}

/// <summary>A failure streak: of a name from one address (lock end) or of a name from everywhere (delay end).</summary>
internal sealed record SignInFailures
{
    public required int Failures { get; init; }

    public required DateTimeOffset LastFailedAt { get; init; }

    public required DateTimeOffset? LockoutEnd { get; init; }
}
