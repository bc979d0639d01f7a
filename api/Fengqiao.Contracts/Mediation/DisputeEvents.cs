namespace Fengqiao.Contracts.Mediation;

/// <summary>A dispute registered for people's mediation, by a mediator or from a petition referred to mediation.</summary>
/// <param name="DisputeType">A dispute type code (medical, road_traffic, …).</param>
/// <param name="Source">walk_in, referred_petition, court_pre_litigation, police, grid_report or online_application.</param>
public sealed record DisputeOpened(
    Guid EventId, DateTimeOffset OccurredAt, Guid DisputeId, string Number, string DisputeType, string Source, Guid RegionId, string RegionPath,
    Guid? RoomId, Guid? PetitionId, decimal? AmountClaimed) : IIntegrationEvent;

/// <summary>Both sides consented (人民调解法 Art 17): the dispute is accepted for mediation.</summary>
public sealed record DisputeAccepted(
    Guid EventId, DateTimeOffset OccurredAt, Guid DisputeId, string Number, string DisputeType, string Source, string RegionPath, Guid? RoomId,
    Guid? PetitionId) : IIntegrationEvent;

/// <summary>A mediation session took place, with whether each side attended.</summary>
public sealed record MediationSessionHeld(
    Guid EventId, DateTimeOffset OccurredAt, Guid DisputeId, string Number, Guid SessionId, string DisputeType, string Source, string RegionPath, Guid RoomId,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool ApplicantAttended, bool RespondentAttended) : IIntegrationEvent;

/// <summary>A dispute ended in a mediation agreement 调解协议; the judicial-confirmation window runs to <paramref name="ConfirmationDueOn"/>.</summary>
/// <param name="Form">written or oral.</param>
public sealed record MediationAgreementReached(
    Guid EventId, DateTimeOffset OccurredAt, Guid DisputeId, string Number, string DisputeType, string Source, string RegionPath, Guid? RoomId, string? RoomName,
    Guid? PetitionId, decimal? AmountClaimed, decimal? AmountAgreed, string Form, DateOnly EffectiveOn, DateOnly PerformanceDeadline, DateOnly ConfirmationDueOn)
    : IIntegrationEvent;

/// <summary>Mediation of a dispute failed 调解不成; the parties were guided to litigation, arbitration or other channels.</summary>
public sealed record MediationFailed(
    Guid EventId, DateTimeOffset OccurredAt, Guid DisputeId, string Number, string DisputeType, string Source, string RegionPath, Guid? RoomId, string? RoomName,
    Guid? PetitionId, string Reason, string Guidance) : IIntegrationEvent;

/// <summary>A court ruled on the parties' application for judicial confirmation 司法确认 of their agreement.</summary>
/// <param name="Ruling">confirmed or refused.</param>
public sealed record JudicialConfirmationDecided(
    Guid EventId, DateTimeOffset OccurredAt, Guid DisputeId, string Number, string DisputeType, string Source, string RegionPath, Guid? RoomId, Guid? PetitionId,
    string Court, string Ruling, DateOnly AppliedOn, DateOnly DecidedOn, decimal? AmountAgreed) : IIntegrationEvent;

/// <summary>
/// A return visit 回访 recorded how far a mediation agreement was performed; <paramref name="Performance"/> performed means the dispute,
/// and a referred petition with it, counts as resolved.
/// </summary>
/// <param name="Performance">performed, partly_performed or not_performed.</param>
public sealed record AgreementPerformanceRecorded(
    Guid EventId, DateTimeOffset OccurredAt, Guid DisputeId, string Number, string DisputeType, string Source, Guid RegionId, string RegionPath, Guid? RoomId,
    string? RoomName, Guid? PetitionId, decimal? AmountClaimed, decimal? AmountAgreed, string Performance, DateOnly VisitedOn, DateOnly EffectiveOn,
    DateOnly PerformanceDeadline) : IIntegrationEvent;

/// <summary>A side refused mediation (人民调解法 Art 17): the dispute ended as not mediated, with guidance to other channels.</summary>
/// <param name="RefusedBy">applicant or respondent.</param>
public sealed record DisputeNotMediated(
    Guid EventId, DateTimeOffset OccurredAt, Guid DisputeId, string Number, string DisputeType, string Source, string RegionPath, Guid? RoomId, string? RoomName,
    Guid? PetitionId, string RefusedBy, string Guidance) : IIntegrationEvent;

/// <summary>The applicant withdrew an open dispute, with the reason given; it ended without an outcome.</summary>
public sealed record DisputeWithdrawn(
    Guid EventId, DateTimeOffset OccurredAt, Guid DisputeId, string Number, string DisputeType, string Source, string RegionPath, Guid? RoomId, string? RoomName,
    Guid? PetitionId, string Reason) : IIntegrationEvent;
