namespace Fengqiao.Contracts.Intake;

/// <summary>Registered from any channel, with the flags registration set.</summary>
/// <param name="Channel">The channel's name (Visit, Letter, Online, Hotline12345, …).</param>
/// <param name="Flags">The petition's flags in snake_case (first_time, repeat, skip_level, …).</param>
/// <param name="Persons">
/// The persons the petition came from (人次; a group visit is one batch 批次 of N persons). Added after the event was first
/// published: a stored event without it reads as 1, the least a petition has, so old history stays readable and replays alike.
/// </param>
public sealed record PetitionRegistered(
    Guid EventId, DateTimeOffset OccurredAt, Guid PetitionId, string Number, string Channel, string Category,
    Guid RegionId, string RegionPath, DateTimeOffset ReceivedAt, IReadOnlyList<string> Flags, int Persons = 1) : IIntegrationEvent;

/// <summary>Accepted for handling: the dispatch module opens a case, starting with the suggested lead unit.</summary>
/// <param name="Flags">The petition's flags in snake_case (first_time, repeat, skip_level, …).</param>
/// <param name="Summary">The start of the petitioner's request, for worklists.</param>
/// <param name="Instruction">A leader's instruction given when accepting at a reception (交办), for the units handling the case.</param>
public sealed record PetitionAccepted(
    Guid EventId, DateTimeOffset OccurredAt, Guid PetitionId, string Number, string Category, Guid RegionId, string RegionPath,
    DateTimeOffset ReceivedAt, Guid? SuggestedLeadUnitId, bool IsFirstTime, IReadOnlyList<string>? Flags = null, string? Summary = null,
    string? Instruction = null) : IIntegrationEvent;

/// <summary>Classified, with a notice to the petitioner: not accepted, diverted, referred or converted.</summary>
public sealed record PetitionClassified(
    Guid EventId, DateTimeOffset OccurredAt, Guid PetitionId, string Number, string Decision, string? LegalChannel, string Notice) : IIntegrationEvent;

/// <summary>A 建议意见 petition becomes a people's suggestion (Art 29).</summary>
public sealed record PetitionConvertedToSuggestion(
    Guid EventId, DateTimeOffset OccurredAt, Guid PetitionId, string Number, Guid RegionId, string Category, string Text) : IIntegrationEvent;

/// <summary>A civil dispute suited to mediation goes to a mediation room (Art 33, 37).</summary>
public sealed record PetitionReferredToMediation(
    Guid EventId, DateTimeOffset OccurredAt, Guid PetitionId, string Number, Guid RegionId, string Category, string Text) : IIntegrationEvent;

public sealed record PetitionsMerged(Guid EventId, DateTimeOffset OccurredAt, Guid MergedPetitionId, Guid IntoPetitionId) : IIntegrationEvent;
