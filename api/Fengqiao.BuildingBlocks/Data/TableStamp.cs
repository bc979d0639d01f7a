namespace Fengqiao.BuildingBlocks.Data;

/// <summary>Row count and sum of versions of a settings table: a cheap way to tell that another instance changed it.</summary>
internal sealed record TableStamp
{
    public required long Rows { get; init; }

    public required long Versions { get; init; }
}
