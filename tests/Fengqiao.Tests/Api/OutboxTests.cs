using System.Collections.Concurrent;
using Fengqiao.BuildingBlocks;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Organization;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api;

/// <summary>At-least-once delivery with an inbox gives each consumer each event exactly once.</summary>
public sealed class OutboxTests
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private ApiFactory _api = null!;

    [OneTimeSetUp]
    public void Start() =>
        _api = new ApiFactory(
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddSingleton<ConcurrentDictionary<Guid, int>>();
                services.AddIntegrationEventConsumer<UserCreated, CountingConsumer>();
            },
            // No deadline watcher nor must-visit proposer: their passes commit too, which the idle-poll test would see.
            new() { ["Outbox:Enabled"] = "false", ["Outbox:BatchSize"] = "7", ["DeadlineWatcher:Enabled"] = "false", ["MustVisitProposer:Enabled"] = "false" });

    [OneTimeTearDown]
    public void Stop() => _api.Dispose();

    [Test]
    public async Task TwoDispatchersAtOnce_DeliverEachEventOnce()
    {
        var events = await PublishAsync(60);
        var first = NewDispatcher();
        var second = NewDispatcher();

        await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        var seen = Seen();
        Assert.That(events.Select(id => seen.GetValueOrDefault(id)), Is.All.EqualTo(1));
        Assert.That(Pending(events), Is.Zero);
    }

    [Test]
    public async Task StopBetweenDeliveryAndAcknowledgement_RedeliversButTheConsumerSeesItOnce()
    {
        var events = await PublishAsync(1);
        var crashed = NewDispatcher();
        var (claimed, _) = await crashed.ClaimAsync(CancellationToken.None);
        var message = claimed.Single(m => m.Id == events[0]);
        await crashed.DeliverAsync(message, CancellationToken.None);
        // ... and the process stops here: no acknowledgement.

        var successor = NewDispatcher();
        Assert.That(await successor.DispatchOnceAsync(CancellationToken.None), Is.Zero, "the lease still holds");

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await successor.DispatchOnceAsync(CancellationToken.None), Is.GreaterThanOrEqualTo(1));
        Assert.That(Seen()[events[0]], Is.EqualTo(1));
        Assert.That(Pending(events), Is.Zero);
    }

    [Test]
    public async Task FailingConsumer_KeepsTheMessagePendingWithItsError()
    {
        var events = await PublishAsync(1, userName: CountingConsumer.FailingUserName);
        await NewDispatcher().DispatchOnceAsync(CancellationToken.None);

        using var db = TestDatabase.Open(_api);
        var error = TestDatabase.Strings(db, "SELECT last_error FROM outbox_messages WHERE id = @id AND processed_at IS NULL", ("@id", events[0].ToString()));
        Assert.That(error.Single(), Does.Contain("InvalidOperationException"));
    }

    [Test]
    public async Task PollThatFindsNothing_CommitsNothing_SoTheReadCacheStays()
    {
        var dispatcher = NewDispatcher();
        // Until a poll delivers nothing: the demo seeding's events are pending too when this test runs first.
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
        {
        }

        var generation = _api.Services.GetRequiredService<DataGeneration>();
        var idle = generation.Value;

        Assert.That(await dispatcher.DispatchOnceAsync(CancellationToken.None), Is.Zero);
        Assert.That(generation.Value, Is.EqualTo(idle));

        await PublishAsync(1);
        Assert.That(generation.Value, Is.GreaterThan(idle), "a committed unit of work moves the generation");
    }

    private OutboxDispatcher NewDispatcher() => ActivatorUtilities.CreateInstance<OutboxDispatcher>(_api.Services);

    private ConcurrentDictionary<Guid, int> Seen() => _api.Services.GetRequiredService<ConcurrentDictionary<Guid, int>>();

    private static async Task DrainAsync(OutboxDispatcher dispatcher)
    {
        for (var round = 0; round < 50; round++)
        {
            await dispatcher.DispatchOnceAsync(CancellationToken.None);
        }
    }

    private async Task<List<Guid>> PublishAsync(int count, string userName = "someone")
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToList();
        await using var scope = _api.Services.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IEventPublisher>();
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(
            _ =>
            {
                foreach (var id in ids)
                {
                    publisher.Publish(new UserCreated(id, _clock.GetUtcNow(), Guid.NewGuid(), userName, Guid.NewGuid(), ["handler"]));
                }

                return ValueTask.FromResult(true);
            },
            CancellationToken.None);
        return ids;
    }

    private int Pending(IEnumerable<Guid> ids)
    {
        using var db = TestDatabase.Open(_api);
        var pending = 0;
        foreach (var id in ids)
        {
            pending += TestDatabase.Strings(db, "SELECT id FROM outbox_messages WHERE id = @id AND processed_at IS NULL", ("@id", id.ToString())).Count;
        }

        return pending;
    }

    private sealed class CountingConsumer(ConcurrentDictionary<Guid, int> seen) : IIntegrationEventConsumer<UserCreated>
    {
        public const string FailingUserName = "fails.always";

        public Task HandleAsync(UserCreated integrationEvent, CancellationToken cancellationToken)
        {
            if (integrationEvent.UserName == FailingUserName)
            {
                throw new InvalidOperationException("consumer failure for the test");
            }

            seen.AddOrUpdate(integrationEvent.EventId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}
