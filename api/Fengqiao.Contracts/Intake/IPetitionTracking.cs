namespace Fengqiao.Contracts.Intake;

/// <summary>Lets other modules serve the petitioner's public pages: the tracking code and secret, checked by intake.</summary>
public interface IPetitionTracking
{
    /// <summary>The petition's id, or null when the code is unknown or the secret wrong (the two look alike).</summary>
    Task<Guid?> FindPetitionAsync(string trackingCode, string secret, CancellationToken cancellationToken);
}
