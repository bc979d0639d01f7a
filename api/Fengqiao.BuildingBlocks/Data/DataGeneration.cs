namespace Fengqiao.BuildingBlocks.Data;

/// <summary>
/// Counts the units of work this process has committed. A read answered while the count stood at one value may be
/// answered again from memory until the count moves: it is advanced only after a commit succeeded, so a read that
/// starts after a write returns sees that write. It knows nothing of what another process writes.
/// </summary>
public sealed class DataGeneration
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    internal void Advance() => Interlocked.Increment(ref _value);
}
