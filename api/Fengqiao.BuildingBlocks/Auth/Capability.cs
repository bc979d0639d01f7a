using Fengqiao.BuildingBlocks.Errors;

namespace Fengqiao.BuildingBlocks.Auth;

/// <summary>
/// A page or feature of the app, beyond what every signed-in caller may; serialised in snake_case (e.g.
/// <c>register_petition</c>). What a caller may do to one petition or case is that object's allowedActions instead.
/// </summary>
public enum Capability
{
    RegisterPetition,
    ClassifyPetitions,
    ExportPetitions,
    ViewSupervision,
    ViewAudit,
    ManageUsers,
    ManageOrganization,
    ManageRoutingRules,
    ManageSettings,
    ListAgents,
    ViewReceptions,
    ScheduleReceptions,
    ScheduleLeadersReceptions,
    ScheduleBureauReceptions,
    PlanMustVisits,
    ManageReceptionRegisters,
    ViewJointMeetingsAndLetters,
    ManageJointMeetingsAndLetters,
    ViewMediation,
    ManageMediationRooms,
    ViewDisputes,
    MediateDisputes,
    ViewSuggestions,
    ManageSuggestionTopics,
    HandleSuggestions,
    AnswerAssignedSuggestions,
    ViewDiary,
    KeepDiary,
    ViewMetrics,
    ManageIntegrations,
    CaseTabToAssign,
    CaseTabReturned,
    CaseTabToSign,
    CaseTabInProgress,
    CaseTabToReply,
    CaseTabDueSoon,
    CaseTabOverdue,
    CaseTabReplied,
    CaseTabAgent,
    CaseTabSupervisionOrders,
}

/// <summary>
/// The one table of which roles hold each capability. Endpoints take their role policy from it
/// (<see cref="EndpointAuthorization.RequireCapability"/>), a handler that checks a capability itself asks
/// <see cref="Require"/>, and <c>GET /me</c> answers <see cref="Of"/>, which the SPA shows its menu, routes and buttons
/// from; so what the SPA offers and what the server lets through cannot drift apart. A new module adds its rows here.
/// </summary>
public static class Capabilities
{
    private static readonly Role[] Everyone = Enum.GetValues<Role>();

