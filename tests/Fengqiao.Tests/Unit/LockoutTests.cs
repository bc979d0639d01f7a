using System.Net;
using Fengqiao.Organization.SignIn;
using Microsoft.Extensions.Options;

namespace Fengqiao.Tests.Unit;

public sealed class LockoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly Lockout Rules = new(Options.Create(new LockoutOptions()));

    [Test]
    public void FourthFailure_CountsWithoutLocking()
    {
        Assert.That(Rules.AfterAddressFailure(3, Now), Is.EqualTo((4, (DateTimeOffset?)null)));
    }

    [Test]
    public void FifthFailure_LocksForFifteenMinutes()
    {
        Assert.That(Rules.AfterAddressFailure(4, Now), Is.EqualTo((0, (DateTimeOffset?)Now.AddMinutes(15))));
    }

    [Test]
    public void Lock_HoldsUntilItsEnd()
    {
        var locked = Streak(0, Now, lockoutEnd: Now.AddMinutes(15));
        Assert.Multiple(() =>
        {
            Assert.That(Lockout.IsLockedOut(locked, Now.AddMinutes(14)), Is.True);
            Assert.That(Lockout.IsLockedOut(locked, Now.AddMinutes(15)), Is.False);
            Assert.That(Lockout.IsLockedOut(Streak(4, Now), Now), Is.False);
            Assert.That(Lockout.IsLockedOut(null, Now), Is.False);
        });
    }

    [Test]
    public void Streak_CountsUntilFifteenMinutesAfterItsLastFailure()
    {
        var streak = Streak(3, Now);
        Assert.Multiple(() =>
        {
            Assert.That(Rules.AddressFailuresSoFar(streak, Now.AddMinutes(14)), Is.EqualTo(3));
            Assert.That(Rules.AddressFailuresSoFar(streak, Now.AddMinutes(15)), Is.EqualTo(0));
            Assert.That(Rules.AddressFailuresSoFar(null, Now), Is.EqualTo(0));
        });
    }

    [Test]
    public void NameFailures_BelowTheThreshold_DelayNothing()
    {
        Assert.That(Rules.AfterNameFailure(18, Now), Is.EqualTo((19, (DateTimeOffset?)null)));
    }

    [TestCase(19, 1)]
    [TestCase(20, 2)]
    [TestCase(21, 4)]
    [TestCase(22, 8)]
    [TestCase(23, 15)]
    [TestCase(60, 15)]
    public void NameFailures_FromTheThresholdOn_DoubleTheDelayUpToItsCap(int failuresSoFar, int minutes)
    {
        Assert.That(Rules.AfterNameFailure(failuresSoFar, Now), Is.EqualTo((failuresSoFar + 1, (DateTimeOffset?)Now.AddMinutes(minutes))));
    }

    [Test]
    public void NameStreak_CountsForADayAfterItsLastFailure()
    {
        var streak = Streak(12, Now);
        Assert.Multiple(() =>
        {
            Assert.That(Rules.NameFailuresSoFar(streak, Now.AddHours(23)), Is.EqualTo(12));
            Assert.That(Rules.NameFailuresSoFar(streak, Now.AddHours(24)), Is.EqualTo(0));
        });
    }

    [TestCase("203.0.113.7", "203.0.113.7")]
    [TestCase("::ffff:203.0.113.7", "203.0.113.7")]
    [TestCase("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [TestCase("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void ClientKey_IsTheIPv4AddressOrTheIPv6Network(string address, string key)
    {
        Assert.That(Lockout.ClientKey(IPAddress.Parse(address)), Is.EqualTo(key));
    }

    [Test]
    public void ClientKey_WithoutAnAddress_IsLocal()
    {
        Assert.That(Lockout.ClientKey(null), Is.EqualTo("local"));
    }

    private static SignInFailures Streak(int failures, DateTimeOffset lastFailedAt, DateTimeOffset? lockoutEnd = null) =>
        new() { Failures = failures, LastFailedAt = lastFailedAt, LockoutEnd = lockoutEnd };
}
