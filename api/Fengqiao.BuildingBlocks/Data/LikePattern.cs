namespace Fengqiao.BuildingBlocks.Data;

public static class LikePattern
{
    /// <summary>
    /// A LIKE pattern matching text that contains <paramref name="search"/>, or null when nothing was typed. Wildcards
    /// typed into the search box are dropped, not escaped: the two engines escape LIKE patterns differently.
    /// </summary>
    public static string? Containing(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? null
            : $"%{search.Trim().Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal)}%";
}
