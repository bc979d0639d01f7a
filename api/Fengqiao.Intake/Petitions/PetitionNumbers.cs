using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Intake.Petitions;

/// <summary>Human-readable numbers per district and year, e.g. <c>越城-2026-000123</c>, from a counter row.</summary>
internal sealed class PetitionNumbers(IDbSession session)
{
    private static readonly string[] DistrictSuffixes = ["区", "市", "县"];

    public async Task<string> NextAsync(string? districtName, string cityName, int year, CancellationToken cancellationToken)
    {
        var prefix = ShortName(districtName ?? cityName);
        var parameters = new { Prefix = prefix, Year = year };
        if (await session.ExecuteAsync(PetitionSql.IncrementCounter, parameters, cancellationToken) == 0)
        {
            await session.ExecuteAsync(PetitionSql.InsertCounter, parameters, cancellationToken);
        }

        var value = await session.ExecuteScalarAsync<long>(PetitionSql.ReadCounter, parameters, cancellationToken);
        return $"{prefix}-{year}-{value:000000}";
    }

    /// <summary>越城区 → 越城, 诸暨市 → 诸暨, 新昌县 → 新昌; two-character names stay whole.</summary>
    public static string ShortName(string name) =>
        name.Length > 2 && DistrictSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)) ? name[..^1] : name;
}
