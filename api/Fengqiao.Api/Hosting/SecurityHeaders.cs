using Fengqiao.BuildingBlocks.Http;

namespace Fengqiao.Api.Hosting;

/// <summary>
/// Headers on every answer, set when the answer starts so that error pages written after a cleared response carry them too.
/// The SPA and Swagger UI load scripts only from this origin and are never framed; antd's CSS-in-JS and Swagger UI write
/// style elements and attributes at run time, so styles alone allow inline. API answers (JSON, files) need nothing at all.
/// </summary>
internal static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api") ? ApiPolicy : PagePolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.GetEndpoint()?.Metadata.GetMetadata<CarriesSecretMetadata>() is not null)
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
