using System.Security.Claims;
using System.Security.Cryptography;
using Fengqiao.Api.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fengqiao.Tests.Unit;

public sealed class RememberingTokenHandlerTests
{
    private static readonly SymmetricSecurityKey Key = new(RandomNumberGenerator.GetBytes(64));

    [Test]
    public async Task AValidToken_IsValidatedOnce_AndEveryUseGetsAnIdentityOfItsOwn()
    {
        var handler = new RememberingTokenHandler();
        var token = Token(DateTime.UtcNow.AddMinutes(15));

        var first = await handler.ValidateTokenAsync(token, Parameters());
        var second = await handler.ValidateTokenAsync(token, Parameters());

        Assert.That((first.IsValid, second.IsValid, handler.RememberedCount), Is.EqualTo((true, true, 1)));
        Assert.That(second.ClaimsIdentity, Is.Not.SameAs(first.ClaimsIdentity));
        Assert.That(second.ClaimsIdentity.FindFirst("sub")?.Value, Is.EqualTo("user-1"));
        Assert.That(second.SecurityToken.ValidTo, Is.EqualTo(first.SecurityToken.ValidTo));
    }

    [Test]
    public async Task ATokenSignedWithAnotherKey_IsRejected_AndNotRemembered()
    {
        var handler = new RememberingTokenHandler();
        var forged = Token(DateTime.UtcNow.AddMinutes(15), new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)));

        var results = new[] { await handler.ValidateTokenAsync(forged, Parameters()), await handler.ValidateTokenAsync(forged, Parameters()) };

        Assert.That(results.Select(r => r.IsValid), Is.All.False);
        Assert.That(handler.RememberedCount, Is.Zero);
    }

    [Test]
    public async Task ARememberedToken_IsRejectedOnceItHasExpired()
    {
        var handler = new RememberingTokenHandler();
        var expired = Token(DateTime.UtcNow.AddMinutes(-1));
        // A validation that let the lifetime pass remembers the token; the expiry still holds afterwards.
        var lenient = Parameters();
        lenient.LifetimeValidator = (_, _, _, _) => true;
        Assert.That((await handler.ValidateTokenAsync(expired, lenient)).IsValid, Is.True);

        var again = await handler.ValidateTokenAsync(expired, Parameters());

        Assert.That(again.IsValid, Is.False);
        Assert.That(again.Exception, Is.InstanceOf<SecurityTokenExpiredException>());
        Assert.That(handler.RememberedCount, Is.Zero);
    }

    [Test]
    public async Task WhenFull_ExpiredTokensAreForgottenFirst_ThenAll()
    {
        var handler = new RememberingTokenHandler(maxRemembered: 2);
        var lenient = Parameters();
        lenient.LifetimeValidator = (_, _, _, _) => true;
        await handler.ValidateTokenAsync(Token(DateTime.UtcNow.AddMinutes(-1)), lenient);
        await handler.ValidateTokenAsync(Token(DateTime.UtcNow.AddMinutes(15)), Parameters());

        await handler.ValidateTokenAsync(Token(DateTime.UtcNow.AddMinutes(15)), Parameters());
        Assert.That(handler.RememberedCount, Is.EqualTo(2), "the expired one made room");

        await handler.ValidateTokenAsync(Token(DateTime.UtcNow.AddMinutes(15)), Parameters());
        Assert.That(handler.RememberedCount, Is.EqualTo(1), "none had expired: all were forgotten, the new one kept");
    }

    private static string Token(DateTime expires, SecurityKey? key = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "fengqiao",
        Audience = "fengqiao-api",
        Subject = new ClaimsIdentity([new Claim("sub", "user-1"), new Claim("jti", Guid.NewGuid().ToString())]),
        NotBefore = expires.AddMinutes(-20),
        IssuedAt = expires.AddMinutes(-20),
        Expires = expires,
        SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.HmacSha256),
    });

    private static TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = "fengqiao",
        ValidAudience = "fengqiao-api",
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.Zero,
    };
}
