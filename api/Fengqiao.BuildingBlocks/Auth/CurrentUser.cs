using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Fengqiao.BuildingBlocks.Auth;

/// <summary>The caller: who, in which unit, over which region subtree, with which roles.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    Guid? UnitId { get; }

    /// <summary>The name shown to colleagues in timelines; never shown to petitioners.</summary>
    string? DisplayName { get; }

    /// <summary>Materialised path of the unit's region, e.g. <c>/330600/330602/</c>; its subtree is the jurisdiction.</summary>
    string? RegionPath { get; }

    IReadOnlySet<Role> Roles { get; }

    /// <summary>A third party's API client rather than a person; its writes are audited with the actor kind "client".</summary>
    bool IsApiClient => false;

    bool IsInRole(Role role) => Roles.Contains(role);
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public Guid? UserId => Guid.TryParse(Principal?.FindFirstValue(FengqiaoClaims.Subject), out var id) ? id : null;

    public Guid? UnitId => Guid.TryParse(Principal?.FindFirstValue(FengqiaoClaims.Unit), out var id) ? id : null;

    public string? DisplayName => Principal?.FindFirstValue(FengqiaoClaims.DisplayName) ?? Principal?.FindFirstValue(FengqiaoClaims.Name);

    public string? RegionPath => Principal?.FindFirstValue(FengqiaoClaims.RegionPath);

    public bool IsApiClient => Principal?.IsApiClient() ?? false;

    public IReadOnlySet<Role> Roles => Principal is null
        ? new HashSet<Role>()
        : Principal.FindAll(FengqiaoClaims.Role)
            .Select(c => RoleNames.TryParse(c.Value, out var role) ? (Role?)role : null)
            .OfType<Role>()
            .ToHashSet();
}
