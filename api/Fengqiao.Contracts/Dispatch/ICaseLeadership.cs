namespace Fengqiao.Contracts.Dispatch;

/// <summary>The case a leader took charge of: its id and new version.</summary>
public sealed record CaseInCharge(Guid CaseId, string Number, long Version);

/// <summary>Lets another module (leader receptions) record 包案 on the case of a petition through the dispatch module's own rule.</summary>
public interface ICaseLeadership
{
    /// <summary>
    /// The signed-in leader takes personal charge of the open handling case of <paramref name="petitionId"/>, as
    /// <c>TakeChargeOfCase</c> does; null when no such case is visible to them (not opened yet, or beyond their reach). The
    /// dispatch module's refusals (a leader in charge already, a closed case) surface as its own problem answers.
    /// </summary>
    Task<CaseInCharge?> TakeChargeOfPetitionCaseAsync(Guid petitionId, string note, CancellationToken cancellationToken);
}