    private static readonly Dictionary<Capability, Role[]> Table = new()
    {
        [Capability.RegisterPetition] = [Role.PetitionOfficer, Role.Leader, Role.Agent],
        // The petition bureau and leaders decide whether a registered petition is accepted (Art 28–31), and count those waiting.
        [Capability.ClassifyPetitions] = [Role.PetitionOfficer, Role.Leader],
        [Capability.ExportPetitions] = [Role.PetitionOfficer, Role.Supervisor, Role.Leader, Role.Analyst],
        [Capability.ViewSupervision] = [Role.PetitionOfficer, Role.Supervisor, Role.Leader, Role.Analyst],
        [Capability.ViewAudit] = [Role.Admin, Role.DisciplineInspector],
        [Capability.ManageUsers] = [Role.Admin],
        [Capability.ManageOrganization] = [Role.Admin],
        [Capability.ManageRoutingRules] = [Role.Admin],
        [Capability.ManageSettings] = [Role.Admin],
        [Capability.ListAgents] = [Role.PetitionOfficer],

        // Leaders receive, the petition bureau records and keeps the duty rota and the registers, overseers read. Scheduling is
        // one endpoint; which kinds a caller schedules (a leader's own reception days, appointments and visits, or the bureau's
        // duties and home visits) its handler asks of the two narrower capabilities.
        [Capability.ViewReceptions] = [Role.Leader, Role.PetitionOfficer, Role.Supervisor, Role.Analyst, Role.Admin],
        [Capability.ScheduleReceptions] = [Role.Leader, Role.PetitionOfficer, Role.Admin],
        [Capability.ScheduleLeadersReceptions] = [Role.Leader, Role.Admin],
        [Capability.ScheduleBureauReceptions] = [Role.PetitionOfficer, Role.Admin],
        [Capability.PlanMustVisits] = [Role.Leader, Role.Admin],
        [Capability.ManageReceptionRegisters] = [Role.PetitionOfficer, Role.Admin],

        // Leaders and administrators keep joint-meeting systems and responsibility letters within their jurisdiction; the
        // petition bureau, supervisors and analysts read them.
        [Capability.ViewJointMeetingsAndLetters] = [Role.Admin, Role.Leader, Role.PetitionOfficer, Role.Supervisor, Role.Analyst],
        [Capability.ManageJointMeetingsAndLetters] = [Role.Admin, Role.Leader],

        // Mediators keep the registers of their rooms and committees, administrators set them up; the petition bureau (which
        // refers disputes), leaders, supervisors and analysts read them.
        [Capability.ViewMediation] = [Role.Mediator, Role.PetitionOfficer, Role.Leader, Role.Supervisor, Role.Analyst, Role.Admin],
        [Capability.ManageMediationRooms] = [Role.Mediator, Role.Admin],

        // Disputes name their parties: mediators register and mediate them, the petition bureau follows the ones it referred,
        // overseers read; administrators, who read no petitions, read no disputes either.
        [Capability.ViewDisputes] = [Role.Mediator, Role.PetitionOfficer, Role.Leader, Role.Supervisor, Role.Analyst],
        [Capability.MediateDisputes] = [Role.Mediator],
        // Suggestion reviewers do the suggestions' work and publish topics with leaders; supervisors and analysts read them.
        [Capability.ViewSuggestions] = [Role.SuggestionReviewer, Role.Leader, Role.Supervisor, Role.Analyst],
        [Capability.ManageSuggestionTopics] = [Role.SuggestionReviewer, Role.Leader],
        [Capability.HandleSuggestions] = [Role.SuggestionReviewer],
        // A department's own staff (its handlers) read and answer the suggestions assigned to their unit, and no others.
        [Capability.AnswerAssignedSuggestions] = [Role.Handler],
        // The people's-sentiment diary 民情日记 names households: the town's and village's cadres who visit them (its petition
        // officers and leaders) keep it and turn its matters into petitions or suggestions; supervisors and analysts read it.
        [Capability.ViewDiary] = [Role.PetitionOfficer, Role.Leader, Role.Supervisor, Role.Analyst],
        [Capability.KeepDiary] = [Role.PetitionOfficer, Role.Leader],
        // The indicators are what leaders judge the work by; the petition bureau and analysts prepare them, administrators check them.
        [Capability.ViewMetrics] = [Role.Leader, Role.PetitionOfficer, Role.Analyst, Role.Admin],
        // Administrators register third parties' API clients for units within their jurisdiction, rotate and revoke their keys.
        [Capability.ManageIntegrations] = [Role.Admin],

        // The case worklist's tabs: the petition bureau assigns, the lead unit's handlers sign and reply, agents follow their
        // cases, and everyone watches the clock of the cases they see.
        [Capability.CaseTabToAssign] = [Role.PetitionOfficer],
        [Capability.CaseTabReturned] = [Role.PetitionOfficer],
        [Capability.CaseTabToSign] = [Role.Handler],
        [Capability.CaseTabInProgress] = [Role.Handler],
        [Capability.CaseTabToReply] = [Role.Handler],
        [Capability.CaseTabDueSoon] = Everyone,
        [Capability.CaseTabOverdue] = Everyone,
        [Capability.CaseTabReplied] = Everyone,
        [Capability.CaseTabAgent] = [Role.Agent],
        // The supervised unit's staff answer the supervision orders sent to it.
        [Capability.CaseTabSupervisionOrders] = [Role.Handler, Role.PetitionOfficer],
    };

    /// <summary>The roles holding <paramref name="capability"/>: the role policy of the endpoints that need it.</summary>
    public static Role[] RolesOf(Capability capability) => Table[capability];

    /// <summary>The capabilities the caller's roles hold, in the enum's order.</summary>
    public static IReadOnlyList<Capability> Of(ICurrentUser caller) =>
        Table.Where(entry => entry.Value.Any(caller.IsInRole)).Select(entry => entry.Key).Order().ToList();

    public static bool Holds(ICurrentUser caller, Capability capability) => Table[capability].Any(caller.IsInRole);

    /// <summary>Refuses with 403 unless the caller holds <paramref name="capability"/>; for checks an endpoint policy cannot make.</summary>
    public static void Require(ICurrentUser caller, Capability capability, string refusal)
    {
        if (!Holds(caller, capability))
        {
            throw new ForbiddenException(refusal);
        }
    }
}
