using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.Contracts.Organization;
using Fengqiao.Contracts.Suggestions;
using Fengqiao.Suggestions.Topics;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.Suggestions.Handling;

/// <summary>A suggestion row as read for details or a change; the phone only masked.</summary>
internal sealed record SuggestionRow
{
    public required Guid Id { get; init; }

    public required string TrackingCode { get; init; }

    public required SuggestionStatus Status { get; init; }

    public required SuggestionChannel Channel { get; init; }

    public required Guid? TopicId { get; init; }

    public required string? TopicTitle { get; init; }

    public required string Title { get; init; }

    public required string Content { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionPath { get; init; }

    public required string RegionName { get; init; }

    public required string? SubmitterName { get; init; }

    public required string? PhoneMasked { get; init; }

    public required Guid? PetitionId { get; init; }

    public required string? PetitionNumber { get; init; }

    public required string? ScreeningReason { get; init; }

    public required Guid? DuplicateOfId { get; init; }

    public required DateTimeOffset? ScreenedAt { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required SuggestionOutcome? Outcome { get; init; }

    public required DateTimeOffset? AnsweredAt { get; init; }

    public required SuggestionRating? Rating { get; init; }

    public required string? RatingComment { get; init; }

    public required DateTimeOffset? RatedAt { get; init; }

    public required string? Implementation { get; init; }

    public required DateTimeOffset? ImplementedAt { get; init; }

    public required string? Award { get; init; }

    public required DateTimeOffset? AwardedAt { get; init; }

    public required long Version { get; init; }
}

/// <summary>Loads suggestions within the caller's jurisdiction (404 outside, as missing) and checks the version read (412).</summary>
internal sealed class SuggestionStore(IDbSession session, ICurrentUser caller)
{
    public async Task<SuggestionRow?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await session.QuerySingleInJurisdictionAsync<SuggestionRow>(caller, SuggestionSql.ById, new { Id = id }, cancellationToken);

    public async Task<SuggestionRow> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) ?? throw new NotFoundException("Suggestion");

    public async Task<SuggestionRow> GetForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var row = await GetAsync(id, cancellationToken);
        return row.Version == expectedVersion ? row : throw new PreconditionFailedException(row.Version);
    }

    /// <summary>A suggestion assigned to the caller's own unit, at the version read; a department's staff find no other (404).</summary>
    public async Task<SuggestionRow> GetAssignedToCallerForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleInJurisdictionAsync<SuggestionRow>(caller, SuggestionSql.ByIdAssignedToUnit, new { Id = id }, cancellationToken);
        return row is null ? throw new NotFoundException("Suggestion")
            : row.Version == expectedVersion ? row : throw new PreconditionFailedException(row.Version);
    }

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}

/// <summary>A suggestion to store, from whichever channel; <see cref="Phone"/> is stored encrypted, hashed and masked.</summary>
internal sealed record NewSuggestion(
    SuggestionChannel Channel,
    TopicRow? Topic,
    RegionSnapshot Region,
    string Title,
    string Content,
    string? SubmitterName,
    string? Phone,
    Guid? PetitionId,
    string? PetitionNumber,
    Guid? RegisteredBy,
    DateTimeOffset SubmittedAt);

/// <summary>Stored suggestion: its id and, when the submitter follows it, the tracking code and the secret shown once.</summary>
internal sealed record StoredSuggestion(Guid Id, string TrackingCode, string? Secret);

/// <summary>
/// Stores a suggestion in the caller's unit of work, protecting the submitter's phone as intake protects a petitioner's, and
/// publishes <see cref="SuggestionSubmitted"/>. The one insert of every channel.
/// </summary>
internal sealed class SuggestionWriter(IDbSession session, PersonalDataProtector protector, IEventPublisher events)
{
    public const string CodePrefix = "JY";

    /// <param name="withSecret">Whether the submitter gets a secret to track it with; a petition's is followed as the petition.</param>
    public async Task<StoredSuggestion> AddAsync(NewSuggestion suggestion, bool withSecret, CancellationToken cancellationToken)
    {
        var (code, secret, secretHash) = TrackingSecrets.New(CodePrefix);
        var id = Guid.CreateVersion7(suggestion.SubmittedAt);
        var phone = string.IsNullOrWhiteSpace(suggestion.Phone) ? null : IdentityNumbers.NormalisePhone(suggestion.Phone);
        await session.ExecuteAsync(
            SuggestionSql.Insert,
            new
            {
                Id = id,
                TrackingCode = code,
                TrackingSecretHash = withSecret ? secretHash : null,
                Status = nameof(SuggestionStatus.Submitted),
                Channel = suggestion.Channel.ToString(),
                TopicId = suggestion.Topic?.Id,
                TopicTitle = suggestion.Topic?.Title,
                Title = suggestion.Title.Trim(),
                Content = suggestion.Content.Trim(),
                RegionId = suggestion.Region.Id,
                RegionPath = suggestion.Region.Path,
                DistrictPath = RegionPaths.AncestorAt(suggestion.Region.Path, RegionLevel.District),
                TownPath = RegionPaths.AncestorAt(suggestion.Region.Path, RegionLevel.Town),
                RegionName = suggestion.Region.Name,
                SubmitterName = string.IsNullOrWhiteSpace(suggestion.SubmitterName) ? null : suggestion.SubmitterName.Trim(),
                PhoneCipher = phone is null ? null : protector.Encrypt(phone),
                PhoneHash = phone is null ? null : protector.Hash(phone),
                PhoneMasked = phone is null ? null : PersonalDataProtector.MaskPhone(phone),
                suggestion.PetitionId,
                suggestion.PetitionNumber,
                ScreeningReason = (string?)null,
                DuplicateOfId = (Guid?)null,
                ScreenedBy = (Guid?)null,
                ScreenedAt = (DateTimeOffset?)null,
                suggestion.RegisteredBy,
                suggestion.SubmittedAt,
            },
            cancellationToken);
        await SimilarSuggestions.IndexAsync(session, id, SimilarSuggestions.TextOf(suggestion.Title.Trim(), suggestion.Content.Trim()), suggestion.Region.Path,
            suggestion.SubmittedAt, cancellationToken);
        events.Publish(new SuggestionSubmitted(Guid.CreateVersion7(suggestion.SubmittedAt), suggestion.SubmittedAt, id, suggestion.Channel.ToSnakeCase(),
            suggestion.Topic?.Id, suggestion.Region.Id, suggestion.Region.Path, suggestion.PetitionId));
        return new StoredSuggestion(id, code, withSecret ? secret : null);
    }
}
