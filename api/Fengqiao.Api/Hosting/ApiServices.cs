using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Fengqiao.BuildingBlocks;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Mediator;
using Fengqiao.Dispatch;
using Fengqiao.Intake;
using Fengqiao.Integrations;
using Fengqiao.Mediation;
using Fengqiao.Metrics;
using Fengqiao.Organization;
using Fengqiao.Receptions;
using Fengqiao.Suggestions;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fengqiao.Api.Hosting;

internal static class ApiServices
{
    private const string LocalScheme = JwtBearerDefaults.AuthenticationScheme;
    private const string ExternalScheme = "oidc";
    private const string SelectorScheme = "bearer";

    /// <summary>Everything the host itself provides: platform, mediator, JSON, auth, rate limits, read cache, OpenAPI, health, CORS.</summary>
    public static WebApplicationBuilder AddApiHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // The answer does not name the server software.
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);

        services.AddPlatform(configuration);
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(OrganizationModule), typeof(IntakeModule), typeof(DispatchModule), typeof(ReceptionsModule), typeof(MediationModule), typeof(SuggestionsModule), typeof(MetricsModule), typeof(IntegrationsModule)];
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>)];
        });

        services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));

        // Binding failures reach the problem-details handler in every environment, which names the parameter; otherwise
        // outside Development they answer an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => ConfigureJson(options.JsonSerializerOptions));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);

        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Local or external bearer token", options => options.ForwardDefaultSelector = SelectScheme(configuration))
            .AddJwtBearer(LocalScheme, options => options.MapInboundClaims = false);
        services.AddOptions<JwtBearerOptions>(LocalScheme).Configure<TokenSettings>((options, settings) =>
        {
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new JsonWebTokenHandler { MapInboundClaims = false });
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                IssuerSigningKey = settings.SigningKey,
                ValidAlgorithms = [TokenSettings.Algorithm],
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = FengqiaoClaims.Name,
                RoleClaimType = FengqiaoClaims.Role,
            };
            // Runs after every successful validation.
            options.Events = new JwtBearerEvents { OnTokenValidated = RefuseStaleSecurityStamp };
        });
        if (configuration["Auth:Oidc:Authority"] is { Length: > 0 } authority)
        {
            services.AddAuthentication().AddJwtBearer(ExternalScheme, options =>
            {
                options.Authority = authority;
                options.Audience = configuration["Auth:Oidc:Audience"];
                options.MapInboundClaims = false;
                options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];
                options.TokenValidationParameters.NameClaimType = FengqiaoClaims.Name;
                options.TokenValidationParameters.RoleClaimType = FengqiaoClaims.Role;
            });
        }

        services.AddSingleton<TokenSettings>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicies.Authentication, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = configuration.GetValue("RateLimits:AuthenticationPerMinute", 30),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.AddPolicy(RateLimitPolicies.Public, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = configuration.GetValue("RateLimits:PublicPerMinute", 10),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            // Each API client within the requests a minute its administrator set (a claim of its principal); people are not limited here.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.IsApiClient() && int.TryParse(context.User.FindFirst(ApiClientAuthentication.RateLimitClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var perMinute)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        $"{context.User.FindFirst(FengqiaoClaims.Subject)?.Value}/{perMinute}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = "Wait before trying again." },
                });
            };
        });

        services.AddCallerReadCache(configuration);
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("ETag", "Location", "Retry-After")));

        services.AddOpenApiDocument();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return builder;
    }

    private static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }

    /// <summary>
    /// A token issued before its user was disabled, had roles changed, had the password reset, signed out or had a
    /// refresh family revoked carries an older security stamp than the user's current one, and is refused (401).
    /// </summary>
    private static async Task RefuseStaleSecurityStamp(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirst(FengqiaoClaims.Subject)?.Value, out var userId)
            || !long.TryParse(principal.FindFirst(FengqiaoClaims.SecurityStamp)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var stamp)
            || !await context.HttpContext.RequestServices.GetRequiredService<ISecurityStamps>().IsCurrentAsync(userId, stamp, context.HttpContext.RequestAborted))
        {
            context.Fail("The token was revoked.");
        }
    }

    /// <summary>An API key goes to the API clients' scheme; tokens from our own issuer to the local scheme; any other issuer to the external OIDC scheme, if configured.</summary>
    private static Func<HttpContext, string?> SelectScheme(IConfiguration configuration) => context =>
    {
        if (context.Request.Headers.ContainsKey(ApiClientAuthentication.Header))
        {
            return ApiClientAuthentication.Scheme;
        }

        var external = !string.IsNullOrEmpty(configuration["Auth:Oidc:Authority"]);
        var header = context.Request.Headers.Authorization.ToString();
        if (!external || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return LocalScheme;
        }

        var handler = new JsonWebTokenHandler();
        var token = header["Bearer ".Length..].Trim();
        if (!handler.CanReadToken(token))
        {
            return LocalScheme;
        }

        var localIssuer = context.RequestServices.GetRequiredService<TokenSettings>().Issuer;
        return handler.ReadJsonWebToken(token).Issuer == localIssuer ? LocalScheme : ExternalScheme;
    };
}
