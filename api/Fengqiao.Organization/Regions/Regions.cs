using Fengqiao.BuildingBlocks.Auth;

namespace Fengqiao.Organization.Regions;

/// <summary>City 市 → district/county 区县 → town/street 镇街 → village/community 村社区.</summary>
internal sealed record RegionItem
{
    public required Guid Id { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public required RegionLevel Level { get; init; }

    public required Guid? ParentId { get; init; }

    /// <summary>Materialised path of region codes, e.g. <c>/330600/330602/</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Set once a village or community is retired: it keeps its name for history and is offered for no new work.</summary>
    public required DateTimeOffset? RetiredAt { get; init; }

    public required long Version { get; init; }
}

internal sealed record RegionList(IReadOnlyList<RegionItem> Items);
