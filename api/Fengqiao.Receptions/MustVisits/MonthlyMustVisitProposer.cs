using System.Globalization;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Organization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fengqiao.Receptions.MustVisits;

public sealed class MustVisitProposerOptions
{
    public const string Section = "MustVisitProposer";

    public bool Enabled { get; set; } = true;

    /// <summary>How often it looks whether the current month still has districts to propose (a new month, a new district).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Proposes the must-visits of the current (Asia/Shanghai) month for every district once, recording the whole district's
/// proposals and the district's round in one transaction. A database lease, claimed in that transaction, keeps two instances
/// from proposing at once; the recorder's insert-if-missing keeps what a read recorded first from being recorded again.
/// </summary>
internal sealed partial class MonthlyMustVisitProposer(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<MustVisitProposerOptions> options,
    ILogger<MonthlyMustVisitProposer> logger) : BackgroundService
{
    private readonly string _owner = Guid.NewGuid().ToString("N");

    private sealed record DoneDistrict
    {
        public required Guid DistrictId { get; init; }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ProposeOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogProposeFailed(logger, exception);
            }

            try
            {
                await Task.Delay(options.Value.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One pass: proposes the current month for each district not yet gone through; returns how many it went through.</summary>
    public async Task<int> ProposeOnceAsync(CancellationToken cancellationToken)
    {
        var today = WorkCalendar.LocalDate(clock.GetUtcNow());
        var month = new DateOnly(today.Year, today.Month, 1);
        var monthText = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        List<RegionSnapshot> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
            var directory = scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>();
            // Nothing to do: no lease and no transaction, since every commit empties the read cache.
            var done = (await session.QueryAsync<DoneDistrict>(MustVisitSql.DistrictsDoneInMonth, new { Month = monthText }, cancellationToken))
                .Select(d => d.DistrictId)
                .ToHashSet();
            pending = (await directory.ListRegionsAsync(cancellationToken))
                .Where(r => RegionPaths.LevelOf(r.Path) == RegionLevel.District && !done.Contains(r.Id))
                .ToList();
        }

        var proposed = 0;
        foreach (var district in pending)
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            var recorder = scope.ServiceProvider.GetRequiredService<MustVisitRecorder>();
            var proposals = await scope.ServiceProvider.GetRequiredService<MustVisitProposer>().ProposeAsync(district, month, district.Path, cancellationToken);
            var claimed = await unitOfWork.ExecuteAsync(
                async token =>
                {
                    var now = clock.GetUtcNow();
                    if (await session.ExecuteAsync(MustVisitSql.ClaimLease, new { Owner = _owner, LeaseUntil = now + options.Value.LeaseDuration, Now = now }, token) == 0)
                    {
                        return false;
                    }

                    await recorder.RecordAsync(district, month, proposals.Towns, token);
                    await session.ExecuteAsync(MustVisitSql.InsertRoundIfAbsent(session.Dialect), new { Month = monthText, DistrictId = district.Id, ProposedAt = now }, token);
                    return true;
                },
                cancellationToken);
            if (!claimed)
            {
                break; // another instance holds the lease and will go through the rest
            }

            proposed++;
        }

        return proposed;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Monthly must-visit proposer pass failed")]
    private static partial void LogProposeFailed(ILogger logger, Exception exception);
}
