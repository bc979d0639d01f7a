using Fengqiao.BuildingBlocks.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fengqiao.Integrations.Webhooks;

internal static class WebhookAuthorization
{
    /// <summary>
    /// People reach the webhook endpoints through <see cref="Capability.ManageIntegrations"/>'s roles, as <c>GET /me</c> tells
    /// the SPA; API clients through the <c>webhooks:manage</c> scope, which the scope check enforces before this policy runs. The
    /// subscriptions either reaches are further limited by <see cref="WebhookSubscriptions"/>: a client's own only.
    /// </summary>
    public static RouteHandlerBuilder RequireWebhookManager(this RouteHandlerBuilder endpoint)
    {
        var roles = Capabilities.RolesOf(Capability.ManageIntegrations).Select(RoleNames.Of).ToArray();
        return endpoint
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireAssertion(context => context.User.IsApiClient() || roles.Any(context.User.IsInRole)))
            .WithMetadata(new RequiredCapability(Capability.ManageIntegrations))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
