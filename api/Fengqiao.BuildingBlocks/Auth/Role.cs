namespace Fengqiao.BuildingBlocks.Auth;

/// <summary>What a user may do; serialised in snake_case (e.g. <c>petition_officer</c>).</summary>
public enum Role
{
    Admin,
    PetitionOfficer,
    Handler,
    Supervisor,
    Leader,
    Mediator,
    SuggestionReviewer,
    Analyst,
    DisciplineInspector,
    Agent,
}

public static class RoleNames
{
    private static readonly Dictionary<Role, string> Names = Enum.GetValues<Role>()
        .ToDictionary(r => r, r => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(r.ToString()));

    private static readonly Dictionary<string, Role> Roles = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Of(Role role) => Names[role];

    public static bool TryParse(string name, out Role role) => Roles.TryGetValue(name, out role);
}

/// <summary>Claim types of the tokens this API issues (short names; inbound claim mapping is off).</summary>
public static class FengqiaoClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string DisplayName = "display_name";
    public const string Role = "role";
    public const string Unit = "unit";
    public const string RegionPath = "region_path";

    /// <summary>The user's security stamp when the token was issued; a token whose stamp is no longer current is refused.</summary>
    public const string SecurityStamp = "sstamp";
}
