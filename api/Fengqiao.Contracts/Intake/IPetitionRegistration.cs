namespace Fengqiao.Contracts.Intake;

/// <summary>A petitioner named where a petition was received in person.</summary>
public sealed record ReceivedPetitioner(string Name, string? IdNumber, string? Phone);

/// <summary>Who received a petition outside the intake module's own forms: the staff member's unit, region and id.</summary>
public sealed record PetitionReceiver(Guid? UserId, Guid? UnitId, string RegionPath);

/// <summary>A matter raised at a leader's reception or a visit, to be registered as a petition.</summary>
/// <param name="Channel">leader_reception, door_to_door_visit, hotline12345 or business_hotline.</param>
/// <param name="Category">A petition category code (urban_rural_construction, …).</param>
public sealed record ReceivedPetition(
    string Channel,
    IReadOnlyList<ReceivedPetitioner> Petitioners,
    int Persons,
    string Request,
    string Facts,
    string Category,
    Guid RegionId,
    DateTimeOffset ReceivedAt,
    bool Urgent,
    PetitionReceiver Receiver)
{
    /// <summary>The sending system's own number, e.g. the 12345 work-order number; hotline channels require it.</summary>
    public string? ChannelReference { get; init; }
}

/// <summary>A petition as another module may refer to it.</summary>
/// <param name="Status">registered, accepted, not_accepted, diverted, … in snake_case.</param>
public sealed record PetitionReference(Guid Id, string Number, string Status, Guid RegionId, string RegionPath, string Category);

/// <summary>
/// Lets another module (leader receptions) register a petition through intake's own registration, so numbers, flags and
/// protected personal data are as for any petition, and accept one for handling, so the dispatch module opens its case.
/// Runs in the caller's unit of work: what it writes commits or rolls back with the caller's change.
/// </summary>
public interface IPetitionRegistration
{
    /// <summary>The petition if the signed-in caller may read it; null when it is missing or beyond their reach (alike).</summary>
    Task<PetitionReference?> FindReadableAsync(Guid petitionId, CancellationToken cancellationToken);

    /// <summary>
    /// Registers the petition. Input intake refuses (an unknown category, a region outside the receiver's jurisdiction, an
    /// invalid ID number) is a validation failure naming the field of <see cref="ReceivedPetition"/>, as a 400 would.
    /// </summary>
    Task<PetitionReference> RegisterAsync(ReceivedPetition petition, CancellationToken cancellationToken);

    /// <summary>
    /// Accepts a registered petition for handling (交办) with the notice the petitioner receives and the instruction the handling
    /// units see on the case; a petition accepted already stays as it is (false). A petition decided otherwise (not accepted,
    /// diverted, merged, …) is refused as a conflict (409), as classifying it again would be.
    /// </summary>
    Task<bool> AcceptAsync(Guid petitionId, string notice, string instruction, PetitionReceiver receiver, CancellationToken cancellationToken);
}
