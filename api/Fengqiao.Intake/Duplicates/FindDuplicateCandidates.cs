using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.BuildingBlocks.Text;
using Fengqiao.Contracts.Organization;
using Fengqiao.Intake.Petitions;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Intake.Duplicates;

internal enum DuplicateReason
{
    SamePetitioner,
    SimilarMatter,
}

internal sealed record DuplicateCandidate(Guid PetitionId, string Number, double Score, DuplicateReason Reason);

internal sealed record DuplicateCandidateList(IReadOnlyList<DuplicateCandidate> Items);

/// <summary>
/// While staff type a registration: earlier petitions that are likely the same matter, with a score and why.
/// Read-only; answers only what lies within the caller's jurisdiction.
/// </summary>
internal sealed record FindDuplicateCandidates(IReadOnlyList<string> IdNumbers, Guid RegionId, string Category, string Text) : IQuery<DuplicateCandidateList>;

internal sealed class FindDuplicateCandidatesValidator : AbstractValidator<FindDuplicateCandidates>
{
    public FindDuplicateCandidatesValidator()
    {
        RuleFor(q => q.IdNumbers).NotNull().Must(ids => ids is null || ids.Count <= 50);
        RuleFor(q => q.RegionId).NotEmpty();
        RuleFor(q => q.Category).NotEmpty().MaximumLength(40);
        RuleFor(q => q.Text).NotNull().MaximumLength(16000);
    }
}

internal sealed class FindDuplicateCandidatesHandler(
    DuplicateFinder finder,
    PersonalDataProtector protector,
    ICurrentUser caller,
    IOrganizationDirectory directory,
    PetitionReader reader,
    TimeProvider clock) : IQueryHandler<FindDuplicateCandidates, DuplicateCandidateList>
{
    private const int MaxCandidates = 10;

    public async ValueTask<DuplicateCandidateList> Handle(FindDuplicateCandidates query, CancellationToken cancellationToken)
    {
        var region = await directory.FindRegionAsync(query.RegionId, cancellationToken);
        if (region is null || !Jurisdiction.Contains(caller, region.Path))
        {
            return new DuplicateCandidateList([]);
        }

        var hashes = query.IdNumbers.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => protector.Hash(id.Trim())).Distinct().ToList();
        var earlier = await finder.FindAsync(hashes, region.Id, query.Category, TextSignature.Compute(query.Text), clock.GetUtcNow(), null, cancellationToken);
        var visible = new List<DuplicateCandidate>();
        foreach (var candidate in earlier)
        {
            if (visible.Count == MaxCandidates)
            {
                break;
            }

            // Only what the caller may open: a same-petitioner match elsewhere stays invisible here.
            try
            {
                await reader.GetAsync(candidate.Id, cancellationToken);
            }
            catch (BuildingBlocks.Errors.NotFoundException)
            {
                continue;
            }

            visible.Add(new DuplicateCandidate(candidate.Id, candidate.Number, candidate.Similarity,
                candidate.SamePetitioner ? DuplicateReason.SamePetitioner : DuplicateReason.SimilarMatter));
        }

        return new DuplicateCandidateList(visible);
    }
}

internal static class FindDuplicateCandidatesEndpoint
{
    public static void Map(IEndpointRouteBuilder petitions) =>
        petitions.MapPost("/duplicate-candidates", Handle)
            .WithName("FindDuplicateCandidates")
            .WithDescription("While staff type a registration, the earlier petitions that are likely the same matter: the same petitioner (matched by a keyed hash of the ID number, never the number itself) or similar text in the same region and category, each with a score and the reason. Read-only; only petitions within the caller's jurisdiction are considered.")
            .WithSummary("Likely duplicates of a petition being typed: same petitioner (by ID hash) or similar text in the same region and category.")
            .RequireCapability(Capability.RegisterPetition)
            .ProducesValidationProblem();

    private static async Task<Ok<DuplicateCandidateList>> Handle(FindDuplicateCandidates request, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(request, cancellationToken));
}
