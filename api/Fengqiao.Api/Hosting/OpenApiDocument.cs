using System.Reflection;
using System.Text.Json;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Fengqiao.Api.Hosting;

/// <summary>
/// The Swashbuckle document third parties generate clients from: stable ids, required fields, and, derived from each
/// endpoint's metadata so they cannot drift from what the endpoint does, its security, callers, conditional and
/// idempotency headers, rate-limit and problem responses.
/// </summary>
internal static class OpenApiDocument
{
    public const string BearerScheme = "bearer";

    /// <summary>
    /// The schemes a protected operation accepts, each on its own (OpenAPI ORs the requirements of one operation); a scheme
    /// that reaches every protected endpoint is declared in <see cref="AddOpenApiDocument"/> and named here.
    /// </summary>
    private static readonly string[] ProtectedOperationSchemes = [BearerScheme];

    /// <summary>One tag per module, declared at the top of the document in this order.</summary>
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Organization", "Sign-in and tokens, the caller's own profile and capabilities, regions and villages, units, users and their roles, "
            + "joint-meeting systems (联席会议) and responsibility letters (责任书), the work calendar and rule sets, and the audit trail."),
        ("Intake", "Petitions (信访件) from every channel: registration, flags, duplicate detection, classification, link and merge, attachments, "
            + "personal data, the worklist and CSV export, routing rules, and the public online submission and tracking pages."),
        ("Dispatch", "Cases (交办件): assignment to units, signing and returning, handling steps, extensions, replies, the petitioner's rating "
            + "and review requests, supervision orders and listed supervision (挂牌督办), and the supervision board."),
        ("Receptions", "Leaders' reception days, appointments and visits (接访, 下访), the petition bureau's duty rota, batches received and "
            + "their cases, must-visits, and the registers of major policies and emergencies."),
        ("Mediation", "People's mediation (人民调解): mediation rooms and their mediators, disputes, consent and withdrawal, sessions and their "
            + "outcomes, agreements or failure, and judicial confirmation (司法确认)."),
        ("Suggestions", "People's suggestions (人民建议征集): topics opened for suggestions, their handling and evaluation, and the public topic "
            + "and submission pages."),
        ("Metrics", "The indicators of petition work per unit and region over a period, as figures and as a CSV export."),
        ("Integrations", "What third-party systems use to integrate: API clients and their scopes, and the 12345 hotline's work orders."),
        ("Open311", "The Open311 GeoReport v2 facade: petition categories as services, requests filed as online petitions with an API "
            + "client's key, and their public status; JSON or XML, errors in the specification's format."),
        ("Webhooks", "Webhook subscriptions, signed as Standard Webhooks describes, and their delivery logs with redelivery; managed by admins "
            + "and by API clients with the webhooks:manage scope."),
    ];

    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Fengqiao API",
                Version = "v1",
                Description = "Petition intake (信访), case dispatch and supervision, leaders' receptions and visits (接访, 下访), people's mediation (人民调解), "
                    + "people's suggestions (人民建议征集), organisation and identity (regions, units, users, sign-in), the audit trail and platform settings "
                    + "(work calendar, rule sets, routing rules) for Shaoxing's districts and towns.\n\n"
                    + "Errors are RFC 9457 problem details (`application/problem+json`); a 400 lists each invalid field under `errors`. "
                    + "Versioned objects return an `ETag`; changing one takes it back in `If-Match` (428 without it, 412 when it is stale). "
                    + "Creates that accept `Idempotency-Key` run once per caller and key.",
            });
            options.AddServer(new OpenApiServer
            {
                Url = "/",
                Description = "The host serving this document; every path below starts with /api/v1.",
            });
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.CustomSchemaIds(SchemaId);
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A person's access token from POST /api/v1/auth/token (renewed with POST /api/v1/auth/refresh).",
            });
            options.OperationFilter<SecurityRequirementFilter>();
            options.AddApiKeyScheme();
            options.OperationFilter<CallersFilter>();
            options.OperationFilter<ConditionalHeadersFilter>();
            options.OperationFilter<IdempotencyHeaderFilter>();
            options.OperationFilter<RateLimitFilter>();
            options.OperationFilter<RequestExampleFilter>();
            options.OperationFilter<QueryEnumFilter>();
            options.OperationFilter<OptionalQueryArraysFilter>();
            options.OperationFilter<ProblemDescriptionsFilter>();
            options.SchemaFilter<RequiredValueTypesFilter>();
            options.DocumentFilter<TagsFilter>();
            options.DocumentFilter<NullableTypeFilter>();
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

    private static IList<object> Metadata(OperationFilterContext context) => context.ApiDescription.ActionDescriptor.EndpointMetadata;

    private static bool IsAnonymous(OperationFilterContext context) => Metadata(context).OfType<IAllowAnonymous>().Any();

    private static OpenApiHeader Header(string description) => new() { Description = description, Schema = new OpenApiSchema { Type = "string" } };

    /// <summary>
    /// Protected operations require one of <see cref="ProtectedOperationSchemes"/>; anonymous ones say <c>security: []</c>, so
    /// a client knows it may call them without a token rather than guessing from a missing field.
    /// </summary>
    private sealed class SecurityRequirementFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (IsAnonymous(context))
            {
                // Microsoft.OpenApi 1.x omits an empty Security list when writing, so the empty array is written as a raw
                // member under the same name (no scheme is required, which is what `security: []` means).
                operation.Security.Clear();
                operation.Extensions["security"] = new OpenApiArray();
                return;
            }

            foreach (var scheme in ProtectedOperationSchemes)
            {
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = scheme } }] = [],
                });
            }
        }
    }

    /// <summary>
    /// Ends the written description with who may call the operation, from its authorization metadata (roles, or the
    /// capability the roles come from), so the document says what the server enforces.
    /// </summary>
    private sealed class CallersFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (string.IsNullOrWhiteSpace(operation.Description))
            {
                return;
            }

            operation.Description = operation.Description.TrimEnd() + "\n\n" + Callers(context);
        }

        private static string Callers(OperationFilterContext context)
        {
            var metadata = Metadata(context);
            if (IsAnonymous(context))
            {
                return "**Callers:** anyone, without signing in.";
            }

            var roles = metadata.OfType<AuthorizationPolicy>()
                .SelectMany(policy => policy.Requirements.OfType<RolesAuthorizationRequirement>())
                .SelectMany(requirement => requirement.AllowedRoles)
                .Distinct(StringComparer.Ordinal)
                .Select(role => $"`{role}`")
                .ToList();
            if (roles.Count == 0)
            {
                return WithClients("**Callers:** any signed-in user; what they see is limited to their jurisdiction", ClientScopes(context, metadata));
            }

            var capability = metadata.OfType<RequiredCapability>().Select(c => JsonNamingPolicy.SnakeCaseLower.ConvertName(c.Capability.ToString())).FirstOrDefault();
            var people = capability is null
                ? $"**Callers:** the roles {string.Join(", ", roles)}"
                : $"**Callers:** the roles holding the capability `{capability}`: {string.Join(", ", roles)}";
            return WithClients(people, ClientScopes(context, metadata));
        }

        private static string WithClients(string people, List<string> scopes) =>
            scopes.Count == 0 ? people + "." : $"{people}; API clients with the scope {string.Join(" or ", scopes.Select(s => $"`{s}`"))}.";

        /// <summary>
        /// The scopes that let an API client through, as <see cref="ApiScopes.Refusal"/> decides at run time: one that opens the
        /// endpoint's tag for its method (or the scope it declares), grants its capability, and acts as a role its policy admits.
        /// </summary>
        private static List<string> ClientScopes(OperationFilterContext context, IList<object> metadata)
        {
            var writes = !(HttpMethods.IsGet(context.ApiDescription.HttpMethod ?? "GET") || HttpMethods.IsHead(context.ApiDescription.HttpMethod ?? "GET"));
            var declared = metadata.OfType<RequiredScope>().Select(r => r.Scope).FirstOrDefault();
            var tags = metadata.OfType<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>().SelectMany(t => t.Tags).ToHashSet(StringComparer.Ordinal);
            var required = metadata.OfType<RequiredCapability>().Select(r => (Capability?)r.Capability).FirstOrDefault();
            var admitted = metadata.OfType<AuthorizationPolicy>()
                .SelectMany(policy => policy.Requirements.OfType<RolesAuthorizationRequirement>())
                .SelectMany(requirement => requirement.AllowedRoles)
                .ToHashSet(StringComparer.Ordinal);
            return ApiScopes.All
                .Where(s => declared is not null ? s.Name == declared : s.Tag is not null && tags.Contains(s.Tag) && (s.Writes is null || s.Writes == writes))
                .Where(s => required is null || s.Capabilities.Contains(required.Value))
                .Where(s => admitted.Count == 0 || s.Roles.Any(role => admitted.Contains(RoleNames.Of(role))))
                .Select(s => s.Name)
                .ToList();
        }
    }

    /// <summary>
    /// Changes of versioned objects (those that can answer 428) take the ETag they read in If-Match; endpoints that
    /// declare <see cref="ETagResponseMetadata"/> return the object's current ETag with their success response.
    /// </summary>
    private sealed class ConditionalHeadersFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (operation.Responses.ContainsKey("428"))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "If-Match",
                    In = ParameterLocation.Header,
                    Required = true,
                    Description = "The ETag of the version being changed, as returned by the GET or the last change. Without it the change answers 428; "
                        + "with an ETag that is no longer current, 412 (read the object again).",
                    Schema = new OpenApiSchema { Type = "string", Example = new OpenApiString("\"3\"") },
                });
            }

            if (!Metadata(context).OfType<ETagResponseMetadata>().Any())
            {
                return;
            }

            foreach (var (_, response) in operation.Responses.Where(r => r.Key.StartsWith('2')))
            {
                response.Headers["ETag"] = Header("The version of the object returned, quoted (`\"3\"`); send it in If-Match to change the object.");
            }
        }
    }

    /// <summary>Creates that honour Idempotency-Key (<see cref="Idempotency.WithIdempotency"/>) take it as an optional header.</summary>
    private sealed class IdempotencyHeaderFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!Metadata(context).OfType<IdempotentEndpointMetadata>().Any())
            {
                return;
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Idempotency.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "A key of the client's choosing (a UUID, say) that makes the create safe to retry: a repeat with the same key and body "
                    + $"returns the first response with `{Idempotency.ReplayedHeader}: true` and creates nothing; the same key with another body "
                    + "answers 422, and while the first request is still running, 409. Keys are kept per caller.",
                Schema = new OpenApiSchema { Type = "string", MaxLength = Idempotency.MaxKeyLength },
            });
            foreach (var (_, response) in operation.Responses.Where(r => r.Key.StartsWith('2')))
            {
                response.Headers[Idempotency.ReplayedHeader] = Header("`true` when this is the stored response of an earlier request with the same Idempotency-Key.");
            }
        }
    }

    /// <summary>Rate-limited endpoints (sign-in, the public pages) answer 429 with Retry-After when a client address sends too much.</summary>
    private sealed class RateLimitFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!Metadata(context).OfType<EnableRateLimitingAttribute>().Any())
            {
                return;
            }

            if (!operation.Responses.TryGetValue("429", out var response))
            {
                response = new OpenApiResponse { Content = { ["application/problem+json"] = ProblemContent(context) } };
                operation.Responses["429"] = response;
            }

            response.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before the next request from this address.",
                Schema = new OpenApiSchema { Type = "integer", Format = "int32" },
            };
        }

        private static OpenApiMediaType ProblemContent(OperationFilterContext context) => new()
        {
            Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository),
        };
    }

    /// <summary>
    /// Shows the endpoint's <see cref="RequestExampleMetadata"/> as its JSON body example, serialised with the API's own
    /// options. Null members are left out: an omitted optional member reads the same to the API, and OpenAPI 3.0 validators
    /// refuse null for a nullable reference to an enum (the allOf branch does not allow it).
    /// </summary>
    private sealed class RequestExampleFilter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IOperationFilter
    {
        private readonly JsonSerializerOptions _options = new(json.Value.SerializerOptions)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };

        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var example = Metadata(context).OfType<RequestExampleMetadata>().FirstOrDefault();
            if (example is null || operation.RequestBody?.Content.TryGetValue("application/json", out var body) != true)
            {
                return;
            }

            body!.Example = OpenApiAnyFactory.CreateFromJson(JsonSerializer.Serialize(example.Example, example.Example.GetType(), _options));
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
                    .Select(name => (IOpenApiAny)new OpenApiString(name))
                    .ToList();
                (parameter.Schema.Type == "array" ? parameter.Schema.Items : parameter.Schema).Enum = values;
            }
        }
    }

    /// <summary>
    /// Query arrays declared nullable (<c>string[]? flag</c>) are optional: left out, they bind as an empty array. The
    /// compile-time request delegates describe every query array as required, so the document says it here.
    /// </summary>
    private sealed class OptionalQueryArraysFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var nullability = new NullabilityInfoContext();
            foreach (var description in context.ApiDescription.ParameterDescriptions)
            {
                if (description.ParameterDescriptor is Microsoft.AspNetCore.Mvc.Infrastructure.IParameterInfoParameterDescriptor { ParameterInfo: { ParameterType.IsArray: true } info }
                    && nullability.Create(info).ReadState == NullabilityState.Nullable
                    && operation.Parameters.FirstOrDefault(p => p.Name == description.Name && p.In == ParameterLocation.Query) is { } parameter)
                {
                    parameter.Required = false;
                }
            }
        }
    }

    /// <summary>
    /// Replaces the bare reason phrases of error responses ("Not Found") with what the status means in this API; a
    /// description an endpoint wrote itself is kept.
    /// </summary>
    private sealed class ProblemDescriptionsFilter : IOperationFilter
    {
        private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
        {
            ["400"] = "The request is invalid: `errors` names each field or parameter and what is wrong with it.",
            ["401"] = "No valid access token (missing, expired, or its user disabled or signed out).",
            ["403"] = "The caller's roles do not allow this.",
            ["404"] = "No such object, or it is outside the caller's jurisdiction.",
            ["409"] = "The object's current state does not allow this (or a request with the same Idempotency-Key is still running).",
            ["412"] = "If-Match names a version that is no longer current: read the object again and retry.",
            ["413"] = "The file is larger than allowed.",
            ["415"] = "The file's type is not allowed.",
            ["422"] = "The Idempotency-Key was already used with a different request.",
            ["428"] = "If-Match is missing: send the ETag of the version being changed.",
            ["429"] = "Too many requests from this client address; Retry-After says when to try again.",
        };

        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            foreach (var (status, response) in operation.Responses)
            {
                if (Meanings.TryGetValue(status, out var meaning) && int.TryParse(status, out var code)
                    && (string.IsNullOrEmpty(response.Description) || response.Description == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code)))
                {
                    response.Description = meaning;
                }
            }
        }
    }

    /// <summary>Declares the tags operations use, with their descriptions, at the top of the document.</summary>
    private sealed class TagsFilter : IDocumentFilter
    {
        public void Apply(Microsoft.OpenApi.Models.OpenApiDocument swaggerDoc, DocumentFilterContext context)
        {
            var used = swaggerDoc.Paths.Values.SelectMany(path => path.Operations.Values).SelectMany(operation => operation.Tags).Select(tag => tag.Name).ToHashSet(StringComparer.Ordinal);
            swaggerDoc.Tags = Tags.Where(tag => used.Contains(tag.Name))
                .Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description })
                .Concat(used.Where(name => Tags.All(tag => tag.Name != name)).Order(StringComparer.Ordinal).Select(name => new OpenApiTag { Name = name }))
                .ToList();
        }
    }

    /// <summary>
    /// OpenAPI 3.0 reads <c>nullable</c> only beside a <c>type</c>; the allOf wrappers <see cref="RequiredValueTypesFilter"/>
    /// puts around nullable references take the type of the schema they reference.
    /// </summary>
    private sealed class NullableTypeFilter : IDocumentFilter
    {
        public void Apply(Microsoft.OpenApi.Models.OpenApiDocument swaggerDoc, DocumentFilterContext context)
        {
            foreach (var schema in swaggerDoc.Components.Schemas.Values.SelectMany(s => s.Properties.Values))
            {
                if (schema is { Nullable: true, Type: null, AllOf: [{ Reference.Id: { } id }] }
                    && swaggerDoc.Components.Schemas.TryGetValue(id, out var referenced))
                {
                    schema.Type = referenced.Type ?? "object";
                }
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
