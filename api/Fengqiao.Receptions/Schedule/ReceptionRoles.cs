using Fengqiao.BuildingBlocks.Auth;

namespace Fengqiao.Receptions.Schedule;

/// <summary>The role policies the receptions endpoints share.</summary>
internal static class ReceptionRoles
{
    /// <summary>Who reads the calendar, a reception and the figures: those who receive, record, oversee, analyse or manage.</summary>
    public static readonly Role[] Readers = [Role.Leader, Role.PetitionOfficer, Role.Supervisor, Role.Analyst, Role.Admin];

    /// <summary>Who sees a named petitioner's full ID number and phone (audited), as for a petition's petitioners.</summary>
    public static readonly Role[] Revealers = [Role.PetitionOfficer, Role.Supervisor, Role.Leader, Role.DisciplineInspector];
}
