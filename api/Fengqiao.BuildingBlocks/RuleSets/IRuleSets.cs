using System.Collections.Concurrent;
using System.Text.Json;

namespace Fengqiao.BuildingBlocks.RuleSets;

/// <summary>
/// The active statutory rule set (national, Zhejiang, …) as this instance last read it. Each module reads its own
/// section, e.g. <c>ruleSets.ActiveSection&lt;DispatchRules&gt;("dispatch")</c>. The set is replaced after an admin
/// changes one here, and when another instance changed one (a cheap check every 30 s), so read it per use or per
/// scope rather than keeping a section for the life of a singleton.
/// </summary>
public interface IRuleSets
{
    ActiveRuleSet Active { get; }

    /// <summary>A section of the active rule set, deserialised with web defaults (camelCase) and cached per version.</summary>
    T ActiveSection<T>(string section) => Active.Section<T>(section);

    /// <summary>Re-reads the rule sets from the database if they changed since they were last read.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}

/// <summary>One version of the active rule set; <see cref="Name"/> and <see cref="Version"/> together identify its content.</summary>
public sealed class ActiveRuleSet
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly JsonElement _document;
    private readonly ConcurrentDictionary<(string Section, Type Type), object> _sections = new();

    public ActiveRuleSet(string name, string title, long version, JsonElement document)
    {
        Name = name;
        Title = title;
        Version = version;
        _document = document.Clone();
    }

    public string Name { get; }

    public string Title { get; }

    public long Version { get; }

    public T Section<T>(string section) =>
        (T)_sections.GetOrAdd((section, typeof(T)), key =>
            _document.TryGetProperty(key.Section, out var element)
                ? element.Deserialize<T>(Json) ?? throw new InvalidDataException($"Rule set '{Name}': section '{key.Section}' is null.")
                : throw new InvalidDataException($"Rule set '{Name}' has no section '{key.Section}'."));
}
