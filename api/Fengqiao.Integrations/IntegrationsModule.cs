using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Validation;
using Fengqiao.Integrations.ApiClients;
using Fengqiao.Integrations.Open311;
using Fengqiao.Integrations.Webhooks;
using Fengqiao.Integrations.WorkOrders;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Integrations;

/// <summary>Third parties: API clients, webhooks, the hotline platform's work orders and the Open311 facade.</summary>
public static class IntegrationsModule
{
    public const string Tag = "Integrations";

    public static IServiceCollection AddIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleValidators(typeof(IntegrationsModule).Assembly);
        services.AddWebhooks(configuration);
        services.AddScoped<ApiClientStore>();
        // API keys in a header rather than OAuth client credentials through OpenIddict: its stores need Entity Framework Core,
        // which this Dapper code base does not use, and a hand-written store set would be more security code than this handler.
        services.AddAuthentication().AddScheme<ApiKeyOptions, ApiKeyAuthenticationHandler>(ApiClientAuthentication.Scheme, options =>
        {
            if (configuration.GetValue<TimeSpan?>("Integrations:LastUsedInterval") is { } interval)
            {
                options.LastUsedInterval = interval;
            }
        });
        return services;
    }

    public static IEndpointRouteBuilder MapIntegrations(this IEndpointRouteBuilder endpoints)
    {
        WebhookServices.MapWebhooks(endpoints);
        var integrations = endpoints.MapApiGroup(Tag).MapGroup("/integrations");
        var clients = integrations.MapGroup("/clients");
        ListApiClientsEndpoint.Map(clients);
        CreateApiClientEndpoint.Map(clients);
        RotateApiClientSecretEndpoint.Map(clients);
        RevokeApiClientEndpoint.Map(clients);
        RegisterWorkOrderEndpoint.Map(integrations);
        Open311Endpoints.Map(endpoints);
        return endpoints;
    }
}
