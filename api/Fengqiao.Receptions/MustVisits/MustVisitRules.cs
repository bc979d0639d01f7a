namespace Fengqiao.Receptions.MustVisits;

/// <summary>The four must-visits (四个必访) of Xinchang: why a town must be visited in a month.</summary>
public enum MustVisitReason
{
    /// <summary>信访量大: many petitions, or fast growth.</summary>
    ManyPetitions,

    /// <summary>工作难度大: backlog, overdue cases or a low resolution rate.</summary>
    HardWork,

    /// <summary>重大政策出台: a major policy likely to cause disputes takes effect or is in force.</summary>
    MajorPolicy,

    /// <summary>突发事件: urgent petitions or a registered incident.</summary>
    Emergency,
}

/// <summary>A registered major policy as the rules see it.</summary>
internal sealed record PolicyEntry
{
    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public required string RegionPath { get; init; }

    public required string RegionName { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    public required DateOnly? EffectiveTo { get; init; }
}

/// <summary>A registered incident as the rules see it.</summary>
internal sealed record IncidentEntry
{
    public required Guid Id { get; init; }

    public required string RegionPath { get; init; }

    public required string RegionName { get; init; }

    public required DateOnly Day { get; init; }

    public required string Description { get; init; }
}

/// <summary>What the data says of one town: petitions of the month before the proposal's month and the one before that, and the case workload.</summary>
internal sealed record TownPicture(
    Guid TownId,
    string TownName,
    string TownPath,
    int Petitions,
    int PreviousPetitions,
    int UrgentPetitions,
    int Backlog,
    int Overdue,
    int Concluded,
    int Resolved,
    IReadOnlyList<PolicyEntry> Policies,
    IReadOnlyList<IncidentEntry> Incidents);

/// <summary>The figures behind a proposal: petitions (with growth in per cent on the month before, null without petitions then), workload and resolution.</summary>
internal sealed record TownFigures(
    int Petitions, int PreviousPetitions, decimal? GrowthPercent, int UrgentPetitions, int Backlog, int Overdue, int Concluded, decimal? ResolutionRate);

/// <summary>A town proposed for a must-visit, with every reason that holds and the policies and incidents behind them.</summary>
internal sealed record TownProposal(
    Guid TownId, string TownName, string TownPath, IReadOnlyList<MustVisitReason> Reasons, TownFigures Figures, IReadOnlyList<PolicyEntry> Policies, IReadOnlyList<IncidentEntry> Incidents);

/// <summary>The pure rules of the four must-visits: thresholds from the active rule set, applied to one month's picture of each town.</summary>
internal static class MustVisitRules
{
    /// <summary>Growth on the month before in per cent, rounded to one place; null when there were no petitions then.</summary>
    public static decimal? GrowthPercent(int petitions, int previous) =>
        previous == 0 ? null : Math.Round((petitions - previous) * 100m / previous, 1, MidpointRounding.AwayFromZero);

    /// <summary>Resolved among concluded as a fraction rounded to four places; null when nothing concluded.</summary>
    public static decimal? ResolutionRate(int resolved, int concluded) =>
        concluded == 0 ? null : Math.Round((decimal)resolved / concluded, 4, MidpointRounding.AwayFromZero);

    /// <summary>Many petitions, or growth from a floor; a month after one without petitions grows from nothing.</summary>
    public static bool ManyPetitions(TownPicture town, ManyPetitionsThresholds thresholds) =>
        town.Petitions >= thresholds.MinPetitions
        || (town.Petitions >= thresholds.MinPetitionsForGrowth
            && (GrowthPercent(town.Petitions, town.PreviousPetitions) is not { } growth || growth >= thresholds.MinGrowthPercent));

    public static bool HardWork(TownPicture town, HardWorkThresholds thresholds) =>
        town.Backlog >= thresholds.MinBacklog
        || town.Overdue >= thresholds.MinOverdue
        || (town.Concluded >= thresholds.MinConcluded && ResolutionRate(town.Resolved, town.Concluded) < thresholds.MaxResolutionRate);

    /// <summary>The policies in force at some day of the month, or taking effect within the lead days after it.</summary>
    public static IReadOnlyList<PolicyEntry> MajorPolicies(TownPicture town, DateOnly month, MajorPolicyThresholds thresholds)
    {
        var last = month.AddMonths(1).AddDays(-1);
        return town.Policies
            .Where(p => p.EffectiveFrom <= last.AddDays(thresholds.LeadDays) && (p.EffectiveTo is null || p.EffectiveTo >= month))
            .OrderBy(p => p.EffectiveFrom)
            .ToList();
    }

    /// <summary>The incidents of the month or of the lookback days before it.</summary>
    public static IReadOnlyList<IncidentEntry> Incidents(TownPicture town, DateOnly month, EmergencyThresholds thresholds)
    {
        var last = month.AddMonths(1).AddDays(-1);
        return town.Incidents.Where(i => i.Day >= month.AddDays(-thresholds.IncidentLookbackDays) && i.Day <= last).OrderBy(i => i.Day).ToList();
    }

    /// <summary>The proposal for a town of the month (its first day), or null when no reason holds.</summary>
    public static TownProposal? Propose(TownPicture town, DateOnly month, MustVisitThresholds thresholds)
    {
        var policies = MajorPolicies(town, month, thresholds.MajorPolicy);
        var incidents = Incidents(town, month, thresholds.Emergency);
        var reasons = new List<MustVisitReason>();
        if (ManyPetitions(town, thresholds.ManyPetitions))
        {
            reasons.Add(MustVisitReason.ManyPetitions);
        }

        if (HardWork(town, thresholds.HardWork))
        {
            reasons.Add(MustVisitReason.HardWork);
        }

        if (policies.Count > 0)
        {
            reasons.Add(MustVisitReason.MajorPolicy);
        }

        if (town.UrgentPetitions >= thresholds.Emergency.MinUrgentPetitions || incidents.Count > 0)
        {
            reasons.Add(MustVisitReason.Emergency);
        }

        if (reasons.Count == 0)
        {
            return null;
        }

        var figures = new TownFigures(
            town.Petitions, town.PreviousPetitions, GrowthPercent(town.Petitions, town.PreviousPetitions), town.UrgentPetitions, town.Backlog, town.Overdue, town.Concluded,
            ResolutionRate(town.Resolved, town.Concluded));
        return new TownProposal(town.TownId, town.TownName, town.TownPath, reasons, figures, policies, incidents);
    }

    /// <summary>The towns proposed for the month: those with most reasons first, then by petitions.</summary>
    public static IReadOnlyList<TownProposal> Propose(IEnumerable<TownPicture> towns, DateOnly month, MustVisitThresholds thresholds) =>
        towns.Select(t => Propose(t, month, thresholds))
            .OfType<TownProposal>()
            .OrderByDescending(p => p.Reasons.Count)
            .ThenByDescending(p => p.Figures.Petitions)
            .ThenBy(p => p.TownName, StringComparer.Ordinal)
            .ToList();
}
