using System.Text;
using System.Text.Json.Nodes;

namespace Fengqiao.Tests.Support;

/// <summary>One operation of an OpenAPI document, with its node for whoever needs more of it.</summary>
public sealed record OpenApiOperation(string OperationId, string Method, string Path, JsonObject Node)
{
    public IReadOnlyList<JsonObject> Parameters => Node["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];

    public IReadOnlyList<string> PathParameters =>
        Parameters.Where(p => p["in"]!.GetValue<string>() == "path").Select(p => p["name"]!.GetValue<string>()).ToList();

    public JsonObject? RequestBody => Node["requestBody"]?["content"]?.AsObject();

    public bool TakesFile => RequestBody?["multipart/form-data"] is not null;

    /// <summary>The anonymous operations are those whose security requirements are empty (<c>security: []</c>).</summary>
    public bool IsPublic => Node["security"] is not JsonArray { Count: > 0 };

    public string FillPath(Func<string, string> value) =>
        PathParameters.Aggregate(Path, (path, parameter) => path.Replace("{" + parameter + "}", Uri.EscapeDataString(value(parameter)), StringComparison.Ordinal));

    public override string ToString() => OperationId;
}

/// <summary>The operations of an OpenAPI document, in its order; <see cref="All"/> those of the committed <c>api/openapi.json</c>.</summary>
internal static class OpenApiOperations
{
    private static readonly Lazy<IReadOnlyList<OpenApiOperation>> Committed = new(() =>
        Of(JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("api", "openapi.json"), Encoding.UTF8))!.AsObject()));

    public static IReadOnlyList<OpenApiOperation> All => Committed.Value;

    public static IReadOnlyList<OpenApiOperation> Of(JsonObject document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => new OpenApiOperation(
                operation.Value!["operationId"]!.GetValue<string>(), operation.Key.ToUpperInvariant(), path.Key, operation.Value.AsObject())))
            .ToList();
}
