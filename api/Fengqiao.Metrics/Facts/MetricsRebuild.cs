using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Outbox;

namespace Fengqiao.Metrics.Facts;

/// <summary>
/// Rebuilds the daily facts from the event history the outbox keeps — the live events and the history the bulk loaders
/// record — so that a change of a definition, or a first start on seeded data, ends with the figures the events imply.
/// The same history always gives the same facts, whether rebuilt in memory (<see cref="RebuildAsync"/>) or event by event.
/// </summary>
public sealed class MetricsRebuild(EventHistoryReplay replay)
{
    private static readonly string ConsumerPrefix = typeof(MetricsRebuild).Namespace + ".";

    /// <summary>The rebuild: the consumers count the whole history in memory, and the facts are written at the end.</summary>
    public Task<ReplayProgress> RebuildAsync(Action<ReplayProgress>? onPage, CancellationToken cancellationToken) =>
        replay.RebuildInMemoryAsync(IsFactConsumer, new InMemoryFacts(new FactMemory()), onPage, cancellationToken);

    /// <summary>
    /// The same rebuild with the consumers reading and writing the tables for each event, through the inbox, as the dispatcher gives
    /// them events: the reference the rebuild in memory is checked against, a few hundred times slower.
    /// </summary>
    public Task<ReplayProgress> ReplayEventByEventAsync(Action<ReplayProgress>? onPage, CancellationToken cancellationToken) =>
        replay.RebuildAsync(IsFactConsumer, (session, token) => session.ExecuteAsync(FactSql.EmptyProjection, null, token), onPage, cancellationToken);

    private static bool IsFactConsumer(ConsumerRegistration consumer) => consumer.ConsumerName.StartsWith(ConsumerPrefix, StringComparison.Ordinal);

    /// <summary>The fact consumers over one <see cref="FactMemory"/>, resolved by the replay as the dispatcher resolves them from the services.</summary>
    private sealed class InMemoryFacts(FactMemory memory) : IInMemoryProjection, IServiceProvider
    {
        private readonly PetitionFactConsumer _petitions = new(memory);
        private readonly CaseFactConsumer _cases = new(memory);
        private readonly SuggestionFactConsumer _suggestions = new(memory);
        private readonly ReceptionFactConsumer _receptions = new(memory);
        private readonly MediationFactConsumer _mediation = new(memory);

        public IServiceProvider Consumers => this;

        public object? GetService(Type serviceType) =>
            serviceType == typeof(PetitionFactConsumer) ? _petitions
            : serviceType == typeof(CaseFactConsumer) ? _cases
            : serviceType == typeof(SuggestionFactConsumer) ? _suggestions
            : serviceType == typeof(ReceptionFactConsumer) ? _receptions
            : serviceType == typeof(MediationFactConsumer) ? _mediation
            : throw new InvalidOperationException($"{serviceType} consumes events for the facts but has no consumer over the facts in memory.");

        public Task ReplaceTablesAsync(IDbSession session, CancellationToken cancellationToken) => memory.ReplaceTablesAsync(session, cancellationToken);
    }
}
