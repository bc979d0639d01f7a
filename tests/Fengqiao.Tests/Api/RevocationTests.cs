using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api;

/// <summary>
/// Disabling a user, changing their roles, resetting their password, signing out and revoking a refresh family end the
/// user's access tokens at once (through the security stamp), not at their expiry; the tokens used here were used
/// successfully before they were revoked.
/// </summary>
public sealed class RevocationTests : IntakeTestBase
{
    private int _sequence;

    // Background deliveries commit too, and a commit empties the read cache the last test needs to keep its answer.
    protected override Dictionary<string, string?> Settings => new() { ["Outbox:Enabled"] = "false", ["DeadlineWatcher:Enabled"] = "false", ["MustVisitProposer:Enabled"] = "false" };

    [Test]
    public async Task DisabledPetitionOfficer_OldAccessToken_CannotRegister()
    {
        var officer = await CreateUserAsync("府山街道办事处", "petition_officer");
        using var client = ClientWith(officer.Tokens.AccessToken);
        var village = await FushanVillageAsync();
        await IntakeData.RegisterAsync(client, Data.Registration(village));

        using var admin = await Api.ClientForAsync("city.admin");
        await (await SendWithIfMatch(admin, HttpMethod.Post, $"/api/v1/users/{officer.Id}/disable", null, 1)).ShouldBeOkAsync<JsonObject>();

        await (await client.PostAsJsonAsync("/api/v1/petitions", Data.Registration(village))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task DemotedDisciplineInspector_OldAccessToken_CannotRevealAPetitioner()
    {
        var inspector = await CreateUserAsync("府山街道纪委", "discipline_inspector");
        using var client = ClientWith(inspector.Tokens.AccessToken);
        using var officer = await Api.ClientForAsync("town.petition_officer");
        var registered = await IntakeData.RegisterAsync(officer, Data.Registration(await FushanVillageAsync()));
        var petition = await (await officer.GetAsync($"/api/v1/petitions/{registered["id"]}")).ShouldBeOkAsync<JsonObject>();
        var revealUrl = $"/api/v1/petitions/{registered["id"]}/petitioners/{petition["petitioners"]![0]!["id"]}/reveal";
        await (await client.PostAsync(revealUrl, null)).ShouldBeOkAsync<JsonObject>();

        using var admin = await Api.ClientForAsync("city.admin");
        await (await SendWithIfMatch(admin, HttpMethod.Put, $"/api/v1/users/{inspector.Id}", new { displayName = "降职人员", roles = new[] { "analyst" } }, 1))
            .ShouldBeOkAsync<JsonObject>();

        await (await client.PostAsync(revealUrl, null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task DisplayNameChange_KeepsTheAccessToken()
    {
        var handler = await CreateUserAsync("府山街道办事处", "handler");
        using var client = ClientWith(handler.Tokens.AccessToken);
        await (await client.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();

        using var admin = await Api.ClientForAsync("city.admin");
        await (await SendWithIfMatch(admin, HttpMethod.Put, $"/api/v1/users/{handler.Id}", new { displayName = "改名字", roles = new[] { "handler" } }, 1))
            .ShouldBeOkAsync<JsonObject>();

        await (await client.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();
    }

    [Test]
    public async Task PasswordReset_EndsTheOldAccessToken()
    {
        var user = await CreateUserAsync("府山街道办事处", "handler");
        using var client = ClientWith(user.Tokens.AccessToken);
        await (await client.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();

        using var admin = await Api.ClientForAsync("city.admin");
        await (await SendWithIfMatch(admin, HttpMethod.Post, $"/api/v1/users/{user.Id}/reset-password", new { newPassword = "Reset-Password-2027" }, 1))
            .ShouldBeOkAsync<JsonObject>();

        await (await client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task SignOut_EndsTheAccessToken_AndANewSignInWorks()
    {
        var user = await CreateUserAsync("府山街道办事处", "handler");
        using var client = ClientWith(user.Tokens.AccessToken);
        await (await client.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();

        using var anonymous = Api.CreateClient();
        Assert.That((await anonymous.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = user.Tokens.RefreshToken })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        var again = await SignInAsync(user.UserName, user.Password);
        using var fresh = ClientWith(again.AccessToken);
        await (await fresh.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();
    }

    [Test]
    public async Task ReplayedRefreshToken_RevokesTheFamily_AndEndsItsAccessTokens()
    {
        var user = await CreateUserAsync("府山街道办事处", "handler");
        using var anonymous = Api.CreateClient();
        var rotated = await (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.Tokens.RefreshToken })).ShouldBeOkAsync<JsonObject>();
        using var client = ClientWith(rotated["accessToken"]!.GetValue<string>());
        await (await client.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();

        await (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.Tokens.RefreshToken })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        await (await client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task RefreshRotation_KeepsTheAccessToken()
    {
        var user = await CreateUserAsync("府山街道办事处", "handler");
        using var client = ClientWith(user.Tokens.AccessToken);
        using var anonymous = Api.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.Tokens.RefreshToken })).ShouldBeOkAsync<JsonObject>();

        await (await client.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();
    }

    [Test]
    public async Task AnotherInstancesChange_RefusesTheToken_EvenForAReadKeptInTheReadCache()
    {
        var officer = await CreateUserAsync("府山街道办事处", "petition_officer");
        using var client = ClientWith(officer.Tokens.AccessToken);
        await client.GetAsync("/api/v1/petitions?limit=3");
        Assert.That((await ReadCacheTests.ReadAsync(client, "/api/v1/petitions?limit=3")).Cached, Is.True);

        // Another instance disabled the user: the row changed, and this process committed nothing (the cache keeps its answers).
        using (var db = TestDatabase.Open(Api))
        {
            TestDatabase.Strings(db, "UPDATE org_users SET is_disabled = 1, security_stamp = security_stamp + 1 WHERE id = @id", ("@id", officer.Id));
        }

        // What the background check does every few seconds.
        await Api.Services.GetRequiredService<ISecurityStamps>().RefreshAsync(CancellationToken.None);

        await (await client.GetAsync("/api/v1/petitions?limit=3")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private sealed record Tokens(string AccessToken, string RefreshToken);

    private sealed record CreatedUser(string Id, string UserName, string Password, Tokens Tokens);

    private async Task<CreatedUser> CreateUserAsync(string unitName, string role)
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var userName = $"revoked.user{Interlocked.Increment(ref _sequence)}";
        const string password = "Revoked-Pass-2026";
        var created = await (await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName,
            displayName = Data.Name(),
            password,
            unitId = await UserAdminTests.UnitIdAsync(admin, unitName),
            roles = new[] { role },
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        return new CreatedUser(created["id"]!.GetValue<string>(), userName, password, await SignInAsync(userName, password));
    }

    private async Task<Tokens> SignInAsync(string userName, string password)
    {
        using var anonymous = Api.CreateClient();
        var tokens = await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password })).ShouldBeOkAsync<JsonObject>();
        return new Tokens(tokens["accessToken"]!.GetValue<string>(), tokens["refreshToken"]!.GetValue<string>());
    }

    private HttpClient ClientWith(string accessToken)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
