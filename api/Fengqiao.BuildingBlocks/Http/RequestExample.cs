using Microsoft.AspNetCore.Builder;

namespace Fengqiao.BuildingBlocks.Http;

/// <summary>A realistic request body the OpenAPI document shows for the endpoint.</summary>
public sealed record RequestExampleMetadata(object Example);

public static class RequestExamples
{
    /// <summary>
    /// Shows <paramref name="example"/>, serialised as the API reads it, as the request body's example. It is an instance
    /// of the request record itself, so a renamed or removed field fails the build instead of leaving a stale example.
    /// </summary>
    public static RouteHandlerBuilder WithRequestExample<TRequest>(this RouteHandlerBuilder endpoint, TRequest example)
        where TRequest : notnull =>
        endpoint.WithMetadata(new RequestExampleMetadata(example));
}
