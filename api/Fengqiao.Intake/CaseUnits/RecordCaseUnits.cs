using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;

namespace Fengqiao.Intake.CaseUnits;

internal static class CaseUnitSql
{
    /// <summary>An assignment replaces the units of the case kept from an earlier event; an event older than the kept units changes nothing.</summary>
    public const string ForgetEarlier = "DELETE FROM intake_case_units WHERE case_id = @CaseId AND assigned_at < @AssignedAt";

    public const string Insert = """
        INSERT INTO intake_case_units (case_id, unit_id, petition_id, assigned_at)
        SELECT @CaseId, @UnitId, @PetitionId, @AssignedAt
        WHERE EXISTS (SELECT 1 FROM intake_petitions WHERE id = @PetitionId)
          AND NOT EXISTS (SELECT 1 FROM intake_case_units WHERE case_id = @CaseId AND (unit_id = @UnitId OR assigned_at > @AssignedAt))
        """;
}

/// <summary>
/// Keeps which units work on each case of a petition (lead and co-handling), so a handler reads the petitions of its
/// unit's cases and no others. Intake cannot read the dispatch tables; the case events carry what it needs.
/// </summary>
internal sealed class RecordCaseUnits(IDbSession session) : IIntegrationEventConsumer<CaseAssigned>, IIntegrationEventConsumer<CaseReturned>
{
    public async Task HandleAsync(CaseAssigned integrationEvent, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(CaseUnitSql.ForgetEarlier, new { integrationEvent.CaseId, AssignedAt = integrationEvent.OccurredAt }, cancellationToken);
        var units = integrationEvent.LeadUnitId is { } lead ? integrationEvent.CoUnitIds.Prepend(lead) : integrationEvent.CoUnitIds;
        foreach (var unitId in units.Distinct())
        {
            await session.ExecuteAsync(
                CaseUnitSql.Insert,
                new { integrationEvent.CaseId, UnitId = unitId, integrationEvent.PetitionId, AssignedAt = integrationEvent.OccurredAt },
                cancellationToken);
        }
    }

    /// <summary>A unit that returns a case as not competent no longer works on it, nor do its co-handling units, until it is assigned again.</summary>
    public Task HandleAsync(CaseReturned integrationEvent, CancellationToken cancellationToken) =>
        session.ExecuteAsync(CaseUnitSql.ForgetEarlier, new { integrationEvent.CaseId, AssignedAt = integrationEvent.OccurredAt }, cancellationToken);
}
