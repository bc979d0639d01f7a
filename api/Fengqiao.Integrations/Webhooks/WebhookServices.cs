using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Fengqiao.Integrations.Webhooks;

/// <summary>Webhook subscriptions, their deliveries from the outbox, and the sender with its HTTP client.</summary>
internal static class WebhookServices
{
    public const string Tag = "Webhooks";

    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton<OutboundAddressPolicy>();
        services.AddScoped<WebhookSubscriptions>();
        services.AddScoped<WebhookFanOut>();
        foreach (var kind in WebhookEventCatalog.All)
        {
            services.AddSingleton(new ConsumerRegistration(
                WebhookFanOut.ConsumerName, kind.EventType, (provider, e, token) => provider.GetRequiredService<WebhookFanOut>().HandleAsync(e, token)));
        }

        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var policy = provider.GetRequiredService<OutboundAddressPolicy>();
                return new SocketsHttpHandler
                {
                    // A proxy would be the address connected to, and a redirect a second target never checked at subscription.
                    UseProxy = false,
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectCallback = (context, token) => policy.ConnectAsync(context.DnsEndPoint, token),
                };
            })
            .AddResilienceHandler("webhooks", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                if (options.QuickRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.QuickRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.QuickRetryDelay,
                        // A receiver's Retry-After is honoured by the delivery's own schedule, not by holding the sender here.
                        ShouldRetryAfterHeader = false,
                    });
                }

                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 5,
                    SamplingDuration = TimeSpan.FromMinutes(1),
                    BreakDuration = options.BreakDuration,
                });
                pipeline.AddTimeout(options.RequestTimeout);
            })
            // One circuit per receiver (scheme, host and port): one endpoint down does not stop the others.
            .SelectPipelineByAuthority();

        services.AddSingleton<WebhookSender>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookSender>());
        return services;
    }

    /// <summary>Under their own tag, which the API clients' <c>webhooks:manage</c> scope opens.</summary>
    public static void MapWebhooks(IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapApiGroup(Tag).MapGroup("/integrations/webhooks");
        ListWebhookEventTypesEndpoint.Map(webhooks);
        ListWebhookSubscriptionsEndpoint.Map(webhooks);
        CreateWebhookSubscriptionEndpoint.Map(webhooks);
        GetWebhookSubscriptionEndpoint.Map(webhooks);
        UpdateWebhookSubscriptionEndpoint.Map(webhooks);
        DeleteWebhookSubscriptionEndpoint.Map(webhooks);
        PingWebhookSubscriptionEndpoint.Map(webhooks);
        RotateWebhookSecretEndpoint.Map(webhooks);
        ListWebhookDeliveriesEndpoint.Map(webhooks);
        GetWebhookDeliveryEndpoint.Map(webhooks);
        RedeliverWebhookDeliveryEndpoint.Map(webhooks);
    }
}
