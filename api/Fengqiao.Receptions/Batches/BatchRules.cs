using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Receptions.Schedule;

namespace Fengqiao.Receptions.Batches;

/// <summary>Batches (批次) and persons (人次) of receptions, and the resolution rate: (solved on the spot + explained) / all batches.</summary>
internal sealed record BatchTotals(int Batches, int Persons, int SolvedOnTheSpot, int Explained, int Assigned, decimal? ResolutionRate);

/// <summary>The pure rules of batches: how many persons a batch counts, what a correction may change, and the totals.</summary>
internal static class BatchRules
{
    /// <summary>A batch counts at least one person, and at least everyone it names.</summary>
    public static int MinimumPersons(int namedPetitioners) => Math.Max(1, namedPetitioners);

    /// <summary>
    /// A correction may change the person count and move between solved on the spot and explained; an assignment accepted a
    /// petition and opened a case, which a correction cannot undo or create.
    /// </summary>
    public static void RequireCorrectable(BatchOutcome from, BatchOutcome to)
    {
        if (from != to && (from == BatchOutcome.Assigned || to == BatchOutcome.Assigned))
        {
            throw new ConflictException("assignment_not_correctable",
                $"A batch cannot be corrected from {from.ToSnakeCase()} to {to.ToSnakeCase()}: assignment accepts the petition and opens its case.");
        }
    }

    /// <summary>The resolution rate as a fraction rounded to four places; null without batches.</summary>
    public static decimal? ResolutionRate(int solvedOnTheSpot, int explained, int batches) =>
        batches == 0 ? null : Math.Round((decimal)(solvedOnTheSpot + explained) / batches, 4, MidpointRounding.AwayFromZero);

    public static BatchTotals Tally(IEnumerable<(int Persons, BatchOutcome Outcome)> batches)
    {
        int count = 0, persons = 0, solved = 0, explained = 0, assigned = 0;
        foreach (var (batchPersons, outcome) in batches)
        {
            count++;
            persons += batchPersons;
            solved += outcome == BatchOutcome.SolvedOnTheSpot ? 1 : 0;
            explained += outcome == BatchOutcome.Explained ? 1 : 0;
            assigned += outcome == BatchOutcome.Assigned ? 1 : 0;
        }

        return new BatchTotals(count, persons, solved, explained, assigned, ResolutionRate(solved, explained, count));
    }

    /// <summary>The intake channel a batch's new petition arrives by: a home visit is 走访, every other reception 领导接访.</summary>
    public static string ChannelOf(ReceptionKind kind) => kind == ReceptionKind.HomeVisit ? "door_to_door_visit" : "leader_reception";
}

/// <summary>A batch row as read for details or a change.</summary>
internal sealed record BatchRow
{
    public required Guid Id { get; init; }

    public required Guid ReceptionId { get; init; }

    public required int Ordinal { get; init; }

    public required int Persons { get; init; }

    public required string Matter { get; init; }

    public required Guid? PetitionId { get; init; }

    public required string? PetitionNumber { get; init; }

    public required bool PetitionRegistered { get; init; }

    public required BatchOutcome Outcome { get; init; }

    public required string? Instruction { get; init; }

    public required bool IsMustVisit { get; init; }

    public required Guid? InChargeUserId { get; init; }

    public required string? InChargeName { get; init; }

    public required Guid? CaseId { get; init; }

    public required string? CaseNumber { get; init; }

    public required DateTimeOffset? InChargeAt { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required long Version { get; init; }
}
