using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Intake.Rules;

namespace Fengqiao.Intake.Petitions;

/// <summary>Why a flag was set: a code the client words in its language, and the petitions or figures behind it.</summary>
internal sealed record FlagReason(PetitionFlag Flag, string Code, IReadOnlyList<string> Related);

/// <summary>An earlier petition found by the same petitioner's ID hash or by similar text in the same region and category.</summary>
/// <param name="IsFinal">The earlier matter went through re-review and is final (终结).</param>
/// <param name="IsAccusation">The earlier petition was referred to discipline inspection: accusation material.</param>
internal sealed record EarlierPetition(Guid Id, string Number, string RegistrarRegionPath, bool SamePetitioner, double Similarity, bool IsFinal = false, bool IsAccusation = false);

/// <param name="RegionNames">Names of the regions on the petition's and the registrar's paths, by path, for the skip-level reason.</param>
internal sealed record FlagInput(
    Channel Channel,
    string Category,
    int Persons,
    bool Urgent,
    bool CrossBoundary,
    string PetitionRegionPath,
    string RegistrarRegionPath,
    IReadOnlyList<EarlierPetition> Earlier,
    IReadOnlyDictionary<string, string> RegionNames);

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

        if (SkipsLevel(input, rules.SkipLevel) is { } owningPath)
        {
            reasons.Add(new FlagReason(PetitionFlag.SkipLevel, "registered_above_owning_level", [NameOf(input, owningPath), NameOf(input, input.RegistrarRegionPath)]));
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

    /// <summary>The regions a skip-level reason names (the owning one, then the registering one); none when no level was skipped.</summary>
    public static IReadOnlyList<string> RegionsToName(FlagInput input, IntakeRules rules) =>
        SkipsLevel(input, rules.SkipLevel) is { } owningPath ? [owningPath, input.RegistrarRegionPath] : [];

    /// <summary>
    /// Towns own town and village matters, districts their own, the city its own (Art 20¶1). Going to the owner or one level
    /// above it is no skip (the rule's allowance); an earlier petition on the matter registered at a level moves the level
    /// the matter has reached up to it, so going one level above that is no skip either. Only the rule's channels count:
    /// a letter or a call to a higher body is forwarded down, not a skipped level. Returns the owning region's path when skipped.
    /// </summary>
    private static string? SkipsLevel(FlagInput input, SkipLevelRule rule)
    {
        if (!rule.Channels.Contains(input.Channel.ToSnakeCase()))
        {
            return null;
        }

        var codes = input.PetitionRegionPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var owningLevel = Math.Min(codes.Length - 1, 2);
        var owningPath = "/" + string.Join('/', codes.Take(owningLevel + 1)) + "/";
        var reachedLevel = input.Earlier
            .Where(e => Jurisdiction.Contains(e.RegistrarRegionPath, owningPath) || Jurisdiction.Contains(owningPath, e.RegistrarRegionPath))
            .Select(e => Math.Min(LevelOf(e.RegistrarRegionPath), owningLevel))
            .DefaultIfEmpty(owningLevel)
            .Min();
        return reachedLevel - LevelOf(input.RegistrarRegionPath) > rule.LevelsAboveAllowed ? owningPath : null;
    }

    private static string NameOf(FlagInput input, string regionPath) =>
        input.RegionNames.TryGetValue(regionPath, out var name) ? name : throw new InvalidOperationException($"No region name was looked up for {regionPath}.");
}
