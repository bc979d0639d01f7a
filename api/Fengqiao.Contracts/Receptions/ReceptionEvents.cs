namespace Fengqiao.Contracts.Receptions;

/// <summary>What every reception event carries, so a consumer (metrics) can count by leader, level, kind, region and day.</summary>
/// <param name="Kind">leader_day, department_duty, appointment, home_visit or leader_visit.</param>
/// <param name="Level">city, district, town or village: the level of the receiving leader's or unit's region.</param>
/// <param name="HostUserId">The receiving leader; null for a department's duty or a cadre without an account.</param>
/// <param name="Day">The local (Asia/Shanghai) day of the reception.</param>
public abstract record ReceptionEvent(
    Guid EventId, DateTimeOffset OccurredAt, Guid ReceptionId, string Kind, string Level, Guid? HostUserId, Guid? UnitId, string RegionPath, DateOnly Day)
    : IIntegrationEvent;

public sealed record ReceptionScheduled(
    Guid EventId, DateTimeOffset OccurredAt, Guid ReceptionId, string Kind, string Level, Guid? HostUserId, Guid? UnitId, string RegionPath, DateOnly Day, bool IsPublished)
    : ReceptionEvent(EventId, OccurredAt, ReceptionId, Kind, Level, HostUserId, UnitId, RegionPath, Day);

public sealed record ReceptionHeld(
    Guid EventId, DateTimeOffset OccurredAt, Guid ReceptionId, string Kind, string Level, Guid? HostUserId, Guid? UnitId, string RegionPath, DateOnly Day)
    : ReceptionEvent(EventId, OccurredAt, ReceptionId, Kind, Level, HostUserId, UnitId, RegionPath, Day);

/// <param name="Outcome">solved_on_the_spot, explained or assigned.</param>
/// <param name="IsMustVisit">Received at a leader's visit planned from a must-visit proposal (四个必访, see <see cref="MustVisitPlanned"/>).</param>
/// <param name="PetitionId">The petition the batch is about, linked or registered from it.</param>
public sealed record ReceptionBatchRecorded(
    Guid EventId, DateTimeOffset OccurredAt, Guid ReceptionId, string Kind, string Level, Guid? HostUserId, Guid? UnitId, string RegionPath, DateOnly Day,
    Guid BatchId, int Persons, string Outcome, bool IsMustVisit, Guid? PetitionId)
    : ReceptionEvent(EventId, OccurredAt, ReceptionId, Kind, Level, HostUserId, UnitId, RegionPath, Day);

/// <summary>A batch's person count or outcome corrected: a consumer replaces what <see cref="ReceptionBatchRecorded"/> told it.</summary>
public sealed record ReceptionBatchCorrected(
    Guid EventId, DateTimeOffset OccurredAt, Guid ReceptionId, string Kind, string Level, Guid? HostUserId, Guid? UnitId, string RegionPath, DateOnly Day,
    Guid BatchId, int PersonsBefore, string OutcomeBefore, int Persons, string Outcome)
    : ReceptionEvent(EventId, OccurredAt, ReceptionId, Kind, Level, HostUserId, UnitId, RegionPath, Day);

/// <summary>A leader's visit planned from a month's must-visit proposal (四个必访); its batches are recorded with <c>IsMustVisit</c>.</summary>
/// <param name="Month">The proposal's month, yyyy-MM.</param>
/// <param name="Reasons">many_petitions, hard_work, major_policy, emergency: the reasons that held when it was planned.</param>
public sealed record MustVisitPlanned(
    Guid EventId, DateTimeOffset OccurredAt, Guid ReceptionId, string Kind, string Level, Guid? HostUserId, Guid? UnitId, string RegionPath, DateOnly Day,
    string Month, Guid TownId, IReadOnlyList<string> Reasons)
    : ReceptionEvent(EventId, OccurredAt, ReceptionId, Kind, Level, HostUserId, UnitId, RegionPath, Day);

/// <summary>
/// A town proposed for a must-visit (四个必访) of a month for one reason, recorded once per month, town and reason: by the
/// monthly proposer or by the first read of the month's proposals that finds it.
/// </summary>
/// <param name="Month">The proposal's month, yyyy-MM.</param>
/// <param name="RegionId">The town proposed; <paramref name="RegionPath"/> is its materialised path.</param>
/// <param name="Reason">many_petitions, hard_work, major_policy or emergency.</param>
/// <param name="Figures">The town's figures when it was proposed (all of them, whatever the reason).</param>
/// <param name="PolicyIds">The registered major policies behind a major_policy proposal; empty for the other reasons.</param>
/// <param name="IncidentIds">The registered incidents behind an emergency proposal; empty for the other reasons.</param>
public sealed record MustVisitProposed(
    Guid EventId, DateTimeOffset OccurredAt, Guid ProposalId, string Month, Guid DistrictId, Guid RegionId, string RegionPath, string RegionName, string Reason,
    MustVisitFigures Figures, IReadOnlyList<Guid> PolicyIds, IReadOnlyList<Guid> IncidentIds)
    : IIntegrationEvent;

/// <summary>
/// A town's figures behind a must-visit proposal: petitions of the month before the proposal's month and the one before that
/// (growth in per cent, null without petitions then), urgent petitions, backlog and overdue cases as they stood, and the
/// handling cases concluded in the month before with their resolution rate (a fraction, null when none concluded).
/// </summary>
public sealed record MustVisitFigures(
    int Petitions, int PreviousPetitions, decimal? GrowthPercent, int UrgentPetitions, int Backlog, int Overdue, int Concluded, decimal? ResolutionRate);
