using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Fengqiao.Tests.Support;

/// <summary>One operation of the OpenAPI document, as the fuzzer reads it.</summary>
internal sealed record FuzzOperation(string Id, HttpMethod Method, string Path, IReadOnlyList<JsonObject> Parameters, JsonObject? RequestBody, bool IsPublic);

/// <summary>One request the fuzzer sends; <see cref="Input"/> says which value of which field was malformed.</summary>
internal sealed record FuzzRequest(string Input, HttpMethod Method, string Url, IReadOnlyList<(string Name, string Value)> Headers, Func<HttpContent?> Content);

/// <summary>
/// Values of the request an operation needs to get past "not found" and reach its deeper code: ids of real objects by
/// path parameter and by body property, and a valid value per property name where the schema alone says too little.
/// </summary>
internal sealed class FuzzContext
{
    /// <summary>Path parameters by "resource segment/name", e.g. "cases/id" or "trackingCode".</summary>
    public Dictionary<string, string> PathValues { get; } = [];

    /// <summary>Path parameters of one operation that need a different object (e.g. a case still awaiting assignment).</summary>
    public Dictionary<string, string> OperationPathValues { get; } = [];

    public Dictionary<string, string> HeaderValues { get; } = [];

    /// <summary>Valid JSON values by body property name (case-insensitive).</summary>
    public Dictionary<string, JsonNode> PropertyValues { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Builds malformed requests from the OpenAPI document: for every parameter and every body property (nested objects
/// and array items included) a catalogue of wrong values — wrong types, empty, huge, negative, overflowing dates,
/// unknown enum values, invalid ids, very long strings, nulls — with the rest of the request valid; then whole bodies
/// that are not JSON, too deep, of the wrong shape or of the wrong content type. A fixed seed picks the varying parts.
/// </summary>
internal sealed partial class OpenApiFuzzer(JsonObject document, FuzzContext context, int seed)
{
    private const int LongText = 20_000;
    private readonly Random _random = new(seed);
    private readonly JsonObject _schemas = document["components"]!["schemas"]!.AsObject();

    public IEnumerable<FuzzOperation> Operations() =>
        OpenApiOperations.Of(document).Select(o => new FuzzOperation(o.OperationId, new HttpMethod(o.Method), o.Path, o.Parameters, o.RequestBody, o.IsPublic));

    /// <summary>The operation with every part valid, to find a caller the endpoint admits.</summary>
    public FuzzRequest Valid(FuzzOperation operation) => Build(operation, "valid", null, null, ValidBodyContent(operation));

    public IEnumerable<FuzzRequest> Requests(FuzzOperation operation)
    {
        foreach (var parameter in operation.Parameters)
        {
            var name = parameter["name"]!.GetValue<string>();
            var where = parameter["in"]!.GetValue<string>();
            foreach (var (label, value) in MalformedText(Resolve(parameter["schema"]!.AsObject()), name, where))
            {
                yield return Build(operation, $"{where} {name} = {label}", (name, where), value, ValidBodyContent(operation));
            }
        }

        if (operation.RequestBody is null)
        {
            yield break;
        }

        if (operation.RequestBody["application/json"]?["schema"] is JsonObject bodySchema)
        {
            var valid = ValidValue(Resolve(bodySchema), null, 0);
            foreach (var (path, label, body) in MalformedBodies(valid, Resolve(bodySchema), []))
            {
                var text = body?.ToJsonString() ?? "null";
                yield return Build(operation, $"body {path} = {label}", null, null, () => Json(text));
            }

            foreach (var (label, content) in MalformedJsonDocuments(valid!.ToJsonString()))
            {
                yield return Build(operation, $"body = {label}", null, null, content);
            }
        }
        else
        {
            foreach (var (label, content) in MalformedUploads())
            {
                yield return Build(operation, $"body = {label}", null, null, content);
            }
        }
    }

    private FuzzRequest Build(FuzzOperation operation, string input, (string Name, string In)? malformed, string? malformedValue, Func<HttpContent?> content)
    {
        var path = new StringBuilder();
        var query = new List<string>();
        var headers = new List<(string, string)>();
        var segments = operation.Path.Split('/');
        foreach (var parameter in operation.Parameters)
        {
            var name = parameter["name"]!.GetValue<string>();
            var where = parameter["in"]!.GetValue<string>();
            var isMalformed = malformed is { } m && m.Name == name && m.In == where;
            var value = isMalformed ? malformedValue : ValidParameter(operation, parameter, segments);
            if (value is null)
            {
                continue;
            }

            switch (where)
            {
                case "query" when isMalformed && value.StartsWith('&'):
                    query.Add(value.TrimStart('&'));
                    break;
                case "query":
                    query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
                    break;
                case "header":
                    headers.Add((name, value));
                    break;
            }
        }

        foreach (var segment in segments.Skip(1))
        {
            path.Append('/');
            // A segment may hold several parameters around literals (Open311's services.{format}).
            path.Append(PathParameter().Replace(segment, match =>
            {
                var name = match.Groups[1].Value;
                var isMalformed = malformed is { } m && m.Name == name && m.In == "path";
                return Uri.EscapeDataString(isMalformed ? malformedValue! : ValidParameter(operation, operation.Parameters.First(p => p["name"]!.GetValue<string>() == name), segments)!);
            }));
        }

        var url = query.Count == 0 ? path.ToString() : path + "?" + string.Join('&', query);
        return new FuzzRequest(input, operation.Method, url, headers, content);
    }

    private string? ValidParameter(FuzzOperation operation, JsonObject parameter, string[] segments)
    {
        var name = parameter["name"]!.GetValue<string>();
        var where = parameter["in"]!.GetValue<string>();
        switch (where)
        {
            case "path":
                var index = Array.FindIndex(segments, s => s.Contains("{" + name + "}", StringComparison.Ordinal));
                return context.OperationPathValues.GetValueOrDefault(operation.Id + "/" + name)
                    ?? context.PathValues.GetValueOrDefault(segments[index - 1] + "/" + name)
                    ?? context.PathValues.GetValueOrDefault(name)
                    ?? ValidValue(Resolve(parameter["schema"]!.AsObject()), name, 0)!.ToString();
            case "header":
                return context.HeaderValues.GetValueOrDefault(name);
            default:
                return parameter["required"]?.GetValue<bool>() == true ? ValidValue(Resolve(parameter["schema"]!.AsObject()), name, 0)!.ToString() : null;
        }
    }

    private Func<HttpContent?> ValidBodyContent(FuzzOperation operation)
    {
        if (operation.RequestBody is null)
        {
            return () => null;
        }

        if (operation.RequestBody["application/json"]?["schema"] is JsonObject schema)
        {
            var text = ValidValue(Resolve(schema), null, 0)!.ToJsonString();
            return () => Json(text);
        }

        return () => Upload("note.txt", "text/plain", Encoding.UTF8.GetBytes("附件"));
    }

    /// <summary>A value the schema accepts, preferring the context's real ids and values by property name.</summary>
    private JsonNode? ValidValue(JsonObject schema, string? name, int depth)
    {
        if (name is not null && context.PropertyValues.TryGetValue(name, out var known))
        {
            return known.DeepClone();
        }

        if (schema["enum"] is JsonArray values)
        {
            return values[0]!.DeepClone();
        }

        return TypeOf(schema) switch
        {
            "string" => (schema["format"]?.GetValue<string>()) switch
            {
                "uuid" => Guid.Empty.ToString(),
                "date" => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                "date-time" => DateTimeOffset.UtcNow.AddHours(-1).ToString("O"),
                _ => "测试内容",
            },
            "integer" => 1,
            "number" => 1.5,
            "boolean" => false,
            "array" when depth < 4 => new JsonArray(ValidValue(Resolve(schema["items"]!.AsObject()), null, depth + 1)),
            "array" => new JsonArray(),
            "object" when depth < 4 && schema["properties"] is JsonObject properties => new JsonObject(properties
                .Select(p => KeyValuePair.Create(p.Key, ValidValue(Resolve(p.Value!.AsObject()), p.Key, depth + 1)))),
            _ => new JsonObject(),
        };
    }

    /// <summary>
    /// The valid body with one property (at any depth) replaced by each malformed value its schema suggests, and the
    /// property left out; array items are fuzzed through the first item.
    /// </summary>
    private IEnumerable<(string Path, string Label, JsonNode? Body)> MalformedBodies(JsonNode? valid, JsonObject schema, string[] path)
    {
        if (path.Length > 0)
        {
            foreach (var (label, value) in MalformedJson(schema))
            {
                yield return (string.Join('.', path), label, Replace(valid, path, value));
            }
        }

        var type = TypeOf(schema);
        if (type == "object" && schema["properties"] is JsonObject properties && path.Length < 4)
        {
            foreach (var (name, propertySchema) in properties)
            {
                string[] inner = [.. path, name];
                if (path.Length == 0 || Get(valid, path) is JsonObject)
                {
                    yield return (string.Join('.', inner), "absent", Remove(valid, inner));
                    foreach (var body in MalformedBodies(valid, Resolve(propertySchema!.AsObject()), inner))
                    {
                        yield return body;
                    }
                }
            }
        }
        else if (type == "array" && path.Length < 4 && Get(valid, path) is JsonArray { Count: > 0 } && Resolve(schema["items"]!.AsObject()) is var items && TypeOf(items) is "object")
        {
            foreach (var body in MalformedBodies(valid, items, [.. path, "0"]))
            {
                yield return body;
            }
        }
    }

    private IEnumerable<(string Label, JsonNode? Value)> MalformedJson(JsonObject schema)
    {
        yield return ("null", null);
        yield return ("empty string", "");
        yield return ("object", new JsonObject { ["x"] = 1 });
        var type = TypeOf(schema);
        if (schema["enum"] is JsonArray values)
        {
            var first = values[0]!.GetValue<string>();
            yield return ("unknown enum value", "no_such_value");
            yield return ("enum in C# spelling", string.Concat(first.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])));
            yield return ("enum as a number", 0);
            yield return ("enum as a huge number", 99999);
            yield break;
        }

        switch (type, schema["format"]?.GetValue<string>())
        {
            case ("string", "uuid"):
                yield return ("invalid guid", "not-a-guid");
                yield return ("unknown guid", NewGuid());
                yield return ("guid as a number", 12345);
                yield return ("guid with braces", "{" + NewGuid() + "}");
                break;
            case ("string", "date"):
                foreach (var date in new[] { "0001-01-01", "9999-12-31", "10000-01-01", "2026-02-30", "2026-13-01", "-0001-01-01", "26-1-1", "2026-01-01T00:00:00Z" })
                {
                    yield return ("date " + date, date);
                }

                yield return ("date as a number", 20260101);
                break;
            case ("string", "date-time"):
                foreach (var instant in new[] { "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-02-30T00:00:00Z", "2026-01-01", "not a time" })
                {
                    yield return ("instant " + instant, instant);
                }

                yield return ("instant as a number", 1767225600);
                break;
            case ("string", _):
                yield return ("whitespace", "   ");
                yield return ("very long string", new string('长', LongText));
                yield return ("control characters", "\u0000\u0001\u001f\u007f");
                yield return ("lone surrogate", "\ud800");
                yield return ("formula and sql", "=1+1'; DROP TABLE x; --%_");
                yield return ("number instead of string", 42);
                yield return ("array instead of string", new JsonArray("a"));
                break;
            case ("integer", _):
            case ("number", _):
                foreach (var number in new[] { -1L, 0L, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue })
                {
                    yield return ("number " + number, number);
                }

                yield return ("number 1e308", 1e308);
                yield return ("fraction", 1.5);
                yield return ("number as a string", "1");
                yield return ("overflowing number as a string", "99999999999999999999999");
                break;
            case ("boolean", _):
                yield return ("boolean as a string", "true");
                yield return ("boolean as a number", 1);
                break;
            case ("array", _):
                yield return ("empty array", new JsonArray());
                yield return ("array of null", new JsonArray((JsonNode?)null));
                var item = ValidValue(Resolve(schema["items"]!.AsObject()), null, 3);
                yield return ("huge array", new JsonArray(Enumerable.Range(0, 2_000).Select(_ => item?.DeepClone()).ToArray()));
                yield return ("array of arrays", new JsonArray(new JsonArray(new JsonArray())));
                yield return ("string instead of array", "a");
                break;
            default:
                yield return ("array instead of object", new JsonArray(1, 2));
                yield return ("string instead of object", "a");
                yield return ("deep object", Deep(60));
                break;
        }
    }

    private IEnumerable<(string Label, string? Value)> MalformedText(JsonObject schema, string name, string where)
    {
        yield return ("empty", "");
        yield return ("whitespace", " ");
        yield return ("very long", new string('x', where == "header" ? 8_000 : LongText));
        yield return ("word", "abc");
        yield return ("-1", "-1");
        yield return ("overflowing integer", "99999999999999999999");
        yield return ("fraction", "1.5");
        yield return ("invalid guid", "not-a-guid");
        yield return ("empty guid", Guid.Empty.ToString());
        yield return ("unknown guid", NewGuid());
        if (where != "header")
        {
            yield return ("path traversal", "../../etc/passwd");
            // A NUL in the path never reaches the app: Kestrel refuses it with 400, and the test client throws before sending it.
            yield return ("control and percent characters", where == "path" ? "%00\u0001'\"<>;--" : "%00\u0000'\"<>;--");
            yield return ("chinese", "府山街道");
        }
        else
        {
            yield return ("quoted word", "\"abc\"");
            yield return ("weak etag", "W/\"1\"");
            yield return ("overflowing etag", "\"99999999999999999999\"");
            yield return ("negative etag", "\"-1\"");
            yield return ("star", "*");
        }

        foreach (var date in new[] { "0001-01-01", "9999-12-31", "10000-01-01", "2026-02-30", "-0001-01-01" })
        {
            yield return ("date " + date, date);
        }

        var items = TypeOf(schema) == "array" ? Resolve(schema["items"]!.AsObject()) : schema;
        if (items["enum"] is JsonArray values)
        {
            var first = values[0]!.GetValue<string>();
            yield return ("unknown enum value", "no_such_value");
            yield return ("enum in C# spelling", string.Concat(first.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])));
            yield return ("enum as a number", "0");
        }

