using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Fengqiao.BuildingBlocks.Errors;

/// <summary>Turns every exception into RFC 9457 problem details; unknown ones become a 500 with no internals.</summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>What a query, route or header value that did not bind answers, without echoing it.</summary>
    internal const string UnboundValue = "This value is missing or not valid here.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => ValidationProblem(validation),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } => UnreadableJson(json),
            BadHttpRequestException unbound when UnboundParameter().Match(unbound.Message) is { Success: true } match => InvalidParameter(match.Groups["name"].Value),
            BadHttpRequestException badRequest => new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
                Detail = badRequest.Message,
            },
            NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = notFound.Message },
            ForbiddenException { Code: { } code } forbidden => WithCode(new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden.", Detail = forbidden.Message }, code),
            ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden.", Detail = forbidden.Message },
            ConflictException conflict => WithCode(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict.", Detail = conflict.Message }, conflict.Code),
            PreconditionFailedException stale => new ProblemDetails { Status = StatusCodes.Status412PreconditionFailed, Title = "Stale version.", Detail = stale.Message },
            PreconditionRequiredException missing => new ProblemDetails { Status = StatusCodes.Status428PreconditionRequired, Title = "If-Match required.", Detail = missing.Message },
            _ when UniqueViolation.Matches(exception) => WithCode(
                new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict.", Detail = "An object with the same key already exists." },
                "duplicate_key"),
            _ => null,
        };

        if (problem is null)
        {
            if (httpContext.RequestAborted.IsCancellationRequested)
            {
                return true;
            }

            LogUnhandled(logger, exception);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error was logged; quote the trace id when reporting it.",
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails ValidationProblem(ValidationException validation)
    {
        var errors = validation.Errors
            .GroupBy(e => CamelCasePath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        };
    }

    /// <summary>Names the offending field without echoing parser internals such as .NET type names.</summary>
    private static HttpValidationProblemDetails UnreadableJson(System.Text.Json.JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = ["This value is not valid here."] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body could not be read.",
        };
    }

    /// <summary>A query, route or header value that did not bind (<c>?limit=abc</c>), or a required one left out, named without echoing it.</summary>
    private static HttpValidationProblemDetails InvalidParameter(string name) =>
        new(new Dictionary<string, string[]> { [name] = [UnboundValue] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        };

    /// <summary>ASP.NET Core's messages for such failures: <c>Failed to bind parameter "int? limit" from "abc".</c>, <c>Required parameter "string tab" was not provided from query string.</c></summary>
    [GeneratedRegex("^(?:Failed to bind parameter|Required parameter) \"[^\"]* (?<name>[^\" ]+)\"")]
    private static partial Regex UnboundParameter();

    private static ProblemDetails WithCode(ProblemDetails problem, string code)
    {
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>FluentValidation names fields after C# properties; the API speaks camelCase JSON.</summary>
    internal static string CamelCasePath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment =>
            segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));

    private static class UniqueViolation
    {
        private const int SqliteConstraintUnique = 2067;
        private const int SqliteConstraintPrimaryKey = 1555;

        public static bool Matches(Exception exception) => exception switch
        {
            Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
            Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,
            _ => false,
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
