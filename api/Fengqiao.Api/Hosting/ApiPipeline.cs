using Fengqiao.BuildingBlocks;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.DemoData;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;

namespace Fengqiao.Api.Hosting;

internal static class ApiPipeline
{
    /// <summary>
    /// Applies migrations, stores the shipped work calendar and rule sets the database lacks, and seeds demo data; with
    /// --migrate-only the process stops before the demo data, with --verify-audit after checking the audit chain (exit code 1 when broken),
    /// with --rebuild-metrics after rebuilding the metrics' facts from the event history.
    /// </summary>
    public static async Task<bool> MigrateAsync(this WebApplication app, string[] args)
    {
        var applied = app.Services.GetRequiredService<DatabaseMigrator>().Migrate(typeof(Program).Assembly);
        if (applied.Contains(AuditHeadSeal.MigrationScript))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await app.Services.GetRequiredService<AuditHeadSeal>().SealAfterUpgradeAsync(
                scope.ServiceProvider.GetRequiredService<UnitOfWork>(), scope.ServiceProvider.GetRequiredService<IDbSession>(), app.Lifetime.ApplicationStopping);
        }

        await app.Services.SeedPlatformSettingsAsync(app.Lifetime.ApplicationStopping);
        if (args.Contains("--migrate-only"))
        {
            return false;
        }

        if (args.Contains("--verify-audit"))
        {
            Environment.ExitCode = await AuditVerificationCommand.RunAsync(app.Services, Console.Out, app.Lifetime.ApplicationStopping) ? 0 : 1;
            return false;
        }

        if (args.Contains("--rebuild-metrics"))
        {
            await MetricsRebuildCommand.RunAsync(app.Services, Console.Out, app.Lifetime.ApplicationStopping);
            return false;
        }

        await app.Services.SeedDemoDataAsync(app.Lifetime.ApplicationStopping);
        return true;
    }

    /// <summary>Middleware in order: security headers, errors, static SPA files, OpenAPI, CORS, auth, API clients' scopes, rate limits, then the read cache (after authorization, so it never answers a caller the endpoint would refuse).</summary>
    public static WebApplication UseApiHost(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (SpaFiles(app) is { } spa)
        {
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = spa });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = spa });
        }

        // Only on its own path: the two middlewares otherwise resolve the document provider and match a pattern on every request.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger"), swagger => swagger
            .UseSwagger()
            .UseSwaggerUI(options => options.DocumentTitle = "Fengqiao API"));
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseApiClientScopes();
        app.UseRateLimiter();
        app.UseOutputCache();
        return app;
    }

    /// <summary>Health probes, 404 problem details for unknown API paths, and the SPA's client-side routes.</summary>
    public static WebApplication MapHostEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.Map("/api/{**path}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found."))
            .AllowAnonymous()
            .ExcludeFromDescription();
        if (SpaFiles(app) is { } spa)
        {
            app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = spa }).AllowAnonymous();
        }

        return app;
    }

    private static PhysicalFileProvider? SpaFiles(WebApplication app)
    {
        var path = Path.GetFullPath(app.Configuration["Spa:DistPath"] ?? Path.Combine("web-client", "dist"));
        return File.Exists(Path.Combine(path, "index.html")) ? new PhysicalFileProvider(path) : null;
    }
}
