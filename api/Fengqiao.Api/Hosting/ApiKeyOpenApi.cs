using Fengqiao.BuildingBlocks.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Fengqiao.Api.Hosting;

/// <summary>
/// Declares the API clients' key (<c>X-Api-Key: &lt;client id&gt;.&lt;secret&gt;</c>) as the <c>apiKey</c> security scheme, offered
/// as an alternative to the bearer token on the operations a scope opens to clients.
/// </summary>
internal static class ApiKeyOpenApi
{
    private const string SchemeId = "apiKey";

    public static void AddApiKeyScheme(this SwaggerGenOptions options)
    {
        options.AddSecurityDefinition(SchemeId, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiClientAuthentication.Header,
            Description = "A third party's API client key, <client id>.<secret>, issued by an administrator (POST /api/v1/integrations/clients). "
                + "It reaches only the operations its scopes open, within its unit's jurisdiction, within its rate limit (429 with Retry-After beyond).",
        });
        options.OperationFilter<ApiKeyRequirementFilter>();
    }

    private sealed class ApiKeyRequirementFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                return;
            }

            var tags = metadata.OfType<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>().SelectMany(t => t.Tags).ToHashSet();
            var opened = metadata.OfType<RequiredScope>().Any() || ApiScopes.All.Any(s => s.Tag is not null && tags.Contains(s.Tag));
            if (opened)
            {
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = SchemeId } }] = [],
                });
            }
        }
    }
}
