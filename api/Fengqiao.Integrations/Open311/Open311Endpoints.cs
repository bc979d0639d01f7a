using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Intake;
using Fengqiao.Integrations.ApiClients;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fengqiao.Integrations.Open311;

/// <summary>
/// The Open311 GeoReport v2 facade under <c>/open311/v2</c>: its own paths, formats (json, xml) and error documents, outside
/// the <c>/api/v1</c> conventions. Reading is public and shows only what a petition's public tracking page shows; a new
/// request needs an API client's key with petitions:write in the specification's <c>api_key</c> form field.
/// </summary>
internal static class Open311Endpoints
{
    public const string Tag = "Open311";

    /// <summary>The specification's bound on one request's id list, kept small as every id is one lookup.</summary>
    private const int MaxIds = 50;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var open311 = endpoints.MapGroup("/open311/v2").WithTags(Tag).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public);
        open311.MapGet("/services.{format}", ListServicesAsync)
            .WithName("ListOpen311Services")
            .WithSummary("Open311 services: the petition categories (GeoReport v2, json or xml).")
            .WithDescription("The petition categories as Open311 services (GeoReport v2), in JSON or XML by the path's extension; every service is of type standard with no attributes. 400 for an unknown format.")
            .Produces<IReadOnlyList<Open311Service>>(StatusCodes.Status200OK, "application/json", "application/xml")
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status400BadRequest);
        open311.MapGet("/services/{serviceCode}.{format}", DefineServiceAsync)
            .WithName("GetOpen311ServiceDefinition")
            .WithSummary("An Open311 service definition; petition categories have no attributes beyond the standard fields.")
            .WithDescription("The definition of one service (petition category): its code and an empty attribute list, since a petition needs nothing beyond the standard request fields. 404 for an unknown service code.")
            .Produces<Open311ServiceDefinition>(StatusCodes.Status200OK, "application/json", "application/xml")
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status404NotFound);
        open311.MapPost("/requests.{format}", SubmitAsync)
            .WithName("SubmitOpen311Request")
            .WithSummary("Files an Open311 request as an online petition (form-encoded; api_key of an API client with scope petitions:write).")
            // No Accepts metadata: routing would answer another content type 415 outside this group's anonymous access; the
            // handler answers it in the specification's error format instead.
            .WithDescription("Files a request as an online petition in the API client's region, answered with its service_request_id and a notice. Form fields (application/x-www-form-urlencoded): api_key (an API client's key with scope petitions:write), service_code, description, lat, long, address_string, first_name, last_name, phone. 403 for a missing or refused key, 400 naming the bad fields, both as a list of {code, description}.")
            .DisableAntiforgery()
            .Produces<IReadOnlyList<Open311Receipt>>(StatusCodes.Status200OK, "application/json", "application/xml")
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status400BadRequest)
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status403Forbidden);
        open311.MapGet("/requests/{serviceRequestId}.{format}", GetRequestAsync)
            .WithName("GetOpen311Request")
            .WithSummary("One Open311 request, showing only what the petition's public tracking page shows.")
            .WithDescription("One request by its id, with only what the petition's public tracking page shows: open or closed, the service, when it was requested and last updated, and the latest public note; never the description or the requester. 404 for an unknown id.")
            .Produces<IReadOnlyList<Open311Request>>(StatusCodes.Status200OK, "application/json", "application/xml")
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status404NotFound);
        open311.MapGet("/requests.{format}", ListRequestsAsync)
            .WithName("ListOpen311Requests")
            .WithSummary("Open311 requests by id (service_request_id, comma-separated), optionally filtered by status and dates.")
            .WithDescription("Requests by id: service_request_id takes 1 to 50 comma-separated ids (the public cannot list petitions without them), optionally filtered by status (open, closed) and start_date/end_date; each shows only what the tracking page shows. 400 without ids or with bad filters.")
            .Produces<IReadOnlyList<Open311Request>>(StatusCodes.Status200OK, "application/json", "application/xml")
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status400BadRequest);
        open311.MapGet("/tokens/{token}.{format}", GetTokenAsync)
            .WithName("GetOpen311Token")
            .WithSummary("The request id of a token an Open311 request was answered with.")
            .WithDescription("The service request id a token stands for; a request is a petition as soon as it is answered, so its token is its id. 404 for an unknown token.")
            .Produces<IReadOnlyList<Open311Token>>(StatusCodes.Status200OK, "application/json", "application/xml")
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListServicesAsync(string format, IPetitionCategoryList categories, CancellationToken cancellationToken)
    {
        if (!Open311Documents.IsFormat(format))
        {
            return UnknownFormat(format);
        }

        var services = (await categories.ListAsync(cancellationToken)).Select(ServiceOf).ToList();
        return Open311Documents.Write(format, "services", "service", services);
    }

    private static async Task<IResult> DefineServiceAsync(string serviceCode, string format, IPetitionCategoryList categories, CancellationToken cancellationToken)
    {
        if (!Open311Documents.IsFormat(format))
        {
            return UnknownFormat(format);
        }

        return (await categories.ListAsync(cancellationToken)).Any(c => c.Code == serviceCode)
            ? Open311Documents.Single(format, "service_definition", new Open311ServiceDefinition(serviceCode, []))
            : Open311Documents.Errors(format, StatusCodes.Status404NotFound, $"No service of code {serviceCode}.");
    }

    private static async Task<IResult> SubmitAsync(string format, HttpContext context, ISender sender, IOptionsMonitor<ApiKeyOptions> keyOptions, TimeProvider clock)
    {
        if (!Open311Documents.IsFormat(format))
        {
            return UnknownFormat(format);
        }

        if (!context.Request.HasFormContentType)
        {
            return Open311Documents.Errors(format, StatusCodes.Status400BadRequest, "Requests are posted form-encoded (application/x-www-form-urlencoded).");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var principal = ApiKeys.TryParse(form["api_key"].ToString().Trim(), out var clientId, out var secret)
            ? await ApiKeyCredentials.AuthenticateAsync(context, clientId, secret, ApiClientAuthentication.Scheme, keyOptions.Get(ApiClientAuthentication.Scheme).LastUsedInterval, clock)
            : null;
        if (principal is null || !principal.FindAll(ApiClientAuthentication.ScopeClaim).Any(c => c.Value == ApiScopes.PetitionsWrite))
        {
            return Open311Documents.Errors(format, StatusCodes.Status403Forbidden, "api_key is missing, not valid, or lacks the scope petitions:write.");
        }

        // The petition is registered, audited and evented as this client, as through the X-Api-Key header.
        context.User = principal;
        try
        {
            var receipt = await sender.Send(Open311NewRequest.From(form), context.RequestAborted);
            return Open311Documents.Write(format, "service_requests", "request", [receipt]);
        }
        catch (ValidationException invalid)
        {
            var fields = string.Join("; ", invalid.Errors.Select(e => $"{Open311NewRequest.FieldOf(e.PropertyName)}: {e.ErrorMessage}"));
            return Open311Documents.Errors(format, StatusCodes.Status400BadRequest, fields);
        }
    }

    private static async Task<IResult> GetRequestAsync(string serviceRequestId, string format, IPetitionTracking tracking, IPetitionCategoryList categories, CancellationToken cancellationToken)
    {
        if (!Open311Documents.IsFormat(format))
        {
            return UnknownFormat(format);
        }

        var found = await FindAsync([serviceRequestId], tracking, categories, cancellationToken);
        return found.Count == 0
            ? Open311Documents.Errors(format, StatusCodes.Status404NotFound, $"No request of id {serviceRequestId}.")
            : Open311Documents.Write(format, "service_requests", "request", found);
    }

    private static async Task<IResult> ListRequestsAsync(
        string format,
        [FromQuery(Name = "service_request_id")] string? serviceRequestIds,
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "start_date")] string? startDate,
        [FromQuery(Name = "end_date")] string? endDate,
        IPetitionTracking tracking,
        IPetitionCategoryList categories,
        CancellationToken cancellationToken)
    {
        if (!Open311Documents.IsFormat(format))
        {
            return UnknownFormat(format);
        }

        var ids = (serviceRequestIds ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Petitions are not listed to the public: one is seen only by whoever holds its id, as its tracking page by its code.
        if (ids.Length is 0 or > MaxIds)
        {
            return Open311Documents.Errors(format, StatusCodes.Status400BadRequest, $"Name 1 to {MaxIds} service_request_id values, comma-separated.");
        }

        status ??= string.Empty;
        if (status is not ("" or "open" or "closed"))
        {
            return Open311Documents.Errors(format, StatusCodes.Status400BadRequest, "status is open or closed.");
        }

        if (!TryDate(startDate ?? string.Empty, out var start) || !TryDate(endDate ?? string.Empty, out var end))
        {
            return Open311Documents.Errors(format, StatusCodes.Status400BadRequest, "start_date and end_date are w3 date-times (2026-12-01T00:00:00Z).");
        }

        var found = (await FindAsync(ids, tracking, categories, cancellationToken))
            .Where(r => (status.Length == 0 || r.Status == status) && (start is null || r.RequestedDatetime >= start) && (end is null || r.RequestedDatetime <= end))
            .ToList();
        return Open311Documents.Write(format, "service_requests", "request", found);
    }

    private static async Task<IResult> GetTokenAsync(string token, string format, IPetitionTracking tracking, CancellationToken cancellationToken)
    {
        if (!Open311Documents.IsFormat(format))
        {
            return UnknownFormat(format);
        }

        // Tokens equal request ids (see Open311Receipt): a token names a request exactly when its id does.
        return Guid.TryParse(token, out var id) && await tracking.FindPublicStatusAsync(id, cancellationToken) is not null
            ? Open311Documents.Write(format, "service_requests", "request", [new Open311Token(token, token)])
            : Open311Documents.Errors(format, StatusCodes.Status404NotFound, $"No request of token {token}.");
    }

    private static async Task<List<Open311Request>> FindAsync(IEnumerable<string> ids, IPetitionTracking tracking, IPetitionCategoryList categories, CancellationToken cancellationToken)
    {
        var names = (await categories.ListAsync(cancellationToken)).ToDictionary(c => c.Code, c => c.NameZh, StringComparer.Ordinal);
        var found = new List<Open311Request>();
        foreach (var id in ids.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (Guid.TryParse(id, out var petitionId) && await tracking.FindPublicStatusAsync(petitionId, cancellationToken) is { } petition)
            {
                found.Add(new Open311Request(
                    petition.Id.ToString(), petition.Closed ? "closed" : "open", petition.LatestNote, names.GetValueOrDefault(petition.Category), petition.Category,
                    petition.ReceivedAt, petition.UpdatedAt));
            }
        }

        return found;
    }

    private static bool TryDate(string text, out DateTimeOffset? date)
    {
        date = null;
        if (text.Length == 0)
        {
            return true;
        }

        var parsed = DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value);
        date = parsed ? value : null;
        return parsed;
    }

    private static Open311Service ServiceOf(PetitionCategory category) =>
        new(category.Code, category.NameZh, category.NameEn, false, "realtime", category.NameEn, "petitions");

    private static IResult UnknownFormat(string format) =>
        Open311Documents.Errors(Open311Documents.Json, StatusCodes.Status400BadRequest, $"Unknown format {format}: json or xml.");
}
