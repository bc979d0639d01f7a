namespace Fengqiao.Contracts.Intake;

/// <summary>A petition another module links to: its id and its human-readable number.</summary>
public sealed record LinkedPetition(Guid Id, string Number);

/// <summary>
/// Lets other modules keep references to petitions without showing more than the caller may see: every answer is limited
/// to the petitions the signed-in caller may open, exactly as intake's own pages are.
/// </summary>
public interface IPetitionReferences
{
    /// <summary>The petitions with these numbers that the caller may open; the others are left out.</summary>
    Task<IReadOnlyList<LinkedPetition>> FindVisibleByNumberAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken);

    /// <summary>The petitions with these ids that the caller may open; the others are left out.</summary>
    Task<IReadOnlyList<LinkedPetition>> FindVisibleAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
