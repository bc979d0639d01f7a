using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Outbox;

namespace Fengqiao.Metrics.Facts;

/// <summary>
/// Rebuilds the daily facts from the event history the outbox keeps — the live events and the history the bulk loaders
/// record — so that a change of a definition, or a first start on seeded data, ends with the figures the events imply.
/// The same history always gives the same facts.
/// </summary>
public sealed class MetricsRebuild(EventHistoryReplay replay)
{
    private static readonly string ConsumerPrefix = typeof(MetricsRebuild).Namespace + ".";

    public Task<ReplayProgress> RebuildAsync(Action<ReplayProgress>? onPage, CancellationToken cancellationToken) =>
        replay.RebuildAsync(
            consumer => consumer.ConsumerName.StartsWith(ConsumerPrefix, StringComparison.Ordinal),
            (session, token) => session.ExecuteAsync(FactSql.EmptyProjection, null, token),
            onPage,
            cancellationToken);
}
