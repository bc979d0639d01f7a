using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;

namespace Fengqiao.Intake.Petitions;

/// <summary>What a caller may do to one petition; serialised in snake_case in a petition's allowedActions.</summary>
internal enum PetitionAction
{
    Classify,
    Link,
    Merge,
    AddAttachment,
    RevealPetitioner,
}

/// <summary>
/// The one rule of who may take which step on a petition, as <c>CaseActions</c> is for cases: <see cref="Allowed"/> answers
/// the caller's allowedActions and <see cref="Require"/> guards every petition command with the same rule, so the server never
/// accepts what the caller was not offered. The roles of each action are the endpoint's role policy too. A refusal names why:
/// the petition's state (409 invalid_state) or the caller's part in it (403); a petition the caller may not read never gets
/// here (404).
/// </summary>
internal static class PetitionActions
{
    private static readonly Dictionary<PetitionAction, ActionRule> Rules = new()
    {
        [PetitionAction.Classify] = new(Capabilities.RolesOf(Capability.ClassifyPetitions), _ => true, "Only the petition bureau and leaders classify a petition.",
            p => PetitionStatuses.IsOpenForDecision(p.Status) ? null : InvalidState($"The petition is {p.Status.ToSnakeCase()}; only a registered petition can be classified.")),
        [PetitionAction.Link] = new([Role.PetitionOfficer], _ => true, "Only the petition bureau links petitions.",
            p => p.Status == PetitionStatus.Merged ? InvalidState($"{p.Number} was merged into another petition; link the petition it went to.") : null),
        [PetitionAction.Merge] = new([Role.PetitionOfficer], _ => true, "Only the petition bureau merges petitions.",
            p => PetitionStatuses.IsOpenForDecision(p.Status) ? null : InvalidState($"Only a registered petition can be merged; {p.Number} is {p.Status.ToSnakeCase()}.")),

        // Those who work on the petition add files: the bureau, and whoever registered it (a leader at a reception, an agent
        // for the petitioner). Handling units add theirs to the case they were given.
        [PetitionAction.AddAttachment] = new([Role.PetitionOfficer, Role.Leader, Role.Agent],
            p => p.Caller.IsInRole(Role.PetitionOfficer) || p.RegisteredByCaller,
            "Only the petition bureau and whoever registered the petition add files to it."),
        [PetitionAction.RevealPetitioner] = new([Role.PetitionOfficer, Role.Supervisor, Role.Leader, Role.DisciplineInspector], _ => true,
            "Only the petition bureau, supervisors, leaders and discipline inspectors see a petitioner's full ID number and phone."),
    };

    /// <summary>The roles that may take <paramref name="action"/> on some petition: the endpoint's role policy.</summary>
    public static Role[] RolesFor(PetitionAction action) => Rules[action].Roles;

    /// <summary>The actions the caller may take on the petition now; the SPA shows exactly these.</summary>
    public static IReadOnlyList<PetitionAction> Allowed(PetitionRow petition, ICurrentUser caller) =>
        Rules.Keys.Where(action => RefusalOf(action, petition, caller) is null).Order().ToList();

    /// <summary>Refuses <paramref name="action"/> unless <see cref="Allowed"/> lists it: 403 for the caller's part, 409 for the state.</summary>
    public static void Require(PetitionAction action, PetitionRow petition, ICurrentUser caller)
    {
        if (RefusalOf(action, petition, caller) is { } refusal)
        {
            throw refusal;
        }
    }

    private static Exception? RefusalOf(PetitionAction action, PetitionRow petition, ICurrentUser caller)
    {
        var rule = Rules[action];
        var party = new Party(petition, caller);
        return !rule.Roles.Any(caller.IsInRole) || !rule.MayAct(party) ? new ForbiddenException(rule.WhoMay) : rule.State?.Invoke(petition);
    }

    private static ConflictException InvalidState(string message) => new("invalid_state", message);

    /// <param name="Roles">Roles that may take the action on some petition.</param>
    /// <param name="MayAct">Whether the caller's part in this petition lets them take it.</param>
    /// <param name="WhoMay">The 403 answer otherwise.</param>
    /// <param name="State">A 409 when the petition's state forbids the action.</param>
    private sealed record ActionRule(Role[] Roles, Func<Party, bool> MayAct, string WhoMay, Func<PetitionRow, ConflictException?>? State = null);

    /// <summary>The caller's part in the petition.</summary>
    private sealed record Party(PetitionRow Petition, ICurrentUser Caller)
    {
        public bool RegisteredByCaller => Petition.RegisteredBy is { } registrar && registrar == Caller.UserId;
    }
}
