using System.Text.Json;
using Fengqiao.BuildingBlocks.Clock;
using Microsoft.Extensions.Configuration;

namespace Fengqiao.Intake.Rules;

internal sealed record Period(int Days, bool WorkingDays);

internal sealed record RepresentativeLimit(int? MaxGroupSize, int MaxRepresentatives);

/// <summary>
/// The intake part of the active rule set (national or Zhejiang), read from <c>RuleSets/&lt;name&gt;.json</c>:
/// statutory periods and limits are data, not code.
/// </summary>
internal sealed record IntakeRules(
    string RuleSet,
    Period AcceptanceDeadline,
    int CollectiveThreshold,
    IReadOnlyList<RepresentativeLimit> RepresentativeLimits,
    int RepeatWindowDays,
    double DuplicateScoreThreshold)
{
    public DateOnly AcceptanceDue(DateOnly received, WorkCalendar calendar) =>
        AcceptanceDeadline.WorkingDays
            ? calendar.AddWorkingDays(received, AcceptanceDeadline.Days)
            : calendar.AddCalendarDays(received, AcceptanceDeadline.Days);

    /// <summary>The tightest limit whose group size covers <paramref name="persons"/> (e.g. Zhejiang: ≤ 3 for groups of ≤ 10).</summary>
    public int MaxRepresentatives(int persons) =>
        RepresentativeLimits
            .Where(l => l.MaxGroupSize is null || persons <= l.MaxGroupSize)
            .OrderBy(l => l.MaxGroupSize ?? int.MaxValue)
            .Select(l => l.MaxRepresentatives)
            .First();

    public static IntakeRules Load(IConfiguration configuration)
    {
        var name = configuration["RuleSets:Active"] ?? "national";
        var directory = configuration["RuleSets:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "RuleSets");
        var path = Path.Combine(directory, name + ".json");
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<RuleSetFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path} is empty.");
        var intake = file.Intake;
        if (intake.RepresentativeLimits.All(l => l.MaxGroupSize is not null))
        {
            throw new InvalidDataException($"{path}: one representative limit must have no maxGroupSize.");
        }

        return new IntakeRules(file.Name, intake.AcceptanceDeadline, intake.CollectiveThreshold, intake.RepresentativeLimits, intake.RepeatWindowDays, intake.DuplicateScoreThreshold);
    }

    private sealed record RuleSetFile(string Name, IntakeSection Intake);

    private sealed record IntakeSection(
        Period AcceptanceDeadline,
        int CollectiveThreshold,
        IReadOnlyList<RepresentativeLimit> RepresentativeLimits,
        int RepeatWindowDays,
        double DuplicateScoreThreshold);
}
