using System.Security.Claims;
using Fengqiao.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api;

/// <summary>Tokens of a configured external OpenID Connect issuer get their unit, roles and jurisdiction from the local account.</summary>
public sealed class ExternalIdentityTests
{
    private ApiFactory _api = null!;

    [OneTimeSetUp]
    public void Start() => _api = new ApiFactory();

    [OneTimeTearDown]
    public void Stop() => _api.Dispose();

    [Test]
    public async Task ExternalUser_WithALocalAccount_GetsItsUnitRolesAndRegion()
    {
        var principal = await TransformAsync("https://sso.shaoxing.example", "Town.Handler");
        Assert.That(principal.FindFirstValue("role"), Is.EqualTo("handler"));
        Assert.That(principal.FindFirstValue("region_path"), Is.EqualTo("/330600/330602/330602001/"));
        Assert.That(principal.FindFirstValue("unit"), Is.Not.Null);
        Assert.That(Guid.TryParse(principal.FindFirstValue("sub"), out _), Is.True, "the local user id replaces the external subject");
    }

    [Test]
    public async Task ExternalUser_WithoutALocalAccount_IsNotSignedIn()
    {
        var principal = await TransformAsync("https://sso.shaoxing.example", "stranger");
        Assert.That(principal.Identity?.IsAuthenticated, Is.False, "the endpoints' policies answer 401");
        Assert.That(principal.FindFirstValue("role"), Is.Null);
        Assert.That(principal.FindFirstValue("unit"), Is.Null);
        Assert.That(principal.FindFirstValue("region_path"), Is.Null);
    }

    [Test]
    public async Task ExternalUser_WhoseLocalAccountIsDisabled_IsNotSignedIn()
    {
        Assert.That((await TransformAsync("https://sso.shaoxing.example", "district.mediator")).Identity?.IsAuthenticated, Is.True, "the control: enabled");
        using (var db = TestDatabase.Open(_api))
        {
            TestDatabase.Strings(db, "UPDATE org_users SET is_disabled = 1 WHERE user_name = 'district.mediator'");
        }

        var principal = await TransformAsync("https://sso.shaoxing.example", "district.mediator");
        Assert.That(principal.Identity?.IsAuthenticated, Is.False);
        Assert.That(principal.FindFirstValue("role"), Is.Null);
    }

    [Test]
    public async Task LocalTokens_AreLeftAsTheyAre()
    {
        var principal = await TransformAsync("fengqiao", "town.handler");
        Assert.That(principal.FindFirstValue("role"), Is.Null, "local tokens carry their own claims; nothing is added");
    }

    private async Task<ClaimsPrincipal> TransformAsync(string issuer, string userName)
    {
        var transformation = _api.Services.GetRequiredService<IClaimsTransformation>();
        var external = new ClaimsPrincipal(new ClaimsIdentity([new Claim("iss", issuer), new Claim("sub", "ext-123"), new Claim("preferred_username", userName)], "oidc"));
        return await transformation.TransformAsync(external);
    }
}
