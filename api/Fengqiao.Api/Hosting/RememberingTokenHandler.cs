using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fengqiao.Api.Hosting;

/// <summary>
/// Validates an access token once and remembers that it was valid until it expires: the SPA sends the same token with
/// every request of its lifetime, and reading it and checking its signature again was a sixth of a worklist read. Only
/// valid tokens are remembered, never past their expiry as the validation itself judges it (same clock, same skew);
/// every request gets an identity of its own, since the authentication handler hands it on to code that may add claims.
/// </summary>
/// <param name="maxRemembered">Beyond this many remembered tokens the expired ones are dropped, and all of them if that is not enough.</param>
internal sealed class RememberingTokenHandler(int maxRemembered) : JsonWebTokenHandler
{
    private readonly ConcurrentDictionary<string, RememberedToken> _remembered = new(StringComparer.Ordinal);

    /// <summary>Far more tokens than a city's staff hold at once: each user has one live access token at a time.</summary>
    public RememberingTokenHandler()
        : this(10_000)
    {
    }

    internal int RememberedCount => _remembered.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        // The clock the lifetime validation reads: the system's, whatever clock the application keeps for its deadlines.
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        if (_remembered.TryGetValue(token, out var remembered))
        {
            if (now <= remembered.ValidUntil)
            {
                return remembered.ToResult();
            }

            _remembered.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated && result.ClaimsIdentity is { } identity)
        {
            if (_remembered.Count >= maxRemembered)
            {
                Forget(now);
            }

            _remembered[token] = new RememberedToken(identity.Clone(), validated, validated.ValidTo + validationParameters.ClockSkew);
        }

        return result;
    }

    private void Forget(DateTime now)
    {
        foreach (var (token, remembered) in _remembered)
        {
            if (remembered.ValidUntil < now)
            {
                _remembered.TryRemove(token, out _);
            }
        }

        if (_remembered.Count >= maxRemembered)
        {
            _remembered.Clear();
        }
    }

    private sealed record RememberedToken(ClaimsIdentity Identity, SecurityToken Token, DateTime ValidUntil)
    {
        public TokenValidationResult ToResult() => new()
        {
            IsValid = true,
            ClaimsIdentity = Identity.Clone(),
            SecurityToken = Token,
            Issuer = Token.Issuer,
        };
    }
}
