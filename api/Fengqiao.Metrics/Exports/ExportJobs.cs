using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Metrics.FiveColour;
using Fengqiao.Metrics.Indicators;
using Microsoft.Extensions.Configuration;

namespace Fengqiao.Metrics.Exports;

/// <summary>What an export job writes: an indicator table, a month's five-colour ranking, or the daily facts row by row (the large one).</summary>
internal enum ExportKind
{
    Indicators,
    FiveColourRanking,
    DailyFacts,
}

internal enum ExportJobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Expired,
}

public sealed class ExportJobOptions
{
    public const string Section = "MetricsExports";

    public bool Enabled { get; set; } = true;

    /// <summary>How often a worker looks for jobs other instances queued (its own instance wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a running job's progress is written (and its lease renewed).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a finished file is kept for its creator to download.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many times a job whose worker stopped is started again before it is given up.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Where the files are kept; exports/ under the data folder by default.</summary>
    public string? Directory { get; set; }
}

/// <param name="RegionId">The region exported; the caller's own when not given.</param>
/// <param name="From">First day, for indicators and daily facts.</param>
/// <param name="To">Last day, for indicators and daily facts.</param>
/// <param name="Month">yyyy-MM, for a five-colour ranking.</param>
/// <param name="GroupBy">How an indicator table is grouped (by region below by default).</param>
/// <param name="UnitId">
/// The responsible unit an indicator table or the daily facts keep to, as the indicators' <c>unitId</c>; all units when not given.
/// </param>
internal sealed record ExportJobParameters(Guid? RegionId, DateOnly? From, DateOnly? To, string? Month, IndicatorGrouping? GroupBy, Guid? UnitId);

/// <summary>
/// An export job as its creator sees it. <see cref="Progress"/> is the share of rows written, in percent; <see cref="RowsTotal"/> is
/// known once the job has counted them. The file is downloadable while <see cref="State"/> is succeeded, until <see cref="ExpiresAt"/>.
/// <see cref="Error"/> says why a job failed: <c>region_not_found</c> (the region left the creator's jurisdiction),
/// <c>unit_not_found</c> (so did the unit), <c>interrupted</c> (its worker stopped too often) or <c>failed</c>.
/// </summary>
internal sealed record ExportJobView(
    Guid Id,
    ExportKind Kind,
    ExportFormat Format,
    ExportJobParameters Parameters,
    ExportJobState State,
    int Progress,
    long RowsDone,
    long? RowsTotal,
    string? FileName,
    long? SizeBytes,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ExpiresAt);

internal sealed record ExportJobRow
{
    public required Guid Id { get; init; }

    public required ExportKind Kind { get; init; }

    public required ExportFormat Format { get; init; }

    public required Guid RegionId { get; init; }

    public DateOnly? FromDay { get; init; }

    public DateOnly? ToDay { get; init; }

    public string? Month { get; init; }

    public IndicatorGrouping? GroupBy { get; init; }

    public Guid? UnitId { get; init; }

    public required Guid CreatedBy { get; init; }

    public Guid? CreatorUnitId { get; init; }

    public required string CreatorRegionPath { get; init; }

    public required ExportJobState State { get; init; }

    public required int Attempts { get; init; }

    public required long RowsDone { get; init; }

    public long? RowsTotal { get; init; }

    public string? FileName { get; init; }

    public string? StorageKey { get; init; }

    public long? SizeBytes { get; init; }

    public string? Error { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public ExportJobView View() => new(
        Id, Kind, Format, new ExportJobParameters(RegionId, FromDay, ToDay, Month, GroupBy, UnitId), State, Progress, RowsDone, RowsTotal, FileName, SizeBytes, Error,
        CreatedAt, FinishedAt, ExpiresAt);

    private int Progress => State switch
    {
        ExportJobState.Succeeded or ExportJobState.Expired => 100,
        _ when RowsTotal is > 0 => (int)Math.Min(99, RowsDone * 100 / RowsTotal.Value),
        _ => 0,
    };

    /// <summary>The creator as the worker queries for them: the same identity and jurisdiction they had when they started the job.</summary>
    public ICurrentUser Creator => new JobCreator(CreatedBy, CreatorUnitId, CreatorRegionPath);

    private sealed record JobCreator(Guid? UserId, Guid? UnitId, string? RegionPath) : ICurrentUser
    {
        public string? DisplayName => null;

        public IReadOnlySet<Role> Roles { get; } = new HashSet<Role>();
    }
}

/// <summary>The folder the export files are kept in, one file per job.</summary>
internal sealed class ExportFiles(IConfiguration configuration, DataDirectory dataDirectory)
{
    private readonly string _root = Path.GetFullPath(configuration[$"{ExportJobOptions.Section}:{nameof(ExportJobOptions.Directory)}"] ?? dataDirectory.File("exports"));

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";

    public static string KeyOf(ExportJobRow job) => $"{job.Id:N}.{Extension(job.Format)}";

    public string PathOf(string storageKey)
    {
        Directory.CreateDirectory(_root);
        return Path.Combine(_root, storageKey);
    }
}

/// <summary>Reads a job of the caller; another caller's job answers 404, as a missing one does.</summary>
internal sealed class ExportJobReader(IDbSession session, ICurrentUser caller)
{
    public async Task<ExportJobRow> FindOwnAsync(Guid id, CancellationToken cancellationToken) =>
        caller.UserId is { } userId && await session.QuerySingleOrDefaultAsync<ExportJobRow>(ExportJobSql.GetOwn, new { Id = id, CreatedBy = userId }, cancellationToken) is { } job
            ? job
            : throw new NotFoundException("Export job");
}
