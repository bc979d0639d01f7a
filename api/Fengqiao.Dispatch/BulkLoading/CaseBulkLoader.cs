using System.Diagnostics;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Dispatch.Cases;
using Fengqiao.Dispatch.Supervision;
using Fengqiao.Dispatch.Watcher;

namespace Fengqiao.Dispatch.BulkLoading;

/// <summary>
/// Writes replayed cases with the statements the handlers use — the case insert, then each step's insert and, where
/// the step was completed, its update (a co-unit's input, an extension's decision, a resumed pause, a ticked item,
/// an answered order) and the supervision board's counters — in transactions of a few thousand cases, each statement
/// prepared once per batch. Of the events the handlers would have raised, only <see cref="CaseFinal"/> is published; those the
/// projections count are recorded as history.
/// </summary>
internal sealed class CaseBulkLoader(IDbSession session, UnitOfWork unitOfWork, IEventPublisher events, IAuditLog audit)
{
    private const int BatchSize = 4000;

    public async Task<CaseLoadProgress> LoadAsync(IEnumerable<ReplayedCase> cases, Action<CaseLoadProgress>? onBatch, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var progress = new CaseLoadProgress(0, 0, TimeSpan.Zero);
        foreach (var batch in cases.Chunk(BatchSize))
        {
            var rows = await unitOfWork.ExecuteAsync(token => WriteAsync(batch, token), cancellationToken);
            progress = new CaseLoadProgress(progress.Cases + batch.Length, progress.Rows + rows, stopwatch.Elapsed);
            onBatch?.Invoke(progress);
        }

        return progress with { Elapsed = stopwatch.Elapsed };
    }

    private async ValueTask<long> WriteAsync(ReplayedCase[] batch, CancellationToken cancellationToken)
    {
        var coUnits = batch.SelectMany(c => c.CoUnits).ToList();
        var extensions = batch.Select(c => c.Extension).OfType<ReplayedExtension>().ToList();
        var pauses = batch.Select(c => c.Pause).OfType<ReplayedPause>().ToList();
        var orders = batch.Select(c => c.Order).OfType<ReplayedOrder>().ToList();
        var checklist = batch.SelectMany(c => c.Checklist.Select((item, ordinal) => new
        {
            CaseId = c.Row.Id,
            ItemKey = item.Key,
            Ordinal = ordinal,
            LabelZh = item.Label.GetValueOrDefault("zh-CN") ?? item.Key,
            LabelEn = item.Label.GetValueOrDefault("en") ?? item.Key,
            Now = c.ChecklistDoneAt,
            ByName = c.Row.LeadUnitName,
        })).ToList();
        var timeline = batch.SelectMany(c => c.Timeline).ToList();
        var breaches = batch.SelectMany(c => c.Breaches).ToList();
        var reminders = batch.SelectMany(c => c.Reminders).ToList();

        await session.ExecuteAsync(CaseSql.Insert, batch.Select(c => CaseStore.Parameters(c.Row)).ToList(), cancellationToken);
        await session.ExecuteAsync(CaseSql.InsertCoUnit, coUnits, cancellationToken);
        await session.ExecuteAsync(CaseSql.SubmitCoUnitInput,
            coUnits.Where(u => u.InputAt is not null).Select(u => new { u.CaseId, u.UnitId, Text = u.InputText, Now = u.InputAt, ByName = u.UnitName }).ToList(), cancellationToken);
        await session.ExecuteAsync(CaseSql.InsertTimeline, timeline, cancellationToken);
        await session.ExecuteAsync(CaseSql.InsertExtension,
            extensions.Select(e => new { e.Id, e.CaseId, e.Days, e.Reason, Now = e.RequestedAt, ByName = (string?)null }).ToList(), cancellationToken);
        await session.ExecuteAsync(CaseSql.DecideExtension,
            extensions.Where(e => e.Decision is not null).Select(e => new { e.Id, Status = e.Decision, Now = e.DecidedAt, ByName = e.DecidedByName, Reason = e.Reason }).ToList(),
            cancellationToken);
        await session.ExecuteAsync(CaseSql.InsertPause, pauses.Select(p => new { p.Id, p.CaseId, p.Reason, Now = p.PausedAt }).ToList(), cancellationToken);
        await session.ExecuteAsync(CaseSql.EndPause,
            pauses.Where(p => p.ResumedAt is not null).Select(p => new { p.CaseId, Now = p.ResumedAt, p.Days }).ToList(), cancellationToken);
        await session.ExecuteAsync(CaseSql.InsertChecklistItem, checklist, cancellationToken);
        await session.ExecuteAsync(CaseSql.TickChecklistItem, checklist.Where(i => i.Now is not null).ToList(), cancellationToken);
        await session.ExecuteAsync(SupervisionSql.InsertOrder,
            orders.Select(o => new { o.Id, o.CaseId, o.UnitId, o.UnitName, o.Text, o.DueOn, Now = o.IssuedAt, ByName = o.IssuedByName }).ToList(), cancellationToken);
        await session.ExecuteAsync(SupervisionSql.AnswerOrder,
            orders.Where(o => o.AnsweredAt is not null).Select(o => new { o.Id, Text = o.AnswerText, Now = o.AnsweredAt, ByName = o.UnitName }).ToList(),
            cancellationToken);
        await session.ExecuteAsync(CaseSql.InsertBreach, breaches, cancellationToken);
        await session.ExecuteAsync(WatcherSql.InsertReminder, reminders, cancellationToken);
        var counters = batch.Select(c => BoardDelta.Of(c.Row, 1)).OfType<BoardDelta>()
            .GroupBy(d => (d.LeadUnitId, d.RegionId)).Select(g => g.Skip(1).Aggregate(g.First(), (sum, d) => sum.Plus(d))).ToList();
        await BoardCounts.AddAsync(session, counters, cancellationToken);

        foreach (var recorded in batch.SelectMany(c => c.Events))
        {
            events.RecordHistory(recorded);
        }

        // Other modules act on a final matter (intake refuses or flags new petitions on it), so closing a re-review says so as CloseCase does.
        foreach (var final in batch.Where(c => c.Row.FinalAt is not null).Select(c => c.Row))
        {
            var header = CaseEventHeader.Of(final, final.FinalAt!.Value);
            events.Publish(new CaseFinal(header.EventId, header.OccurredAt, header.CaseId, header.PetitionId, header.Kind, header.RegionPath, header.LeadUnitId, final.Number));
        }

        audit.Record(new AuditEntry("demo.cases_loaded", "case", null, After: new { Cases = batch.Length, First = batch[0].Row.Number, Last = batch[^1].Row.Number }));
        return batch.Length + coUnits.Count + timeline.Count + extensions.Count + pauses.Count + checklist.Count + orders.Count + breaches.Count + reminders.Count;
    }
}
