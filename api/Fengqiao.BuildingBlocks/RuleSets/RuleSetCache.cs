using Fengqiao.BuildingBlocks.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.BuildingBlocks.RuleSets;

internal sealed class RuleSetCache(IServiceScopeFactory scopes, DataGeneration generation) : IRuleSets
{
    private volatile Snapshot? _snapshot;

    public ActiveRuleSet Active => _snapshot?.Active
        ?? throw new InvalidOperationException("The rule sets have not been loaded; the host loads them at start.");

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
        var stamp = await session.QuerySingleOrDefaultAsync<TableStamp>(RuleSetSql.Stamp, null, cancellationToken);
        if (_snapshot is { } loaded && loaded.Stamp == stamp)
        {
            return;
        }

        var all = await scope.ServiceProvider.GetRequiredService<RuleSetStore>().ListAsync(cancellationToken);
        var active = all.SingleOrDefault(r => r.IsActive) ?? throw new InvalidOperationException("No rule set is active.");
        var read = new TableStamp { Rows = all.Count, Versions = all.Sum(r => r.Version) };
        _snapshot = new Snapshot(read, new ActiveRuleSet(active.Name, active.Title, active.Version, active.Document));
        // Answers kept by the read cache were made with the settings replaced here (also when another instance changed them).
        generation.Advance();
    }

    private sealed record Snapshot(TableStamp Stamp, ActiveRuleSet Active);
}
