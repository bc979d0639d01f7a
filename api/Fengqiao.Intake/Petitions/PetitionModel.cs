namespace Fengqiao.Intake.Petitions;

/// <summary>Every way a petition reaches the platform (Regulation Art 17 and Zhejiang practice).</summary>
public enum Channel
{
    Letter,
    Phone,
    Visit,
    Online,
    Hotline12345,
    BusinessHotline,
    Grassroots,
    LeaderReception,
    DoorToDoorVisit,
    SocialGroup,
    Referral,
    ThirdParty,
}

internal enum PetitionStatus
{
    Registered,
    Accepted,
    NotAccepted,
    Diverted,
    ReferredToDiscipline,
    ConvertedToSuggestion,
    ReferredToMediation,
    Merged,
}

/// <summary>The classification decision (Art 28–31) that routes a registered petition.</summary>
public enum Decision
{
    Accept,
    NotAccept,
    Divert,
    ReferToDiscipline,
    ConvertToSuggestion,
    ReferToMediation,
}

/// <summary>Legal channels a 申诉求决 matter is diverted to (诉访分离).</summary>
public enum LegalChannel
{
    Litigation,
    Arbitration,
    AdministrativeReview,
    LaborArbitration,
    Other,
}

internal enum PetitionFlag
{
    FirstTime,
    Repeat,
    SkipLevel,
    Collective,
    BusinessEnvironment,
    CrossBoundary,
    Urgent,
    AcceptanceOverdue,

    /// <summary>An earlier petition on the same matter is final after re-review (Art 36¶3): not accepted again on the same facts and reasons.</summary>
    FinalMatter,
}

internal static class PetitionStatuses
{
    public static PetitionStatus After(Decision decision) => decision switch
    {
        Decision.Accept => PetitionStatus.Accepted,
        Decision.NotAccept => PetitionStatus.NotAccepted,
        Decision.Divert => PetitionStatus.Diverted,
        Decision.ReferToDiscipline => PetitionStatus.ReferredToDiscipline,
        Decision.ConvertToSuggestion => PetitionStatus.ConvertedToSuggestion,
        Decision.ReferToMediation => PetitionStatus.ReferredToMediation,
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };

    /// <summary>Only a registered petition can be classified, linked as the merged one, or merged.</summary>
    public static bool IsOpenForDecision(PetitionStatus status) => status == PetitionStatus.Registered;
}
