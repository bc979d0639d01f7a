namespace Fengqiao.Contracts.Intake;

/// <summary>What the public tracking page shows of a petition: its number, status, category and latest public timeline entry.</summary>
/// <param name="Status">registered, accepted, not_accepted, diverted, … in snake_case.</param>
/// <param name="Closed">True once intake decided it otherwise than accepting it, or its matter is final.</param>
/// <param name="UpdatedAt">When its latest public timeline entry was written; its receipt when it has none.</param>
/// <param name="LatestNote">The text of its latest public timeline entry.</param>
public sealed record PublicPetitionStatus(
    Guid Id, string Number, string Status, bool Closed, string Category, DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt, string? LatestNote);

/// <summary>Lets other modules serve the petitioner's public pages: the tracking code and secret, checked by intake.</summary>
public interface IPetitionTracking
{
    /// <summary>The petition's id, or null when the code is unknown or the secret wrong (the two look alike).</summary>
    Task<Guid?> FindPetitionAsync(string trackingCode, string secret, CancellationToken cancellationToken);

    /// <summary>The public view of the petition of this id, or null when there is none.</summary>
    Task<PublicPetitionStatus?> FindPublicStatusAsync(Guid petitionId, CancellationToken cancellationToken);
}
