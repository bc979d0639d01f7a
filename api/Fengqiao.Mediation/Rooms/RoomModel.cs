namespace Fengqiao.Mediation.Rooms;

/// <summary>The kinds of people's mediation organisation (DOMAIN §6).</summary>
public enum MediationRoomKind
{
    /// <summary>品牌调解室: a room named after a local mediator, e.g. 九斤姑娘调解室.</summary>
    BrandRoom,

    /// <summary>行业性专业性调委会: an industry committee, e.g. for medical or road-traffic disputes.</summary>
    IndustryCommittee,

    /// <summary>村（居）、乡镇（街道）人民调解委员会.</summary>
    PeopleMediationCommittee,
}

/// <summary>A dispute type of the <c>mediation_dispute_types</c> table.</summary>
internal sealed record DisputeType(string Code, string NameZh, string NameEn);
