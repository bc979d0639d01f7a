using System.Globalization;
using Fengqiao.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Fengqiao.BuildingBlocks.Http;

/// <summary>Marks an endpoint whose success response carries the object's ETag (shown in the OpenAPI document).</summary>
public sealed class ETagResponseMetadata;

/// <summary>What a command that creates or changes a versioned object returns.</summary>
public sealed record EntityVersion(Guid Id, long Version);

/// <summary>ETag / If-Match for versioned objects: the ETag is the row's version number, quoted.</summary>
public static class Versioning
{
    public static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void SetETag(HttpContext context, long version) => context.Response.Headers.ETag = ETag(version);

    /// <summary>Declares that the endpoint's success response carries the ETag <see cref="SetETag"/> writes.</summary>
    public static RouteHandlerBuilder ProducesETag(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(new ETagResponseMetadata());

    /// <summary>The problems a change of a versioned object can answer: missing (404), invalid state (409), stale (412), no If-Match (428).</summary>
    public static RouteHandlerBuilder ProducesVersionedChangeProblems(this RouteHandlerBuilder endpoint) =>
        endpoint
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>The version the caller read, from If-Match; 428 when absent, 412 when unreadable.</summary>
    public static long RequiredIfMatch(HttpContext context)
    {
        var header = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new PreconditionRequiredException();
        }

        if (!EntityTagHeaderValue.TryParse(header, out var tag) || tag.IsWeak ||
            !long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new PreconditionFailedException(-1);
        }

        return version;
    }
}
