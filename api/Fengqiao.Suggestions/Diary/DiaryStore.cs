using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Intake;
using Fengqiao.Suggestions.Handling;

namespace Fengqiao.Suggestions.Diary;

/// <summary>A diary entry as stored; the household's name is what the cadre wrote down, no ID number or phone.</summary>
internal sealed record DiaryEntryRow
{
    public required Guid Id { get; init; }

    public required DiaryEntryKind Kind { get; init; }

    public required string? Source { get; init; }

    public required string Household { get; init; }

    public required DateOnly VisitedOn { get; init; }

    public required string Matter { get; init; }

    public required string Category { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionPath { get; init; }

    public required string RegionName { get; init; }

    public required string TextSignature { get; init; }

    public required string? LoggedByName { get; init; }

    public required DateTimeOffset LoggedAt { get; init; }

    public required Guid? MatterId { get; init; }

    public required Guid? PetitionId { get; init; }

    public required string? PetitionNumber { get; init; }

    public required Guid? SuggestionId { get; init; }

    public required DateTimeOffset? ConvertedAt { get; init; }

    public required string? PhotoFileName { get; init; }

    public required string? PhotoContentType { get; init; }

    public required long? PhotoSizeBytes { get; init; }

    public required long Version { get; init; }

    public bool IsOpen => MatterId is null && PetitionId is null && SuggestionId is null;
}

/// <summary>One kind of matter 同类事项: similar entries of one village and category, counted by household.</summary>
internal sealed record DiaryMatterRow
{
    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionPath { get; init; }

    public required string RegionName { get; init; }

    public required int EntryCount { get; init; }

    public required int HouseholdCount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required Guid? PetitionId { get; init; }

    public required string? PetitionNumber { get; init; }

    public required Guid? SuggestionId { get; init; }

    public required DateTimeOffset? ConvertedAt { get; init; }

    public required long Version { get; init; }
}

/// <summary>What an entry or a matter became and where that stands now: the petition's status as intake tells it, the suggestion's as here.</summary>
/// <param name="Reference">The petition's number or the suggestion's tracking code.</param>
/// <param name="Status">The petition's or suggestion's status in snake_case; null when the caller may not read the petition.</param>
/// <param name="SuggestionOutcome">The suggestion's evaluation outcome once answered.</param>
internal sealed record DiaryOutcome(DiaryConversion Kind, Guid Id, string Reference, string? Status, SuggestionOutcome? SuggestionOutcome, DateTimeOffset ConvertedAt);

internal sealed record SuggestionStateRow
{
    public required Guid Id { get; init; }

    public required string TrackingCode { get; init; }

    public required SuggestionStatus Status { get; init; }

    public required SuggestionOutcome? Outcome { get; init; }
}

/// <summary>Loads diary entries and matters within the caller's jurisdiction (404 outside, as missing) and checks the version read (412).</summary>
internal sealed class DiaryStore(IDbSession session, ICurrentUser caller, IPetitionRegistration petitions)
{
    public Task<DiaryEntryRow?> FindEntryAsync(Guid id, CancellationToken cancellationToken) =>
        session.QuerySingleInJurisdictionAsync<DiaryEntryRow>(caller, DiarySql.EntryById, new { Id = id }, cancellationToken);

    public async Task<DiaryEntryRow> GetEntryAsync(Guid id, CancellationToken cancellationToken) =>
        await FindEntryAsync(id, cancellationToken) ?? throw new NotFoundException("Diary entry");

    public async Task<DiaryEntryRow> GetEntryForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var row = await GetEntryAsync(id, cancellationToken);
        return row.Version == expectedVersion ? row : throw new PreconditionFailedException(row.Version);
    }

    public async Task<DiaryMatterRow> GetMatterAsync(Guid id, CancellationToken cancellationToken) =>
        await session.QuerySingleInJurisdictionAsync<DiaryMatterRow>(caller, DiarySql.MatterById, new { Id = id }, cancellationToken)
            ?? throw new NotFoundException("Diary matter");

    public async Task<DiaryMatterRow> GetMatterForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var row = await GetMatterAsync(id, cancellationToken);
        return row.Version == expectedVersion ? row : throw new PreconditionFailedException(row.Version);
    }

    public Task<IReadOnlyList<DiaryEntryRow>> EntriesOfMatterAsync(Guid matterId, CancellationToken cancellationToken) =>
        session.QueryAsync<DiaryEntryRow>(DiarySql.EntriesOfMatter, new { MatterId = matterId }, cancellationToken);

    /// <summary>What came of a converted entry or matter, read afresh so the cadre sees the petition's or suggestion's progress.</summary>
    public async Task<DiaryOutcome?> OutcomeAsync(Guid? petitionId, string? petitionNumber, Guid? suggestionId, DateTimeOffset? convertedAt, CancellationToken cancellationToken)
    {
        if (petitionId is { } petition)
        {
            var reference = await petitions.FindReadableAsync(petition, cancellationToken);
            return new DiaryOutcome(DiaryConversion.Petition, petition, petitionNumber ?? reference?.Number ?? string.Empty, reference?.Status, null, convertedAt!.Value);
        }

        if (suggestionId is { } suggestion)
        {
            var state = await session.QuerySingleOrDefaultAsync<SuggestionStateRow>(DiarySql.SuggestionState, new { Id = suggestion }, cancellationToken);
            return state is null ? null : new DiaryOutcome(DiaryConversion.Suggestion, suggestion, state.TrackingCode, state.Status.ToSnakeCase(), state.Outcome, convertedAt!.Value);
        }

        return null;
    }
}
