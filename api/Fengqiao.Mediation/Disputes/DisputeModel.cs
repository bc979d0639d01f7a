namespace Fengqiao.Mediation.Disputes;

/// <summary>Where a dispute stands.</summary>
public enum DisputeStatus
{
    /// <summary>登记: awaiting both sides' consent.</summary>
    Registered,

    /// <summary>受理: both sides consented (人民调解法 Art 17).</summary>
    Accepted,

    /// <summary>不予调解: a side refused; the parties are guided to other channels.</summary>
    NotMediated,

    /// <summary>撤回: the applicant withdrew.</summary>
    Withdrawn,

    /// <summary>调解成功: the parties reached a mediation agreement 调解协议.</summary>
    Agreed,

    /// <summary>调解不成: mediation failed; the parties were guided to litigation or arbitration.</summary>
    Failed,
}

/// <summary>How a dispute came to mediation.</summary>
public enum DisputeSource
{
    WalkIn,

    /// <summary>A petition referred to mediation (信访转调解); opened by the referral itself, never registered by hand.</summary>
    ReferredPetition,

    /// <summary>诉前调解: a court's pre-litigation referral, naming the court and its case number.</summary>
    CourtPreLitigation,

    Police,

    /// <summary>A grid worker's or village's report (网格上报).</summary>
    GridReport,

    /// <summary>A party's own application on the public page (在线申请), followed with a tracking code.</summary>
    OnlineApplication,
}

public enum DisputeSide
{
    Applicant,
    Respondent,
}

public enum PartyKind
{
    Person,
    Organisation,
}

/// <summary>A side's answer to whether it agrees to mediation.</summary>
public enum ConsentState
{
    Pending,
    Given,
    Refused,
}

/// <summary>How far an agreement was performed 履行情况, as a return visit 回访 found it.</summary>
public enum Performance
{
    Performed,
    PartlyPerformed,
    NotPerformed,
}
