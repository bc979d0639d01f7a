namespace Fengqiao.Contracts.Mediation;

/// <summary>A dispute registered for people's mediation, by a mediator or from a petition referred to mediation.</summary>
/// <param name="DisputeType">A dispute type code (medical, road_traffic, …).</param>
/// <param name="Source">walk_in, referred_petition, court_pre_litigation, police, grid_report or online.</param>
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
