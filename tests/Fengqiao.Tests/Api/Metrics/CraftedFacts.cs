using System.Globalization;
using Fengqiao.Metrics.Facts;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Metrics;

/// <summary>Facts crafted for a test, written as the consumers write them: the daily rows and the monthly rows they count in.</summary>
internal static class CraftedFacts
{
    public static async Task AddAsync(ApiFactory api, FactKey key, params (Counter Counter, int Change)[] changes)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IFactLedger>()
            .ApplyAsync([.. changes.Select(c => new FactDelta(key, c.Counter, c.Change))], CancellationToken.None);
    }

    /// <summary>Facts of a day counted in the first village of a town, under no unit and the category <c>crafted</c>.</summary>
    public static async Task AddInFirstVillageAsync(ApiFactory api, string town, string day, string channel, params (Counter Counter, int Change)[] changes)
    {
        string path;
        using (var db = TestDatabase.Open(api))
        {
            path = TestDatabase.Strings(db, "SELECT path FROM org_regions WHERE parent_id = (SELECT id FROM org_regions WHERE name = $town) ORDER BY path LIMIT 1", ("$town", town)).Single();
        }

        await AddAsync(api, new FactKey(DateOnly.Parse(day, CultureInfo.InvariantCulture), path, Guid.Empty, channel, "crafted"), changes);
    }
}
