using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;

namespace Fengqiao.Receptions.Schedule;

/// <summary>What may be done to one reception; serialised in snake_case in a reception's <c>allowedActions</c>.</summary>
internal enum ReceptionAction
{
    /// <summary>Change or cancel a scheduled reception.</summary>
    Change,
    Hold,
    RecordBatch,
    CorrectBatch,

    /// <summary>Take personal charge (包案) of an assigned batch's case.</summary>
    TakeCharge,

    /// <summary>See a batch petitioner's full ID number and phone (audited).</summary>
    RevealPetitioner,
}

/// <summary>
/// The one rule of who may do what to a reception: the endpoints take their role policy from <see cref="RolesFor"/>, the
/// handlers refuse through <see cref="Require"/> and a reception's <c>allowedActions</c> answer <see cref="Allowed"/>, so
/// what the SPA offers and what the server lets through cannot drift apart. A leader's own receptions (reception days,
/// appointments, visits) are changed by that leader or an admin, held and recorded by the leader or the petition bureau;
/// a department's duty and a cadre's home visit belong to the petition bureau. Refusals: 403 for the caller's part, 409
/// for the state.
/// </summary>
internal static class ReceptionActions
{
    private static readonly Dictionary<ReceptionAction, Role[]> Roles = new()
    {
        [ReceptionAction.Change] = [Role.Leader, Role.PetitionOfficer, Role.Admin],
        [ReceptionAction.Hold] = [Role.Leader, Role.PetitionOfficer],
        [ReceptionAction.RecordBatch] = [Role.Leader, Role.PetitionOfficer],
        [ReceptionAction.CorrectBatch] = [Role.Leader, Role.PetitionOfficer, Role.Admin],
        [ReceptionAction.TakeCharge] = [Role.Leader],
        [ReceptionAction.RevealPetitioner] = [Role.PetitionOfficer, Role.Supervisor, Role.Leader, Role.DisciplineInspector],
    };

    /// <summary>The roles that may ever take <paramref name="action"/>: the role policy of its endpoint.</summary>
    public static Role[] RolesFor(ReceptionAction action) => Roles[action];

    /// <summary>The actions the caller may take on a reception in its present state, in the enum's order.</summary>
    public static IReadOnlyList<ReceptionAction> Allowed(ReceptionKind kind, ReceptionStatus status, Guid? hostUserId, ICurrentUser caller) =>
        Enum.GetValues<ReceptionAction>().Where(action => MayAct(action, kind, hostUserId, caller) && status == StatusFor(action)).ToList();

    /// <summary>Refuses <paramref name="action"/> on a reception unless the caller's part and its state allow it.</summary>
    public static void Require(ReceptionAction action, ReceptionKind kind, ReceptionStatus status, Guid? hostUserId, ICurrentUser caller)
    {
        if (!MayAct(action, kind, hostUserId, caller))
        {
            throw new ForbiddenException(action switch
            {
                ReceptionAction.Change => "Only the receiving leader or an admin changes a leader's reception; the petition bureau or an admin a duty or home visit.",
                ReceptionAction.CorrectBatch => "Only the receiving leader, the petition bureau or an admin corrects a batch.",
                ReceptionAction.TakeCharge => "Only a leader takes personal charge of a case.",
                ReceptionAction.RevealPetitioner => "Your roles do not show petitioners' personal data.",
                _ => "Only the receiving leader or the petition bureau holds a leader's reception and records its batches; the petition bureau a duty or home visit.",
            });
        }

        var needed = StatusFor(action);
        if (status != needed)
        {
            throw new ConflictException("invalid_state", $"The reception is {status.ToSnakeCase()}; {action.ToSnakeCase()} needs it {needed.ToSnakeCase()}.");
        }
    }

    private static bool MayAct(ReceptionAction action, ReceptionKind kind, Guid? hostUserId, ICurrentUser caller)
    {
        if (!Roles[action].Any(caller.IsInRole))
        {
            return false;
        }

        var isHost = caller.IsInRole(Role.Leader) && hostUserId is { } host && host == caller.UserId;
        var officer = caller.IsInRole(Role.PetitionOfficer);
        var admin = caller.IsInRole(Role.Admin);
        var leaders = ReceptionRules.IsLeaders(kind);
        return action switch
        {
            ReceptionAction.Change => leaders ? isHost || admin : officer || admin,
            ReceptionAction.Hold or ReceptionAction.RecordBatch => leaders ? isHost || officer : officer,
            ReceptionAction.CorrectBatch => isHost || officer || admin,
            ReceptionAction.TakeCharge or ReceptionAction.RevealPetitioner => true,
            _ => false,
        };
    }

    /// <summary>The state <paramref name="action"/> needs: only a held reception has batches.</summary>
    private static ReceptionStatus StatusFor(ReceptionAction action) =>
        action is ReceptionAction.Change or ReceptionAction.Hold ? ReceptionStatus.Scheduled : ReceptionStatus.Held;
}
