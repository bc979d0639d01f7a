using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;

namespace Fengqiao.Dispatch.Cases;

/// <summary>A unit's part in a case (co-handling input, a supervision order to answer) and whether it is done.</summary>
internal sealed record UnitTask(Guid UnitId, bool Done);

/// <summary>What the rule of <see cref="CaseActions"/> reads beyond the row: the parts of other units, pending requests, the checklist, the date.</summary>
internal sealed record CaseSituation(
    CaseRow Case,
    IReadOnlyList<UnitTask> CoUnits,
    IReadOnlyList<UnitTask> SupervisionOrders,
    bool ExtensionPending,
    int OpenChecklistItems,
    DateOnly Today,
    DateOnly? ReviewRequestableUntil);

/// <summary>
/// The one rule of who may take which step of a case: <see cref="Allowed"/> answers the caller's allowedActions and
/// <see cref="Require"/> guards every case command with the same rule, so the server never accepts what the caller was
/// not offered. The roles of each action are the endpoint's role policy too. A refusal names why: the case's state
/// (409 invalid_transition), the caller's part in the case (403), or the case's circumstances (409 with their own code).
/// </summary>
internal static class CaseActions
{
    private static readonly Role[] UnitStaff = [Role.Handler, Role.PetitionOfficer];

    private static readonly Dictionary<CaseAction, ActionRule> Rules = new()
    {
        [CaseAction.Assign] = new([Role.PetitionOfficer], p => p.Is(Role.PetitionOfficer), "Only the petition bureau assigns a case."),
        [CaseAction.Reassign] = new([Role.PetitionOfficer], p => p.Is(Role.PetitionOfficer), "Only the petition bureau re-assigns a case."),
        [CaseAction.Sign] = LeadUnitOnly(),
        [CaseAction.Return] = LeadUnitOnly(p => p.Case.ReturnDue is { } due && p.Situation.Today > due
            ? new ConflictException("return_period_passed", $"The period for returning the case ended on {due:yyyy-MM-dd}; the unit must handle it.")
            : null),
        [CaseAction.AddNote] = new([Role.Handler, Role.PetitionOfficer, Role.Supervisor, Role.Agent],
            p => p.Leads || p.Is(Role.PetitionOfficer) || p.Is(Role.Supervisor) || p.IsAgent,
            "Only the lead unit, the petition bureau, supervisors and the case's agent add progress notes; co-units submit their input."),
        [CaseAction.SubmitCoUnitInput] = new(UnitStaff, p => p.IsStaff && p.OwnCoUnitPart is not null, "Only a co-handling unit of the case submits input.",
            p => p.OwnCoUnitPart is { Done: true } ? new ConflictException("input_submitted", "Your unit submitted its input to this case already.") : null),
        [CaseAction.RequestExtension] = LeadUnitOnly(p =>
            p.Situation.ExtensionPending ? new ConflictException("extension_pending", "An extension request of this case awaits a decision.")
            : p.Case.PausedAt is not null ? ClockPaused("Resume the clock before requesting an extension.")
            : null),
        [CaseAction.DecideExtension] = new([Role.Supervisor, Role.Leader], p => p.Oversees, "Only supervisors and leaders decide an extension.",
            p => p.Situation.ExtensionPending ? null : new ConflictException("no_extension_pending", "No extension request of this case awaits a decision.")),
        [CaseAction.PauseClock] = LeadUnitOnly(p => p.Case.PausedAt is not null ? ClockPaused("The clock of this case is already paused.") : null),
        [CaseAction.ResumeClock] = LeadUnitOnly(p => p.Case.PausedAt is null ? new ConflictException("clock_running", "The clock of this case is not paused.") : null),
        [CaseAction.Reply] = LeadUnitOnly(p => p.Case.PausedAt is not null ? ClockPaused("Resume the clock before replying.") : null),
        [CaseAction.Rate] = new([Role.PetitionOfficer, Role.Agent], p => p.Is(Role.PetitionOfficer) || p.IsAgent, "Only the petition bureau and the case's agent record a rating.",
            p => p.Case.Rating is { } rating ? new ConflictException("already_rated", $"The reply was rated {rating.ToSnakeCase()} already.") : null),
        [CaseAction.Close] = LeadUnitOnly(p => p.Situation.OpenChecklistItems > 0
            ? new ConflictException("checklist_incomplete", $"{p.Situation.OpenChecklistItems} item(s) of the closure checklist are not ticked yet.")
            : null),
        [CaseAction.RequestReview] = new([Role.PetitionOfficer, Role.Agent], p => p.Is(Role.PetitionOfficer) || p.IsAgent,
            "Only the petition bureau and the case's agent request a review for the petitioner.",
            p => p.Case.Kind == CaseKind.ReReview ? new ConflictException("final", "The matter is final after re-review (复核); it is not reviewed again.")
            : p.Case.ReviewRequestedAt is not null ? new ConflictException("review_requested", "A review of this reply was requested already.")
            : p.Situation.ReviewRequestableUntil is { } until && p.Situation.Today > until
                ? new ConflictException("review_window_passed", $"A review could be requested until {until:yyyy-MM-dd}.")
            : null),
        [CaseAction.TickChecklist] = LeadUnitOnly(p => p.Situation.OpenChecklistItems == 0
            ? new ConflictException("checklist_complete", "Every item of the closure checklist is ticked.")
            : null),
        [CaseAction.AssignAgent] = new([Role.PetitionOfficer], p => p.Is(Role.PetitionOfficer), "Only the petition bureau assigns a petition agent."),
        [CaseAction.TakeCharge] = new([Role.Leader], p => p.Is(Role.Leader), "Only a leader takes charge of a case.",
            p => p.Case.LeaderUserId is { } leader && leader == p.Caller.UserId ? new ConflictException("in_charge", "You are in charge of this case already.") : null),
        [CaseAction.IssueSupervisionOrder] = new([Role.Supervisor, Role.Leader, Role.PetitionOfficer], p => p.Oversees || p.Is(Role.PetitionOfficer),
            "Only supervisors, leaders and the petition bureau issue supervision orders."),
        [CaseAction.AnswerSupervisionOrder] = new(UnitStaff, p => p.IsStaff && p.OwnOrders.Any(), "Only the supervised unit answers the order.",
            p => p.OwnOrders.All(o => o.Done) ? new ConflictException("already_answered", "The supervision orders to your unit are answered already.") : null),
        [CaseAction.ListForSupervision] = new([Role.Supervisor, Role.Leader], p => p.Oversees, "Only supervisors and leaders put a case under listed supervision.",
            p => p.Case.IsListed ? new ConflictException("already_listed", "The case is under listed supervision already.") : null),
    };

