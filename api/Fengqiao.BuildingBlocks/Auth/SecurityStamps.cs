namespace Fengqiao.BuildingBlocks.Auth;

/// <summary>
/// Tells whether an access token issued with a user's security stamp still stands. Disabling a user, changing their
/// roles, resetting their password, signing out and revoking a refresh family move the stamp, so the user's earlier
/// access tokens stop working at once instead of at their expiry.
/// </summary>
public interface ISecurityStamps
{
    /// <summary>From memory, except for a user this instance has not seen yet.</summary>
    ValueTask<bool> IsCurrentAsync(Guid userId, long stamp, CancellationToken cancellationToken);

    /// <summary>Re-reads the stamps when any changed (another instance's change, or one this instance just committed).</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}
