namespace Fengqiao.BuildingBlocks.Auth;

/// <summary>The four levels of the region tree (DOMAIN §1): a region path has one code per level, e.g. <c>/330600/330602/</c> is a district.</summary>
public enum RegionLevel
{
    City = 1,
    District = 2,
    Town = 3,
    Village = 4,
}

public static class RegionPaths
{
    public static string Root(string code) => $"/{code}/";

    public static string Child(string parentPath, string code) => $"{parentPath}{code}/";

    /// <summary>The level of a path, or null when it is not one of the four (empty, deeper than a village).</summary>
    public static RegionLevel? LevelOf(string? path)
    {
        var depth = path?.Split('/', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
        return depth is >= (int)RegionLevel.City and <= (int)RegionLevel.Village ? (RegionLevel)depth : null;
    }

    /// <summary>The paths of a region's ancestors and its own, from the root down.</summary>
    public static IEnumerable<string> Lineage(string path)
    {
        for (var end = path.IndexOf('/', 1); end > 0; end = path.IndexOf('/', end + 1))
        {
            yield return path[..(end + 1)];
        }
    }

    /// <summary>The path of the ancestor (or the region itself) at a level, or null when the region lies above that level.</summary>
    public static string? AncestorAt(string path, RegionLevel level)
    {
        var slash = 0;
        for (var found = 0; found <= (int)level; found++)
        {
            slash = path.IndexOf('/', found == 0 ? 0 : slash + 1);
            if (slash < 0)
            {
                return null;
            }
        }

        return path[..(slash + 1)];
    }
}
