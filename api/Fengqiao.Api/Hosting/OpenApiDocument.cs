using System.Reflection;
using System.Text.Json;
using Fengqiao.BuildingBlocks.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Fengqiao.Api.Hosting;

/// <summary>The Swashbuckle document third parties generate clients from: stable ids, required fields, bearer auth.</summary>
internal static class OpenApiDocument
{
    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Fengqiao API",
                Version = "v1",
                Description = "Petition intake (信访), case dispatch and supervision, leaders' receptions and visits (接访, 下访), people's suggestions (人民建议征集), "
                    + "organisation and identity (regions, units, users, sign-in), the audit trail and platform settings (work calendar, rule sets, routing rules) for Shaoxing's districts and towns.",
            });
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.CustomSchemaIds(SchemaId);
            options.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from POST /api/v1/auth/token.",
            });
            options.OperationFilter<BearerRequirementFilter>();
            options.AddApiKeyScheme();
            options.OperationFilter<IfMatchHeaderFilter>();
            options.OperationFilter<QueryEnumFilter>();
            options.SchemaFilter<RequiredValueTypesFilter>();
        });
        return services;
    }

    /// <summary>Generic pages are named after their item (<c>UserItemPage</c>); nested types after their parent.</summary>
    private static string SchemaId(Type type)
    {
        if (type.IsGenericType)
        {
            var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
            return string.Concat(type.GetGenericArguments().Select(SchemaId)) + name;
        }

        return type.DeclaringType is { } parent ? SchemaId(parent) + type.Name : type.Name;
    }

    private sealed class BearerRequirementFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                return;
            }

            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
            });
        }
    }

    /// <summary>Updates of versioned objects (those that can answer 428) take the ETag they read in If-Match.</summary>
    private sealed class IfMatchHeaderFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!operation.Responses.ContainsKey("428"))
            {
                return;
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = true,
                Description = "The ETag of the version being changed, as returned by GET.",
                Schema = new OpenApiSchema { Type = "string" },
            });
        }
    }

    /// <summary>String query parameters that carry an enum list its snake_case values.</summary>
    private sealed class QueryEnumFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            foreach (var description in context.ApiDescription.ParameterDescriptions)
            {
                var attribute = description.ParameterDescriptor is Microsoft.AspNetCore.Mvc.Infrastructure.IParameterInfoParameterDescriptor descriptor
                    ? descriptor.ParameterInfo.GetCustomAttributes(typeof(QueryEnumAttribute), false).OfType<QueryEnumAttribute>().FirstOrDefault()
                    : null;
                var parameter = operation.Parameters.FirstOrDefault(p => p.Name == description.Name);
                if (attribute is null || parameter is null)
                {
                    continue;
                }

                var values = QueryEnumAttribute.NamesOf(attribute.EnumType)
                    .Select(name => (Microsoft.OpenApi.Any.IOpenApiAny)new Microsoft.OpenApi.Any.OpenApiString(name))
                    .ToList();
                (parameter.Schema.Type == "array" ? parameter.Schema.Items : parameter.Schema).Enum = values;
            }
        }
    }

    /// <summary>
    /// A property is required exactly when its C# type is not nullable (value types included); a nullable
    /// reference to another schema is wrapped in allOf so it can say nullable in OpenAPI 3.0.
    /// </summary>
    private sealed class RequiredValueTypesFilter : ISchemaFilter
    {
        private static readonly NullabilityInfoContext Nullability = new();

        public void Apply(OpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema.Properties is null || schema.Properties.Count == 0)
            {
                return;
            }

            var members = context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);
            foreach (var name in schema.Properties.Keys.ToList())
            {
                var property = schema.Properties[name];
                var nullable = members.TryGetValue(name, out var member)
                    ? Nullable.GetUnderlyingType(member.PropertyType) is not null || Nullability.Create(member).ReadState == NullabilityState.Nullable
                    : property.Nullable;
                if (!nullable)
                {
                    schema.Required.Add(name);
                    continue;
                }

                schema.Required.Remove(name);
                if (property.Reference is not null)
                {
                    schema.Properties[name] = new OpenApiSchema { AllOf = [property], Nullable = true };
                }
                else
                {
                    property.Nullable = true;
                }
            }
        }
    }
}
