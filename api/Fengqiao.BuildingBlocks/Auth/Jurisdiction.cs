using System.Diagnostics.CodeAnalysis;
using Dapper;
using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.BuildingBlocks.Auth;

/// <summary>
/// The one way queries are limited to the caller's jurisdiction. Scoped SQL names the parameters
/// <c>@JurisdictionPrefix</c> (region path subtree, matched with LIKE), <c>@JurisdictionPath</c> (the caller's region
/// path itself, for queries that match a stored ancestor path with =) and <c>@JurisdictionUnitId</c> (items assigned to
/// the caller's unit); these methods always supply all three.
/// </summary>
public static class Jurisdiction
{
    public const string PrefixParameter = "JurisdictionPrefix";
    public const string PathParameter = "JurisdictionPath";
    public const string UnitParameter = "JurisdictionUnitId";

    /// <summary>A caller without a unit (e.g. an unknown external identity) sees nothing: no path matches this one.</summary>
    private const string NoRegion = "\u0000";

    public static DynamicParameters Parameters(ICurrentUser user, object? parameters = null)
    {
        var merged = new DynamicParameters(parameters);
        merged.Add(PrefixParameter, user.RegionPath is { Length: > 0 } path ? path + "%" : NoRegion);
        merged.Add(PathParameter, user.RegionPath is { Length: > 0 } ? user.RegionPath : NoRegion);
        merged.Add(UnitParameter, user.UnitId ?? Guid.Empty);
        return merged;
    }

    public static Task<IReadOnlyList<T>> QueryInJurisdictionAsync<T>(this IDbSession session, ICurrentUser user, string sql, object? parameters, CancellationToken cancellationToken) =>
        session.QueryAsync<T>(sql, Parameters(user, parameters), cancellationToken);

    public static Task<T?> QuerySingleInJurisdictionAsync<T>(this IDbSession session, ICurrentUser user, string sql, object? parameters, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<T>(sql, Parameters(user, parameters), cancellationToken);

    /// <summary>Whether <paramref name="regionPath"/> lies in the caller's region subtree; a caller without a region contains nothing.</summary>
    public static bool Contains(ICurrentUser user, string regionPath) => Contains(user.RegionPath, regionPath);

    /// <summary>Whether <paramref name="regionPath"/> lies in the subtree of <paramref name="ancestorPath"/> (materialised paths end with '/').</summary>
    public static bool Contains([NotNullWhen(true)] string? ancestorPath, string regionPath) =>
        ancestorPath is { Length: > 0 } && regionPath.StartsWith(ancestorPath, StringComparison.Ordinal);

    /// <summary>Whether the caller's jurisdiction is the whole region tree (a unit of the root region, the city).</summary>
    public static bool CoversWholeTree(ICurrentUser user) => LevelOf(user) == RegionLevel.City;

    /// <summary>The level of the caller's region, or null for a caller without one.</summary>
    public static RegionLevel? LevelOf(ICurrentUser user) => RegionPaths.LevelOf(user.RegionPath);

    /// <summary>City-wide settings (the work calendar, the rule sets) change only by callers whose jurisdiction is the whole tree.</summary>
    public static void RequireWholeTree(ICurrentUser user)
    {
        if (!CoversWholeTree(user))
        {
            throw new Errors.ForbiddenException("Only an administrator of the city (the whole region tree) can change city-wide settings.");
        }
    }
}
