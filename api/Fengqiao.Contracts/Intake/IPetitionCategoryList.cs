namespace Fengqiao.Contracts.Intake;

/// <summary>A subject category of petitions, as the public online form lists it.</summary>
public sealed record PetitionCategory(string Code, string NameZh, string NameEn);

/// <summary>Lets other modules list the petition categories intake keeps, in display order.</summary>
public interface IPetitionCategoryList
{
    Task<IReadOnlyList<PetitionCategory>> ListAsync(CancellationToken cancellationToken);
}