        if (where == "query")
        {
            var key = Uri.EscapeDataString(name);
            yield return ("repeated, one empty", $"&{key}=&{key}=abc");
        }
    }

    private static IEnumerable<(string Label, Func<HttpContent?> Content)> MalformedJsonDocuments(string valid)
    {
        yield return ("absent", () => null);
        yield return ("empty with a JSON type", () => Json(string.Empty));
        yield return ("null", () => Json("null"));
        yield return ("array", () => Json("[]"));
        yield return ("string", () => Json("\"x\""));
        yield return ("number", () => Json("1"));
        yield return ("truncated", () => Json(valid[..(valid.Length / 2)]));
        yield return ("not JSON", () => Json("{not json"));
        yield return ("deeply nested", () => Json(new string('[', 10_000) + new string(']', 10_000)));
        yield return ("duplicate properties", () => Json("{\"a\":1,\"a\":2}"));
        yield return ("unknown property", () => Json(valid.Insert(1, "\"unknownProperty\":1,")));
        yield return ("invalid UTF-8", () => new ByteArrayContent([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        yield return ("text/plain", () => new StringContent(valid, Encoding.UTF8, "text/plain"));
        yield return ("form", () => new FormUrlEncodedContent([KeyValuePair.Create("a", "1")]));
        yield return ("multipart", () => Upload("a.txt", "text/plain", [1, 2, 3]));
        yield return ("huge", () => Json("{\"x\":\"" + new string('x', 300_000) + "\"}"));
    }

    private static IEnumerable<(string Label, Func<HttpContent?> Content)> MalformedUploads()
    {
        yield return ("absent", () => null);
        yield return ("JSON instead of multipart", () => Json("{}"));
        yield return ("multipart without a file", () => new MultipartFormDataContent { { new StringContent("x"), "other" } });
        yield return ("empty file", () => Upload("empty.pdf", "application/pdf", []));
        yield return ("file under another field", () => new MultipartFormDataContent { { new ByteArrayContent([1, 2]), "attachment", "a.txt" } });
        yield return ("file with a path for a name", () => Upload("../../../etc/passwd", "text/plain", Encoding.UTF8.GetBytes("x")));
        yield return ("file with an empty name", () =>
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("x"));
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"\"" };
            return new MultipartFormDataContent { file };
        });
        yield return ("executable named as PDF", () => Upload("a.pdf", "application/pdf", [0x4d, 0x5a, 0x90, 0x00, 0x03]));
        yield return ("multipart without a boundary", () => new StringContent("--x\r\n", Encoding.UTF8, "multipart/form-data"));
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static MultipartFormDataContent Upload(string fileName, string contentType, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonObject();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["a"] = node };
        }

        return node;
    }

    private string NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static string? TypeOf(JsonObject schema) =>
        schema["type"]?.GetValue<string>() ?? (schema["properties"] is not null ? "object" : null);

    private JsonObject Resolve(JsonObject schema)
    {
        while (schema["$ref"] is JsonValue reference)
        {
            schema = _schemas[reference.GetValue<string>().Split('/')[^1]]!.AsObject();
        }

        if (schema["allOf"] is JsonArray { Count: 1 } all)
        {
            return Resolve(all[0]!.AsObject());
        }

        return schema;
    }

    private static JsonNode? Get(JsonNode? node, string[] path)
    {
        foreach (var part in path)
        {
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a => a[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)],
                _ => null,
            };
        }

        return node;
    }

    private static JsonNode? Replace(JsonNode? valid, string[] path, JsonNode? value)
    {
        var copy = valid?.DeepClone();
        switch (Get(copy, path[..^1]))
        {
            case JsonObject parent:
                parent[path[^1]] = value?.DeepClone();
                break;
            case JsonArray array:
                array[int.Parse(path[^1], System.Globalization.CultureInfo.InvariantCulture)] = value?.DeepClone();
                break;
        }

        return copy;
    }

    private static JsonNode? Remove(JsonNode? valid, string[] path)
    {
        var copy = valid?.DeepClone();
        if (Get(copy, path[..^1]) is JsonObject parent)
        {
            parent.Remove(path[^1]);
        }

        return copy;
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex PathParameter();
}
