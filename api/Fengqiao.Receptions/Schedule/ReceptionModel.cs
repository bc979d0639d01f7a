using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;

namespace Fengqiao.Receptions.Schedule;

/// <summary>The ways petitioners are received in person (DOMAIN §5).</summary>
public enum ReceptionKind
{
    /// <summary>领导接访日: a leader receives on a scheduled, usually published day.</summary>
    LeaderDay,

    /// <summary>轮值接访: a department takes its turn at the reception hall.</summary>
    DepartmentDuty,

    /// <summary>约访: a town leader meets a petitioner about an existing petition by appointment.</summary>
    Appointment,

    /// <summary>上门走访: a cadre visits a petitioner's home.</summary>
    HomeVisit,

    /// <summary>下访: a leader goes down to a place.</summary>
    LeaderVisit,
}

internal enum ReceptionStatus
{
    Scheduled,
    Held,
    Cancelled,
}

/// <summary>The level of the receiving leader's or unit's region.</summary>
public enum ReceptionLevel
{
    City,
    District,
    Town,
    Village,
}

/// <summary>What became of a batch (批次) at the reception.</summary>
public enum BatchOutcome
{
    /// <summary>当场解决.</summary>
    SolvedOnTheSpot,

    /// <summary>解释息访: explained, and the petitioner rests the matter.</summary>
    Explained,

    /// <summary>交办: the petition is accepted and goes to dispatch with the leader's instruction.</summary>
    Assigned,
}

/// <summary>What the kinds of reception differ in; who may act on one reception is <see cref="ReceptionActions"/>.</summary>
internal static class ReceptionRules
{
    public static bool IsLeaders(ReceptionKind kind) => kind is ReceptionKind.LeaderDay or ReceptionKind.Appointment or ReceptionKind.LeaderVisit;

    /// <summary>Only reception days and duties are announced to the public; appointments and visits concern named people.</summary>
    public static bool MayBePublished(ReceptionKind kind) => kind is ReceptionKind.LeaderDay or ReceptionKind.DepartmentDuty;

    public static ReceptionLevel? LevelOf(string regionPath) => RegionPaths.LevelOf(regionPath) switch
    {
        RegionLevel.City => ReceptionLevel.City,
        RegionLevel.District => ReceptionLevel.District,
        RegionLevel.Town => ReceptionLevel.Town,
        RegionLevel.Village => ReceptionLevel.Village,
        _ => null,
    };

    /// <summary>Whether the caller may schedule this kind: the leader themselves or an admin for a leader's, the petition bureau or an admin otherwise.</summary>
    public static void RequireMaySchedule(ReceptionKind kind, ICurrentUser caller)
    {
        if (IsLeaders(kind))
        {
            Capabilities.Require(caller, Capability.ScheduleLeadersReceptions, "A leader schedules their own receptions and visits (or an admin for them).");
        }
        else
        {
            Capabilities.Require(caller, Capability.ScheduleBureauReceptions, "The petition bureau schedules departments' duties and home visits (or an admin).");
        }
    }
}
