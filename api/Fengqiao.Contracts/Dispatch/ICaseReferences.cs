namespace Fengqiao.Contracts.Dispatch;

/// <summary>A case another module names: its id and its number.</summary>
public sealed record CaseReference(Guid Id, string Number);

/// <summary>
/// Lets other modules keep references to cases without showing more than the caller may see: every answer is limited to
/// the cases the signed-in caller may open, exactly as dispatch's own pages are.
/// </summary>
public interface ICaseReferences
{
    /// <summary>The cases with these ids that the caller may open; the others are left out.</summary>
    Task<IReadOnlyList<CaseReference>> FindVisibleAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
