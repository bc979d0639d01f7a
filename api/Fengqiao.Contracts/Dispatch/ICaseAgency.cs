namespace Fengqiao.Contracts.Dispatch;

/// <summary>
/// Whether the signed-in caller is the petition agent (信访代办) of a case opened from a petition: an agent reads the
/// petitions of the cases it acts for, which the intake module cannot tell from its own tables.
/// </summary>
public interface ICaseAgency
{
    Task<bool> ActsForPetitionAsync(Guid petitionId, CancellationToken cancellationToken);
}
