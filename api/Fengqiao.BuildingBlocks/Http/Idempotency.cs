using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.BuildingBlocks.Http;

/// <summary>Marks an endpoint that honours the Idempotency-Key header (shown in the OpenAPI document).</summary>
public sealed class IdempotentEndpointMetadata;

public static class Idempotency
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set to <c>true</c> on a response that replays the first one for its key.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxKeyLength = 200;

    /// <summary>
    /// A create that carries an Idempotency-Key runs once per caller and key: a replay gets the first
    /// response back and creates nothing; the same key with a different body is refused (422).
    /// </summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder endpoint) =>
        endpoint
            .WithMetadata(new IdempotentEndpointMetadata())
            .AddEndpointFilter<IdempotencyFilter>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

internal sealed record IdempotencyRecord
{
    public required string RequestHash { get; init; }

    public required int? StatusCode { get; init; }

    public required string? ResponseBody { get; init; }

    public required string? Location { get; init; }

    public required string? Etag { get; init; }
}

internal static class IdempotencySql
{
    public const string Find = """
        SELECT request_hash AS RequestHash, status_code AS StatusCode, response_body AS ResponseBody, location AS Location, etag AS Etag
        FROM idempotency_records WHERE owner = @Owner AND idempotency_key = @Key
        """;

    public const string Reserve = """
        INSERT INTO idempotency_records (owner, idempotency_key, request_hash, status_code, response_body, location, etag, created_at)
        VALUES (@Owner, @Key, @RequestHash, NULL, NULL, NULL, NULL, @Now)
        """;

    public const string Complete = """
        UPDATE idempotency_records SET status_code = @StatusCode, response_body = @ResponseBody, location = @Location, etag = @Etag
        WHERE owner = @Owner AND idempotency_key = @Key
        """;

    public const string Release = "DELETE FROM idempotency_records WHERE owner = @Owner AND idempotency_key = @Key";
}

internal sealed class IdempotencyFilter(IServiceScopeFactory scopes, ICurrentUser caller, TimeProvider clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Idempotency.Header].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return await next(context);
        }

        if (key.Length > Idempotency.MaxKeyLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [Idempotency.Header] = [$"At most {Idempotency.MaxKeyLength} characters."] });
        }

        var owner = caller.UserId?.ToString("N") ?? "anonymous:" + http.Connection.RemoteIpAddress;
        var requestHash = HashRequest(http, context.Arguments);
        var record = new { Owner = owner, Key = key, RequestHash = requestHash, Now = clock.GetUtcNow() };

        var existing = await InUnitOfWorkAsync(async session =>
        {
            var found = await session.QuerySingleOrDefaultAsync<IdempotencyRecord>(IdempotencySql.Find, record, http.RequestAborted);
            if (found is null)
            {
                await session.ExecuteAsync(IdempotencySql.Reserve, record, http.RequestAborted);
            }

            return found;
        });

        if (existing is not null)
        {
            return Replay(existing, requestHash);
        }

        var originalBody = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            var result = await next(context);
            if (result is IResult executable)
            {
                await executable.ExecuteAsync(http);
            }

            var status = http.Response.StatusCode;
            await InUnitOfWorkAsync(async session => status is >= 200 and < 300
                ? await session.ExecuteAsync(
                    IdempotencySql.Complete,
                    new
                    {
                        Owner = owner,
                        Key = key,
                        StatusCode = status,
                        ResponseBody = Encoding.UTF8.GetString(buffer.ToArray()),
                        Location = http.Response.Headers.Location.ToString(),
                        Etag = http.Response.Headers.ETag.ToString(),
                    },
                    CancellationToken.None)
                : await session.ExecuteAsync(IdempotencySql.Release, new { Owner = owner, Key = key }, CancellationToken.None));
            return Results.Empty;
        }
        catch
        {
            await InUnitOfWorkAsync(session => session.ExecuteAsync(IdempotencySql.Release, new { Owner = owner, Key = key }, CancellationToken.None));
            throw;
        }
        finally
        {
            http.Response.Body = originalBody;
            if (buffer.Length > 0)
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(originalBody, CancellationToken.None);
            }
        }
    }

    private static IResult Replay(IdempotencyRecord existing, string requestHash)
    {
        if (existing.RequestHash != requestHash)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused.",
                detail: "This Idempotency-Key was used with a different request.");
        }

        if (existing.StatusCode is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Request in progress.",
                detail: "A request with this Idempotency-Key is still being processed.");
        }

        return new ReplayResult(existing);
    }

    private async Task<T> InUnitOfWorkAsync<T>(Func<IDbSession, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        return await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(async _ => await work(session), CancellationToken.None);
    }

    /// <summary>The method, path and bound request arguments (not services or the context) identify "the same request".</summary>
    private static string HashRequest(HttpContext http, IList<object?> arguments)
    {
        var payload = arguments
            .Where(a => a is not null && a.GetType().Namespace?.StartsWith("Fengqiao", StringComparison.Ordinal) == true)
            .Select(a => JsonSerializer.Serialize(a, a!.GetType()));
        var text = $"{http.Request.Method} {http.Request.Path}\n{string.Join('\n', payload)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private sealed class ReplayResult(IdempotencyRecord record) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = record.StatusCode!.Value;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.Headers[Idempotency.ReplayedHeader] = "true";
            if (!string.IsNullOrEmpty(record.Location))
            {
                httpContext.Response.Headers.Location = record.Location;
            }

            if (!string.IsNullOrEmpty(record.Etag))
            {
                httpContext.Response.Headers.ETag = record.Etag;
            }

            await httpContext.Response.WriteAsync(record.ResponseBody ?? string.Empty);
        }
    }
}
