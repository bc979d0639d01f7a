using Fengqiao.Organization.SignIn;

namespace Fengqiao.Tests.Unit;

public sealed class LockoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    [Test]
    public void FourthFailure_CountsWithoutLocking()
    {
        Assert.That(Lockout.AfterFailure(3, Now), Is.EqualTo((4, (DateTimeOffset?)null)));
    }

    [Test]
    public void FifthFailure_LocksForFifteenMinutes()
    {
        Assert.That(Lockout.AfterFailure(4, Now), Is.EqualTo((0, (DateTimeOffset?)Now.AddMinutes(15))));
    }

    [Test]
    public void Lock_HoldsUntilItsEnd()
    {
        var end = Now.AddMinutes(15);
        Assert.Multiple(() =>
        {
            Assert.That(Lockout.IsLockedOut(end, Now.AddMinutes(14)), Is.True);
            Assert.That(Lockout.IsLockedOut(end, end), Is.False);
            Assert.That(Lockout.IsLockedOut(null, Now), Is.False);
        });
    }
}
