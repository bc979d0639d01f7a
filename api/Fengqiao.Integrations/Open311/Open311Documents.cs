using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Fengqiao.Integrations.Open311;

/// <summary>A service of GeoReport v2: one petition category. Its requests are realtime: the id is known at once.</summary>
internal sealed record Open311Service(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("metadata")] bool Metadata,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("keywords")] string Keywords,
    [property: JsonPropertyName("group")] string Group);

/// <summary>A service attribute; petitions have none beyond the standard fields, so definitions list none.</summary>
internal sealed record Open311Attribute(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("description")] string Description);

internal sealed record Open311ServiceDefinition(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("attributes")] IReadOnlyList<Open311Attribute> Attributes);

/// <summary>The answer to a new request. The token equals the id: the petition exists as soon as it is answered.</summary>
internal sealed record Open311Receipt(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("service_notice")] string ServiceNotice);

/// <summary>A request as the public sees it: only what the petition's public tracking page shows.</summary>
internal sealed record Open311Request(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_notes")] string? StatusNotes,
    [property: JsonPropertyName("service_name")] string? ServiceName,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("requested_datetime")] DateTimeOffset RequestedDatetime,
    [property: JsonPropertyName("updated_datetime")] DateTimeOffset UpdatedDatetime);

internal sealed record Open311Token(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("token")] string Token);

internal sealed record Open311Error(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("description")] string Description);

/// <summary>
/// Writes GeoReport v2 documents: JSON arrays, or XML whose root and item elements the specification names
/// (<c>&lt;services&gt;&lt;service&gt;</c>, <c>&lt;service_requests&gt;&lt;request&gt;</c>, <c>&lt;errors&gt;&lt;error&gt;</c>).
/// </summary>
internal static class Open311Documents
{
    public const string Json = "json";
    public const string Xml = "xml";

    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static bool IsFormat(string format) => format is Json or Xml;

    public static IResult Write<T>(string format, string root, string item, IReadOnlyList<T> items, int status = StatusCodes.Status200OK)
    {
        if (format != Xml)
        {
            return Results.Json(items, Options, statusCode: status);
        }

        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(root, items.Select(i => ElementOf(item, JsonSerializer.SerializeToNode(i, Options)))));
        return Results.Text(document.Declaration + document.ToString(SaveOptions.DisableFormatting), "application/xml", System.Text.Encoding.UTF8, status);
    }

    public static IResult Single<T>(string format, string root, T document) =>
        format != Xml
            ? Results.Json(document, Options)
            : Results.Text(ElementOf(root, JsonSerializer.SerializeToNode(document, Options)).ToString(SaveOptions.DisableFormatting), "application/xml", System.Text.Encoding.UTF8);

    /// <summary>Errors are answered in the requested format; an unknown format gets JSON, the specification's first.</summary>
    public static IResult Errors(string format, int status, string description) =>
        Write(IsFormat(format) ? format : Json, "errors", "error", [new Open311Error(status, description)], status);

    /// <summary>A JSON array becomes an element whose children are named by the singular (attributes → attribute).</summary>
    private static XElement ElementOf(string name, JsonNode? node) => node switch
    {
        JsonObject obj => new XElement(name, obj.Select(p => ElementOf(p.Key, p.Value))),
        JsonArray array => new XElement(name, array.Select(i => ElementOf(name.TrimEnd('s'), i))),
        JsonValue value when value.TryGetValue<bool>(out var flag) => new XElement(name, flag ? "true" : "false"),
        JsonValue value when value.TryGetValue<int>(out var number) => new XElement(name, number.ToString(CultureInfo.InvariantCulture)),
        JsonValue value => new XElement(name, value.GetValue<string>()),
        _ => new XElement(name),
    };
}
