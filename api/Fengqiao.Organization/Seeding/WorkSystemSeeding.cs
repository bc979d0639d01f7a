namespace Fengqiao.Organization.Seeding;

/// <summary>A joint-meeting system to seed for a district or town, with its meetings.</summary>
/// <param name="RegionCode">The statistical code of the district or town.</param>
/// <param name="MemberUnitNames">Names of units of that region; a name no unit of the region bears is an error.</param>
public sealed record SeedJointMeetingSystem(
    string RegionCode, string Name, string ConvenerName, string ConvenerPost, IReadOnlyList<string> MemberUnitNames, DateOnly EstablishedOn,
    IReadOnlyList<SeedJointMeeting> Meetings);

public sealed record SeedJointMeeting(DateOnly HeldOn, string Matters, string Decisions);

/// <summary>A responsibility letter to seed between a region and one directly below it, both named by code.</summary>
public sealed record SeedResponsibilityLetter(int Year, string IssuingRegionCode, string ReceivingRegionCode, IReadOnlyList<SeedSignatory> Signatories, DateOnly SignedOn);

public sealed record SeedSignatory(string Name, string Post);
