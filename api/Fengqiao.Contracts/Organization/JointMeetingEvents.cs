namespace Fengqiao.Contracts.Organization;

/// <summary>A district's or town's joint meeting 联席会议 was held and recorded, with the petitions and cases it took up.</summary>
/// <param name="RegionPath">The path of the region whose joint-meeting system met.</param>
public sealed record JointMeetingHeld(
    Guid EventId, DateTimeOffset OccurredAt, Guid MeetingId, Guid SystemId, Guid RegionId, string RegionPath, DateOnly HeldOn,
    IReadOnlyList<Guid> PetitionIds, IReadOnlyList<Guid> CaseIds) : IIntegrationEvent;

/// <summary>A responsibility letter 责任书 of a year was signed between a region and one of the regions directly below it.</summary>
/// <param name="ReceivingLevel">district, town or village: the level of the receiving region.</param>
public sealed record ResponsibilityLetterSigned(
    Guid EventId, DateTimeOffset OccurredAt, Guid LetterId, int Year, Guid IssuingRegionId, string IssuingRegionPath,
    Guid ReceivingRegionId, string ReceivingRegionPath, string ReceivingLevel, DateOnly SignedOn) : IIntegrationEvent;

/// <summary>A responsibility letter's signatories, units or signing day were corrected; its year and regions stay.</summary>
public sealed record ResponsibilityLetterCorrected(
    Guid EventId, DateTimeOffset OccurredAt, Guid LetterId, int Year, Guid IssuingRegionId, string IssuingRegionPath,
    Guid ReceivingRegionId, string ReceivingRegionPath, string ReceivingLevel, DateOnly SignedOn) : IIntegrationEvent;

/// <summary>A responsibility letter recorded by mistake was withdrawn: it no longer counts, and the pair may sign the year's letter again.</summary>
public sealed record ResponsibilityLetterWithdrawn(
    Guid EventId, DateTimeOffset OccurredAt, Guid LetterId, int Year, Guid IssuingRegionId, string IssuingRegionPath,
    Guid ReceivingRegionId, string ReceivingRegionPath, string ReceivingLevel) : IIntegrationEvent;
