namespace Fengqiao.Contracts.Suggestions;

/// <summary>The people's suggestion a petition became: its tracking code and where it stands (a suggestion status in snake_case).</summary>
public sealed record PetitionSuggestion(Guid Id, string TrackingCode, string Status);

/// <summary>Lets intake show, on a petition classified as a suggestion (建议意见), the suggestion it became.</summary>
public interface ISuggestionReferences
{
    /// <summary>The suggestion opened from this petition, or null while the conversion has not reached the suggestions yet.</summary>
    Task<PetitionSuggestion?> FromPetitionAsync(Guid petitionId, CancellationToken cancellationToken);
}
