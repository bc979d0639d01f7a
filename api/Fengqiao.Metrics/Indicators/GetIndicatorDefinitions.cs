using Fengqiao.BuildingBlocks.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Metrics.Indicators;

internal static class GetIndicatorDefinitionsEndpoint
{
    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapGet("/definitions", Handle)
            .WithName("GetIndicatorDefinitions")
            .WithDescription("Each indicator's key, name and definition (what is counted and over what) in Chinese and English: the help the SPA shows beside the figures, and what an integrator reads to interpret them.")
            .WithSummary("Each indicator's key, name and definition in Chinese and English: the help the SPA shows beside the figures.")
            .RequireCapability(Capability.ViewMetrics);

    private static Ok<IReadOnlyList<IndicatorDefinition>> Handle() => TypedResults.Ok(IndicatorDefinitions.All);
}
