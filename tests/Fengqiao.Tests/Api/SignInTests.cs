using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fengqiao.Tests.Api;

public sealed class SignInTests
{
    private ApiFactory _api = null!;

    [OneTimeSetUp]
    public void Start() => _api = new ApiFactory(services => services.AddSingleton<IStartupFilter, ClientAddressHeader>());

    [OneTimeTearDown]
    public void Stop() => _api.Dispose();

    [Test]
    public async Task SignIn_WithGoodPassword_ReturnsTokensThatOpenMe()
    {
        using var client = _api.CreateClient();
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "district.handler", password = ApiFactory.DemoPassword }))
            .ShouldBeOkAsync<JsonObject>();
        Assert.That(tokens["tokenType"]!.GetValue<string>(), Is.EqualTo("Bearer"));
        Assert.That(tokens["expiresIn"]!.GetValue<int>(), Is.EqualTo(900));
        Assert.That(tokens["refreshToken"]!.GetValue<string>(), Is.Not.Empty);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["accessToken"]!.GetValue<string>());
        var me = await (await client.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>();
        Assert.That(me["userName"]!.GetValue<string>(), Is.EqualTo("district.handler"));
        Assert.That(me["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "handler" }));
        Assert.That(me["unit"]!["name"]!.GetValue<string>(), Is.EqualTo("越城区住房和城乡建设局"));
        Assert.That(me["jurisdiction"]!["name"]!.GetValue<string>(), Is.EqualTo("越城区"));
        Assert.That(me["jurisdiction"]!["level"]!.GetValue<string>(), Is.EqualTo("district"));
    }

    [Test]
    public async Task SignIn_WithWrongPassword_Returns401InvalidCredentials()
    {
        using var client = _api.CreateClient();
        var problem = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "district.leader", password = "not-the-password-1" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("invalid_credentials"));
    }

    [Test]
    public async Task SignIn_WithUnknownUser_LooksLikeAWrongPassword()
    {
        using var client = _api.CreateClient();
        var problem = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody.here", password = "not-the-password-1" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("invalid_credentials"));
    }

    [Test]
    public async Task SignIn_AfterFiveWrongPasswords_IsLockedEvenWithTheRightOne()
    {
        using var client = _api.CreateClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var problem = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "town.analyst", password = $"wrong-password-{attempt}" }))
                .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
            Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("invalid_credentials"));
        }

        var fifth = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "town.analyst", password = "wrong-password-5" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(fifth["code"]!.GetValue<string>(), Is.EqualTo("locked_out"));

        var right = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "town.analyst", password = ApiFactory.DemoPassword }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(right["code"]!.GetValue<string>(), Is.EqualTo("locked_out"));
    }

    [Test]
    public async Task SignIn_LockoutOfAnUnknownName_AnswersExactlyAsForAKnownOne()
    {
        using var client = _api.CreateClient();
        var known = await AnswersToWrongPasswordsAsync(client, "town.supervisor");
        var unknown = await AnswersToWrongPasswordsAsync(client, "town.nobody");

        Assert.That(unknown, Is.EqualTo(known));
        Assert.That(known[^1], Does.Contain("locked_out"));
    }

    [Test]
    public async Task SignIn_FiveWrongPasswordsFromAnotherAddress_DoNotLockTheUserOutOfTheirs()
    {
        using var attacker = _api.CreateClient();
        attacker.DefaultRequestHeaders.Add(ClientAddressHeader.Name, "198.51.100.23");
        var answers = await AnswersToWrongPasswordsAsync(attacker, "town.leader");
        Assert.That(answers[^1], Does.Contain("locked_out"), "the attacker's address is locked");

        using var user = _api.CreateClient();
        user.DefaultRequestHeaders.Add(ClientAddressHeader.Name, "203.0.113.5");
        await (await user.PostAsJsonAsync("/api/v1/auth/token", new { userName = "town.leader", password = ApiFactory.DemoPassword })).ShouldBeOkAsync<JsonObject>();
        await (await attacker.PostAsJsonAsync("/api/v1/auth/token", new { userName = "town.leader", password = ApiFactory.DemoPassword }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task SignIn_WithEmptyFields_Returns400ListingThem()
    {
        using var client = _api.CreateClient();
        var problem = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "", password = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "userName", "password" }));
    }

    [Test]
    public async Task SignIn_WithMalformedJson_Returns400()
    {
        using var client = _api.CreateClient();
        using var body = new StringContent("{\"userName\": ", Encoding.UTF8, "application/json");
        await (await client.PostAsync("/api/v1/auth/token", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Me_WithoutToken_Returns401()
    {
        using var client = _api.CreateClient();
        await (await client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Me_WithExpiredToken_Returns401()
    {
        var token = CreateToken(signingKey: ReadSigningKey(), expires: DateTime.UtcNow.AddMinutes(-10));
        await ShouldBeRejected(token);
    }

    [Test]
    public async Task Me_WithTokenSignedByAnotherKey_Returns401()
    {
        var token = CreateToken(signingKey: new SymmetricSecurityKey(new byte[64]), expires: DateTime.UtcNow.AddMinutes(10));
        await ShouldBeRejected(token);
    }

    [Test]
    public async Task Me_WithTamperedPayload_Returns401()
    {
        var genuine = await _api.TokenForAsync("town.handler");
        var parts = genuine.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("\"handler\"", "\"admin\"", StringComparison.Ordinal);
        Assert.That(payload, Does.Contain("\"admin\""));
        await ShouldBeRejected($"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}");
    }

    [Test]
    public async Task Me_WithAlgNoneToken_Returns401()
    {
        var genuine = await _api.TokenForAsync("town.handler");
        var payload = genuine.Split('.')[1];
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        await ShouldBeRejected($"{header}.{payload}.");
    }

    [Test]
    public async Task Me_WithValidCraftedToken_IsAccepted()
    {
        // The control for the rejection tests above: the same crafting with the real key, a live lifetime and the user's stamp passes.
        var userId = await UserIdAsync("town.handler");
        var token = CreateToken(signingKey: ReadSigningKey(), expires: DateTime.UtcNow.AddMinutes(10), subject: userId, securityStamp: SecurityStampOf(userId));
        using var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.That((await client.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Me_WithValidTokenWithoutOrWithAnOldSecurityStamp_Returns401()
    {
        var userId = await UserIdAsync("town.handler");
        var current = long.Parse(SecurityStampOf(userId), System.Globalization.CultureInfo.InvariantCulture);
        await ShouldBeRejected(CreateToken(signingKey: ReadSigningKey(), expires: DateTime.UtcNow.AddMinutes(10), subject: userId));
        await ShouldBeRejected(CreateToken(signingKey: ReadSigningKey(), expires: DateTime.UtcNow.AddMinutes(10), subject: userId, securityStamp: (current - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Refresh_RotatesTheTokenAndAReplayRevokesTheSession()
    {
        using var client = _api.CreateClient();
        var first = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "district.supervisor", password = ApiFactory.DemoPassword }))
            .ShouldBeOkAsync<JsonObject>();
        var firstRefresh = first["refreshToken"]!.GetValue<string>();

        var second = await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = firstRefresh })).ShouldBeOkAsync<JsonObject>();
        var secondRefresh = second["refreshToken"]!.GetValue<string>();
        Assert.That(secondRefresh, Is.Not.EqualTo(firstRefresh));

        await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = firstRefresh })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = secondRefresh })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Logout_RevokesTheRefreshToken()
    {
        using var client = _api.CreateClient();
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "district.analyst", password = ApiFactory.DemoPassword }))
            .ShouldBeOkAsync<JsonObject>();
        var refresh = tokens["refreshToken"]!.GetValue<string>();

        Assert.That((await client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = refresh })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task SignInAttempts_AreAudited()
    {
        using var client = _api.CreateClient();
        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "city.leader", password = "wrong-password-9" });
        using var db = TestDatabase.Open(_api);
        var actions = TestDatabase.Strings(db, "SELECT a.action FROM audit_entries a JOIN org_users u ON u.id = a.actor_user_id WHERE u.user_name = 'city.leader'");
        Assert.That(actions, Does.Contain("sign_in.failed"));
    }

    /// <summary>The status, code, title and detail of five wrong passwords in a row (the trace id differs by request).</summary>
    private static async Task<List<string>> AnswersToWrongPasswordsAsync(HttpClient client, string userName)
    {
        var answers = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = $"wrong-password-{attempt}" });
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            problem.Remove("traceId");
            answers.Add($"{(int)response.StatusCode} {problem.ToJsonString()}");
        }

        return answers;
    }

    private async Task ShouldBeRejected(string token)
    {
        using var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await (await client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<string> UserIdAsync(string userName)
    {
        using var client = await _api.ClientForAsync(userName);
        return (await (await client.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>())["id"]!.GetValue<string>();
    }

    private SymmetricSecurityKey ReadSigningKey() =>
        new(Convert.FromBase64String(File.ReadAllText(Path.Combine(_api.DataDirectory, "jwt-signing.key")).Trim())) { KeyId = "fengqiao-local" };

    private string SecurityStampOf(string userId)
    {
        using var db = TestDatabase.Open(_api);
        return TestDatabase.Strings(db, "SELECT security_stamp FROM org_users WHERE id = @id", ("@id", userId)).Single();
    }

    private static string CreateToken(SecurityKey signingKey, DateTime expires, string? subject = null, string? securityStamp = null)
    {
        var claims = new List<Claim> { new("sub", subject ?? Guid.NewGuid().ToString()), new("role", "admin") };
        if (securityStamp is not null)
        {
            claims.Add(new Claim("sstamp", securityStamp));
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "fengqiao",
            Audience = "fengqiao-api",
            IssuedAt = expires.AddMinutes(-15),
            NotBefore = expires.AddMinutes(-15),
            Expires = expires,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256),
        });
    }
}
