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
}