    /// <summary>The roles that may take <paramref name="action"/> on some case: the endpoint's role policy.</summary>
    public static Role[] RolesFor(CaseAction action) => Rules[action].Roles;

    /// <summary>The actions the caller may take on the case now; the SPA shows exactly these.</summary>
    public static IReadOnlyList<CaseAction> Allowed(CaseSituation situation, ICurrentUser caller) =>
        Rules.Keys.Where(action => RefusalOf(action, situation, caller) is null).Order().ToList();

    /// <summary>Refuses <paramref name="action"/> unless <see cref="Allowed"/> lists it: 409 for the state or circumstances, 403 for the caller's part.</summary>
    public static void Require(CaseAction action, CaseSituation situation, ICurrentUser caller)
    {
        if (RefusalOf(action, situation, caller) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>Whether the caller is the petition agent (信访代办) of the case.</summary>
    public static bool IsAgentOf(CaseRow row, ICurrentUser caller) => caller.IsInRole(Role.Agent) && row.AgentUserId is { } agent && agent == caller.UserId;

    private static Exception? RefusalOf(CaseAction action, CaseSituation situation, ICurrentUser caller)
    {
        if (!CaseStateMachine.Allows(situation.Case.Status, action))
        {
            return new ConflictException("invalid_transition", $"The case is {situation.Case.Status.ToSnakeCase()}; {action.ToSnakeCase()} is not possible in that state.");
        }

        var rule = Rules[action];
        var party = new Party(situation, caller);
        return !rule.Roles.Any(caller.IsInRole) || !rule.MayAct(party) ? new ForbiddenException(rule.WhoMay) : rule.Circumstances?.Invoke(party);
    }

    private static ActionRule LeadUnitOnly(Func<Party, ConflictException?>? circumstances = null) =>
        new(UnitStaff, p => p.Leads, "Only the lead unit of the case can take this step.", circumstances);

    private static ConflictException ClockPaused(string message) => new("clock_paused", message);

    /// <param name="Roles">Roles that may take the action on some case.</param>
    /// <param name="MayAct">Whether the caller's part in this case lets them take it.</param>
    /// <param name="WhoMay">The 403 answer otherwise.</param>
    /// <param name="Circumstances">A 409 when the case's circumstances forbid the action now.</param>
    private sealed record ActionRule(Role[] Roles, Func<Party, bool> MayAct, string WhoMay, Func<Party, ConflictException?>? Circumstances = null);

    /// <summary>The caller's part in the case.</summary>
    private sealed record Party(CaseSituation Situation, ICurrentUser Caller)
    {
        public CaseRow Case => Situation.Case;

        public bool IsStaff => Is(Role.Handler) || Is(Role.PetitionOfficer);

        public bool Leads => IsStaff && Case.LeadUnitId is { } unit && unit == Caller.UnitId;

        public bool Oversees => Is(Role.Supervisor) || Is(Role.Leader);

        public bool IsAgent => IsAgentOf(Case, Caller);

        public UnitTask? OwnCoUnitPart => Situation.CoUnits.FirstOrDefault(u => u.UnitId == Caller.UnitId);

        public IEnumerable<UnitTask> OwnOrders => Situation.SupervisionOrders.Where(o => o.UnitId == Caller.UnitId);

        public bool Is(Role role) => Caller.IsInRole(role);
    }
}
