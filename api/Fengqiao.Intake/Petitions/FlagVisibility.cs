using System.Text.Json;

namespace Fengqiao.Intake.Petitions;

internal static class PetitionFlags
{
    /// <summary>The stored reasons of a petition (flag_reasons).</summary>
    public static IReadOnlyList<FlagReason> Parse(string stored) => JsonSerializer.Deserialize<List<FlagReason>>(stored, PetitionRegistrar.FlagJson) ?? [];
}

/// <summary>What one related petition of a flag is to the reader: whether it may open it, and whether it is accusation material.</summary>
internal sealed record RelatedPetition
{
    public required string Number { get; init; }

    public required bool IsVisible { get; init; }

    public required bool IsAccusation { get; init; }
}

/// <summary>
/// Flags as a reader sees them. The reasons are stored once, at registration, with the numbers of every earlier petition
/// behind them; who may see those petitions is decided when the flags are read, because it depends on the reader and
/// on what happened since (an earlier petition is referred to discipline after the later one was registered). So the
/// stored reasons stay complete for discipline inspectors, and each read is filtered with the same rule as opening the
/// related petition itself (jurisdiction, read scope, accusation material).
/// A number the reader may not open is left out. An accusation the reader may not see is left out as if it had never
/// been filed: a reason resting only on such accusations is dropped, and when no repeat reason is left the petition is
/// first-time for this reader — a same-petitioner flag must not tell that this person filed a hidden accusation.
/// An ordinary petition out of the reader's reach still counts: a repeat is a repeat wherever the earlier petition was
/// registered (Art 19¶3), so its reason stays, without the number.
/// </summary>
internal static class FlagVisibility
{
    /// <summary>The reason codes whose related entries are petition numbers (the others hold region paths or figures).</summary>
    private static readonly HashSet<string> PetitionNumberCodes = new(StringComparer.Ordinal) { "same_petitioner", "similar_matter", "final_decision" };

    public static IReadOnlyList<string> RelatedNumbers(IEnumerable<FlagReason> flags) =>
        flags.Where(f => PetitionNumberCodes.Contains(f.Code)).SelectMany(f => f.Related).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The flags with only what the reader may know; a number missing from <paramref name="related"/> counts as out of reach.</summary>
    public static IReadOnlyList<FlagReason> AsSeen(IReadOnlyList<FlagReason> flags, IReadOnlyCollection<RelatedPetition> related)
    {
        var byNumber = related.ToDictionary(r => r.Number, StringComparer.Ordinal);
        bool Visible(string number) => byNumber.TryGetValue(number, out var r) && r.IsVisible;
        bool HiddenAccusation(string number) => byNumber.TryGetValue(number, out var r) && !r.IsVisible && r.IsAccusation;

        var seen = new List<FlagReason>(flags.Count);
        foreach (var reason in flags)
        {
            if (!PetitionNumberCodes.Contains(reason.Code) || reason.Related.All(Visible))
            {
                seen.Add(reason);
            }
            else if (!reason.Related.All(HiddenAccusation))
            {
                seen.Add(reason with { Related = reason.Related.Where(Visible).ToList() });
            }
        }

        var repeatLost = flags.Any(f => f.Flag == PetitionFlag.Repeat) && seen.All(f => f.Flag != PetitionFlag.Repeat);
        if (repeatLost)
        {
            seen.Insert(0, new FlagReason(PetitionFlag.FirstTime, "no_earlier_petition", []));
        }

        return seen;
    }
}
