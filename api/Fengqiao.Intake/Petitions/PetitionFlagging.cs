using Fengqiao.Intake.Rules;

namespace Fengqiao.Intake.Petitions;

/// <summary>Why a flag was set: a code the client words in its language, and the petitions or figures behind it.</summary>
internal sealed record FlagReason(PetitionFlag Flag, string Code, IReadOnlyList<string> Related);

/// <summary>An earlier petition found by the same petitioner's ID hash or by similar text in the same region and category.</summary>
/// <param name="IsFinal">The earlier matter went through re-review and is final (终结).</param>
/// <param name="IsAccusation">The earlier petition was referred to discipline inspection: accusation material.</param>
internal sealed record EarlierPetition(Guid Id, string Number, string RegistrarRegionPath, bool SamePetitioner, double Similarity, bool IsFinal = false, bool IsAccusation = false);

internal sealed record FlagInput(
    Channel Channel,
    string Category,
    int Persons,
    bool Urgent,
    bool CrossBoundary,
    string PetitionRegionPath,
    string RegistrarRegionPath,
    IReadOnlyList<EarlierPetition> Earlier);

/// <summary>The flags of DOMAIN §2, computed at registration from the petition and what came before it.</summary>
internal static class PetitionFlagging
{
    public const string BusinessCategory = "business_environment";

    public static IReadOnlyList<FlagReason> Compute(FlagInput input, IntakeRules rules)
    {
        var reasons = new List<FlagReason>();
        var samePetitioner = input.Earlier.Where(e => e.SamePetitioner).Select(e => e.Number).Distinct().ToList();
        var similar = input.Earlier.Where(e => !e.SamePetitioner && e.Similarity >= rules.DuplicateScoreThreshold).Select(e => e.Number).Distinct().ToList();
        if (samePetitioner.Count > 0)
        {
            reasons.Add(new FlagReason(PetitionFlag.Repeat, "same_petitioner", samePetitioner));
        }

        if (similar.Count > 0)
        {
            reasons.Add(new FlagReason(PetitionFlag.Repeat, "similar_matter", similar));
        }

        if (samePetitioner.Count == 0 && similar.Count == 0)
        {
            reasons.Add(new FlagReason(PetitionFlag.FirstTime, "no_earlier_petition", []));
        }

        var final = input.Earlier.Where(e => e.IsFinal && (e.SamePetitioner || e.Similarity >= rules.DuplicateScoreThreshold)).Select(e => e.Number).Distinct().ToList();
        if (final.Count > 0)
        {
            reasons.Add(new FlagReason(PetitionFlag.FinalMatter, "final_decision", final));
        }

        if (SkipLevel(input) is { } owningPath)
        {
            reasons.Add(new FlagReason(PetitionFlag.SkipLevel, "registered_above_owning_level", [owningPath]));
        }

        if (input.Persons >= rules.CollectiveThreshold)
        {
            reasons.Add(new FlagReason(PetitionFlag.Collective, "persons_at_least", [input.Persons.ToString(System.Globalization.CultureInfo.InvariantCulture), rules.CollectiveThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }

        if (input.Channel == Channel.BusinessHotline)
        {
            reasons.Add(new FlagReason(PetitionFlag.BusinessEnvironment, "business_hotline", []));
        }
        else if (input.Category == BusinessCategory)
        {
            reasons.Add(new FlagReason(PetitionFlag.BusinessEnvironment, "business_category", []));
        }

        if (input.CrossBoundary)
        {
            reasons.Add(new FlagReason(PetitionFlag.CrossBoundary, "set_by_staff", []));
        }

        if (input.Urgent)
        {
            reasons.Add(new FlagReason(PetitionFlag.Urgent, "set_by_staff", []));
        }

        return reasons;
    }

    /// <summary>Level of a region path: 0 city, 1 district, 2 town, 3 village.</summary>
    public static int LevelOf(string regionPath) => regionPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length - 1;

    /// <summary>
    /// Towns own town and village matters, districts their own, the city its own (Art 20¶1). A petition
    /// registered above the owning level, with no earlier petition on it registered at that level, skipped it.
    /// Returns the owning region's path when skipped.
    /// </summary>
    private static string? SkipLevel(FlagInput input)
    {
        var codes = input.PetitionRegionPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var owningLevel = Math.Min(codes.Length - 1, 2);
        var owningPath = "/" + string.Join('/', codes.Take(owningLevel + 1)) + "/";
        if (LevelOf(input.RegistrarRegionPath) >= owningLevel)
        {
            return null;
        }

        var earlierThere = input.Earlier.Any(e => e.RegistrarRegionPath.StartsWith(owningPath, StringComparison.Ordinal));
        return earlierThere ? null : owningPath;
    }
}
