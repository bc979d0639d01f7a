using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Validation;
using Fengqiao.Integrations.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Integrations;

/// <summary>Third parties: API clients and the hotline platform's work orders.</summary>
public static class IntegrationsModule
{
    public const string Tag = "Integrations";

    public static IServiceCollection AddIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleValidators(typeof(IntegrationsModule).Assembly);
        services.AddWebhooks(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapIntegrations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup(Tag);
        WebhookServices.MapWebhooks(endpoints);
        return endpoints;
    }
}
