namespace Fengqiao.Tests.Support;

/// <summary>A clock tests move by hand, so leases and deadlines expire without sleeping.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
