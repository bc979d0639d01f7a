using System.Buffers;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Fengqiao.BuildingBlocks.Http;

public sealed class ReadCacheOptions
{
    public const string Section = "ReadCache";

    /// <summary>
    /// Unset: on with the embedded SQLite database, which one process writes (see <see cref="IWriterGate"/>); off with
    /// SQL Server, where several instances may share the database and each would see only its own writes.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>How long an answer is kept even while nothing is written.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Answers a signed-in caller's repeated read from memory: the same caller (every claim of the token but its lifetime),
/// the same URL (path and every query value), the same local day, and no unit of work committed in this process since
/// the answer was made (<see cref="DataGeneration"/>). Only 200 answers are kept. Authorization still runs first, so a
/// cached answer is never given to a caller the endpoint would refuse.
/// </summary>
public static class CallerReadCache
{
    public const string PolicyName = "caller-reads";

    public static IServiceCollection AddCallerReadCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReadCacheOptions>()
            .Bind(configuration.GetSection(ReadCacheOptions.Section))
            .Validate(options => options.Lifetime > TimeSpan.Zero, "ReadCache:Lifetime must be longer than zero.")
            .ValidateOnStart();
        return services.AddOutputCache(options =>
            options.AddPolicy(PolicyName, policy => policy.AddPolicy<CallerReadCachePolicy>(), excludeDefaultPolicy: true));
    }

    /// <summary>For reads whose answer depends only on the caller, the URL, the day and the database.</summary>
    public static RouteHandlerBuilder CachedForCaller(this RouteHandlerBuilder endpoint) => endpoint.CacheOutput(PolicyName);
}

internal sealed class CallerReadCachePolicy(IOptions<ReadCacheOptions> options, IDbConnectionFactory database, DataGeneration generation, TimeProvider clock)
    : IOutputCachePolicy
{
    // Claims that differ between two tokens of the same caller and do not change what the caller may see.
    private static readonly HashSet<string> TokenLifetimeClaims = new(StringComparer.Ordinal) { "exp", "iat", "nbf", "jti", "auth_time" };

    private static readonly SearchValues<char> KeySeparators = SearchValues.Create("\x1e\x1f");

    private readonly bool _enabled = options.Value.Enabled ?? database.Provider == DatabaseProvider.Sqlite;

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var caller = _enabled
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.User.Identity?.IsAuthenticated == true
                ? Caller(http.User)
                : null;
        if (caller is null || HasKeySeparator(http.Request, caller))
        {
            context.EnableOutputCaching = false;
            return ValueTask.CompletedTask;
        }

        context.EnableOutputCaching = true;

        // Read before the answer is made: a write committed meanwhile moves the generation, so the answer is filed
        // under a key no later request asks for.
        var rules = context.CacheVaryByRules;
        rules.VaryByValues["generation"] = generation.Value.ToString(CultureInfo.InvariantCulture);
        rules.VaryByValues["day"] = WorkCalendar.LocalDate(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        rules.VaryByValues["caller"] = caller;
        rules.QueryKeys = "*";

        // A petition's ETag is its row version, for If-Match on changes; attachments and timeline entries change the
        // answer without it. It does not validate a whole answer, so a kept answer must not turn If-None-Match into a
        // 304: these reads answer in full, as they do uncached.
        http.Request.Headers.IfNoneMatch = StringValues.Empty;
        http.Request.Headers.IfModifiedSince = StringValues.Empty;

        // A caller may ask for a fresh answer (Cache-Control: no-cache); it then waits for no other request's answer,
        // and its own replaces the one kept.
        var fresh = HeaderUtilities.ContainsCacheDirective(http.Request.Headers.CacheControl, CacheControlHeaderValue.NoCacheString);
        context.AllowCacheLookup = !fresh;
        context.AllowLocking = !fresh;
        context.AllowCacheStorage = true;
        context.ResponseExpirationTimeSpan = options.Value.Lifetime;
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The output cache separates the parts of its key with these two characters and answers an empty key when a part
    /// holds one; requests with an empty key would still wait on one another's answer, whoever sent them.
    /// </summary>
    private static bool HasKeySeparator(HttpRequest request, string caller)
    {
        static bool Has(string? text) => text is not null && text.AsSpan().IndexOfAny(KeySeparators) >= 0;

        return Has(caller) || Has(request.Path.Value) || request.Query.Any(query => Has(query.Key) || query.Value.Any(Has));
    }

    /// <summary>Every claim but the token's lifetime, each length-prefixed so that no two claim sets read the same.</summary>
    private static string Caller(ClaimsPrincipal user)
    {
        var caller = new StringBuilder();
        foreach (var claim in user.Claims)
        {
            if (!TokenLifetimeClaims.Contains(claim.Type))
            {
                caller.Append(CultureInfo.InvariantCulture, $"{claim.Type.Length}:{claim.Type}{claim.Value.Length}:{claim.Value}");
            }
        }

        return caller.ToString();
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
