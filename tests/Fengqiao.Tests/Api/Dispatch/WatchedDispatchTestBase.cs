using Fengqiao.Dispatch.Watcher;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fengqiao.Tests.Api.Dispatch;

/// <summary>A host whose clock the test moves, with the background watcher off: the test runs watcher passes itself.</summary>
public abstract class WatchedDispatchTestBase : DispatchTestBase
{
    // Starts at the real time: tokens are checked against it. After the clock moves, results are read from the database.
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    protected override Dictionary<string, string?> Settings => new()
    {
        ["RateLimits:PublicPerMinute"] = "1000",
        ["DeadlineWatcher:Enabled"] = "false",
    };

    protected override Action<IServiceCollection>? ConfigureServices => services => services.AddSingleton<TimeProvider>(_clock);

    /// <summary>Moves the clock to 10:00 in Shanghai on <paramref name="day"/>.</summary>
    internal void MoveTo(DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        _clock.Advance(target - _clock.GetUtcNow());
    }

    internal string Column(Guid caseId, string column)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, $"SELECT {column} FROM dispatch_cases WHERE id = $id", ("$id", caseId.ToString())).Single();
    }

    internal DeadlineWatcher NewWatcher() =>
        new(Api.Services.GetRequiredService<IServiceScopeFactory>(), _clock,
            Options.Create(new DeadlineWatcherOptions { Enabled = false }), NullLogger<DeadlineWatcher>.Instance);
}
