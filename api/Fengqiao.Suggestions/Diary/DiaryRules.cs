using Fengqiao.BuildingBlocks.Text;

namespace Fengqiao.Suggestions.Diary;

/// <summary>What a diary entry records; serialised in snake_case.</summary>
public enum DiaryEntryKind
{
    /// <summary>A household visit 入户走访 by a village or town cadre.</summary>
    Visit,

    /// <summary>A message in a 民情微群 (a village's or community's chat group), with the group as its source.</summary>
    GroupMessage,
}

/// <summary>What a diary entry or a matter became, once converted; the link stays so the cadre sees how it went.</summary>
public enum DiaryConversion
{
    Petition,
    Suggestion,
}

/// <summary>An open entry's text signature, for grouping it with similar ones.</summary>
internal sealed record DiarySignature(Guid EntryId, string Household, uint[] Signature);

/// <summary>The pure rules of the diary: which entries are alike enough to be one kind of matter, and how many households they are.</summary>
internal static class DiaryRules
{
    /// <summary>
    /// Looser than a petition's duplicate threshold: entries of one kind of matter are told in each household's own words,
    /// so they share the subject's phrases rather than the whole text.
    /// </summary>
    public const double SimilarityThreshold = 0.4;

    /// <summary>Grouping looks at open entries of this many recent days: an old visit is no longer today's matter.</summary>
    public const int GroupingWindowDays = 180;

    /// <summary>
    /// An entry's page proposes at most this many entries to group it with, the likeliest alike and latest first: a phone's
    /// list a cadre can check, however many households of the village raised the same thing; the matters view proposes the
    /// whole group.
    /// </summary>
    public const int MaxGroupingCandidates = 30;

    /// <summary>A petition lists at most this many petitioners; the matter's other households count in its persons.</summary>
    public const int MaxPetitioners = 50;

    /// <summary>The petition channel of an entry: a visit is door to door, a chat-group message is the social group's.</summary>
    public static string PetitionChannelOf(DiaryEntryKind kind) => kind == DiaryEntryKind.GroupMessage ? "social_group" : "door_to_door_visit";

    /// <summary>A matter's kind: all messages of 民情微群 are the social group's; one household visited among them makes it a visit.</summary>
    public static DiaryEntryKind KindOfMatter(IEnumerable<DiaryEntryKind> entries) =>
        entries.All(k => k == DiaryEntryKind.GroupMessage) ? DiaryEntryKind.GroupMessage : DiaryEntryKind.Visit;

    /// <summary>What one entry tells, with the chat group a 民情微群 message came from, so its source travels with it.</summary>
    public static string Told(DiaryEntryKind kind, string? source, string matter) =>
        kind == DiaryEntryKind.GroupMessage && !string.IsNullOrWhiteSpace(source) ? $"{source}：{matter}" : matter;

    /// <summary>A matter's facts: each entry on a line, by day and household, what it tells; cut to <paramref name="maxLength"/>.</summary>
    public static string FactsOfMatter(IEnumerable<(DateOnly VisitedOn, string Household, DiaryEntryKind Kind, string? Source, string Matter)> entries, int maxLength)
    {
        var facts = string.Join('\n', entries.Select(e => e.Kind == DiaryEntryKind.GroupMessage && !string.IsNullOrWhiteSpace(e.Source)
            ? $"{e.VisitedOn:yyyy-MM-dd} {e.Household}（{e.Source}）：{e.Matter}"
            : $"{e.VisitedOn:yyyy-MM-dd} {e.Household}：{e.Matter}"));
        return facts.Length > maxLength ? facts[..maxLength] : facts;
    }

    /// <summary>Households named alike (spacing, case) are one household.</summary>
    public static string HouseholdKey(string household) => string.Concat(household.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    public static int CountHouseholds(IEnumerable<string> households) => households.Select(HouseholdKey).Distinct(StringComparer.Ordinal).Count();

    /// <summary>
    /// Groups entries whose texts are similar, directly or through a chain of similar entries (single linkage), keeping only the
    /// groups of at least two entries, largest first.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Guid>> Cluster(IReadOnlyList<DiarySignature> entries, IEnumerable<(Guid A, Guid B)> candidatePairs)
    {
        var byId = entries.ToDictionary(e => e.EntryId);
        var parent = entries.ToDictionary(e => e.EntryId, e => e.EntryId);

        Guid Root(Guid id)
        {
            while (parent[id] != id)
            {
                parent[id] = parent[parent[id]];
                id = parent[id];
            }

            return id;
        }

        foreach (var (a, b) in candidatePairs)
        {
            if (a != b && byId.TryGetValue(a, out var first) && byId.TryGetValue(b, out var second)
                && TextSignature.Similarity(first.Signature, second.Signature) >= SimilarityThreshold)
            {
                parent[Root(a)] = Root(b);
            }
        }

        return entries.GroupBy(e => Root(e.EntryId))
            .Where(g => g.Count() >= 2)
            .Select(g => (IReadOnlyList<Guid>)g.Select(e => e.EntryId).ToList())
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g[0])
            .ToList();
    }
}
