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

internal enum ReceptionAction
{
    Change,
    Hold,
    RecordBatch,
    CorrectBatch,
}

/// <summary>
/// Who may do what with which kind of reception, and in which state. A leader's own receptions (reception days, appointments,
/// visits) are scheduled and changed by that leader or an admin, held and recorded by the leader or the petition bureau; a
/// department's duty and a cadre's home visit belong to the petition bureau. Refusals: 403 for the caller's part, 409 for the state.
/// </summary>
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
        var allowed = IsLeaders(kind) ? caller.IsInRole(Role.Leader) || caller.IsInRole(Role.Admin) : caller.IsInRole(Role.PetitionOfficer) || caller.IsInRole(Role.Admin);
        if (!allowed)
        {
            throw new ForbiddenException(IsLeaders(kind)
                ? "A leader schedules their own receptions and visits (or an admin for them)."
                : "The petition bureau schedules departments' duties and home visits (or an admin).");
        }
    }

    /// <summary>Refuses <paramref name="action"/> on a reception unless the caller's part and its state allow it.</summary>
    public static void Require(ReceptionAction action, ReceptionKind kind, ReceptionStatus status, Guid? hostUserId, ICurrentUser caller)
    {
        var isHost = caller.IsInRole(Role.Leader) && hostUserId is { } host && host == caller.UserId;
        var officer = caller.IsInRole(Role.PetitionOfficer);
        var admin = caller.IsInRole(Role.Admin);
        var allowed = action switch
        {
            ReceptionAction.Change => IsLeaders(kind) ? isHost || admin : officer || admin,
            ReceptionAction.Hold or ReceptionAction.RecordBatch => IsLeaders(kind) ? isHost || officer : officer,
            ReceptionAction.CorrectBatch => isHost || officer || admin,
            _ => false,
        };
        if (!allowed)
        {
            throw new ForbiddenException(action switch
            {
                ReceptionAction.Change => "Only the receiving leader or an admin changes a leader's reception; the petition bureau or an admin a duty or home visit.",
                ReceptionAction.CorrectBatch => "Only the receiving leader, the petition bureau or an admin corrects a batch.",
                _ => "Only the receiving leader or the petition bureau holds a leader's reception and records its batches; the petition bureau a duty or home visit.",
            });
        }

        var needed = action is ReceptionAction.Change or ReceptionAction.Hold ? ReceptionStatus.Scheduled : ReceptionStatus.Held;
        if (status != needed)
        {
            throw new ConflictException("invalid_state", $"The reception is {status.ToSnakeCase()}; {action.ToSnakeCase()} needs it {needed.ToSnakeCase()}.");
        }
    }
}
