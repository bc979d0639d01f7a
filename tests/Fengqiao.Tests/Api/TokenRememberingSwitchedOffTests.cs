using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Fengqiao.Api.Hosting;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Fengqiao.Tests.Api;

/// <summary>With <c>Auth:RememberTokens</c> off every request's token is validated anew, and still only a valid one is accepted.</summary>
public sealed class TokenRememberingSwitchedOffTests : IntakeTestBase
{
    protected override Dictionary<string, string?> Settings => new() { ["Auth:RememberTokens"] = "false" };

    [Test]
    public async Task ValidTokens_AreAccepted_ByAHandlerThatRemembersNone()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");

        await (await officer.GetAsync("/api/v1/petitions?limit=1")).ShouldBeOkAsync<JsonObject>();
        await (await officer.GetAsync("/api/v1/petitions?limit=1")).ShouldBeOkAsync<JsonObject>();

        Assert.That(Api.Services.GetRequiredService<JsonWebTokenHandler>(), Is.Not.InstanceOf<RememberingTokenHandler>());
    }

    [Test]
    public async Task AnAlteredToken_IsRefused()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var token = officer.DefaultRequestHeaders.Authorization!.Parameter!;
        using var forger = Api.CreateClient();
        // A character well inside the signature: the last one may carry padding bits only.
        var altered = token[..^10] + (token[^10] == 'A' ? 'B' : 'A') + token[^9..];
        forger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", altered);

        var response = await forger.GetAsync("/api/v1/petitions?limit=1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
