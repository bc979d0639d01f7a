using System.Text.Json;
using Fengqiao.BuildingBlocks.RuleSets;

namespace Fengqiao.Tests.Support;

/// <summary>The rule sets shipped in api/Fengqiao.Api/RuleSets, as the active rule set a module would see.</summary>
internal static class RuleSetFiles
{
    public static string Path(string name) => RepositoryPaths.Combine("api", "Fengqiao.Api", "RuleSets", name + ".json");

    public static JsonElement Document(string name)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path(name)));
        return file.RootElement.Clone();
    }

    /// <summary>The file without its name and title: the document as the database stores it.</summary>
    public static JsonElement Sections(string name)
    {
        var sections = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path(name)))!.AsObject();
        sections.Remove("name");
        sections.Remove("title");
        return JsonSerializer.SerializeToElement(sections);
    }

    public static ActiveRuleSet Active(string name)
    {
        var document = Document(name);
        return new ActiveRuleSet(name, document.GetProperty("title").GetString()!, 1, document);
    }
}
