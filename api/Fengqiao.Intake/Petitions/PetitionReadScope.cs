using Fengqiao.BuildingBlocks.Auth;

namespace Fengqiao.Intake.Petitions;

/// <summary>Which petitions a caller's roles let it read and list (the README's role table); a caller with several roles reads the union.</summary>
[Flags]
internal enum PetitionReadScope
{
    /// <summary>Admins, mediators and suggestion reviewers: their work lives in other modules, which carry the text they need.</summary>
    None = 0,

    /// <summary>The region subtree of the caller's unit and what its unit registered: the staff who register, oversee and analyse petitions.</summary>
    Jurisdiction = 1 << 0,

    /// <summary>Petitions of the cases the caller's unit currently leads or co-handles.</summary>
    UnitCases = 1 << 1,

    /// <summary>Petitions the caller registered itself, for the petitioners it acts for.</summary>
    OwnRegistrations = 1 << 2,

    /// <summary>Read-only, one at a time: the petition of a case the caller is the agent of (信访代办); each read is audited.</summary>
    CaseAgency = 1 << 3,
}

internal static class PetitionReadScopes
{
    public static PetitionReadScope Of(ICurrentUser caller)
    {
        var scope = PetitionReadScope.None;
        foreach (var role in caller.Roles)
        {
            scope |= role switch
            {
                Role.PetitionOfficer or Role.Supervisor or Role.Leader or Role.Analyst or Role.DisciplineInspector => PetitionReadScope.Jurisdiction,
                Role.Handler => PetitionReadScope.UnitCases,
                Role.Agent => PetitionReadScope.OwnRegistrations | PetitionReadScope.CaseAgency,
                _ => PetitionReadScope.None,
            };
        }

        return scope;
    }
}
