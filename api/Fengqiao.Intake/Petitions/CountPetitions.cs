using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Intake.Petitions;

internal sealed record PetitionCounts
{
    /// <summary>Registered petitions awaiting the acceptance decision (the worklist's status <c>registered</c>).</summary>
    public required long ToAccept { get; init; }

    /// <summary>Those of them past their acceptance day (the worklist's flag <c>acceptance_overdue</c>).</summary>
    public required long AcceptanceOverdue { get; init; }
}

/// <summary>How many petitions of the caller's jurisdiction wait for the acceptance decision: the home page's count.</summary>
internal sealed record CountPetitions : IQuery<PetitionCounts>;

internal sealed class CountPetitionsHandler(IDbSession session, PetitionReader reader, TimeProvider clock) : IQueryHandler<CountPetitions, PetitionCounts>
{
    public async ValueTask<PetitionCounts> Handle(CountPetitions query, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<PetitionCounts>(
            PetitionSql.CountAwaitingAcceptance,
            reader.Parameters(new { Today = WorkCalendar.LocalDate(clock.GetUtcNow()) }),
            cancellationToken)
        ?? new PetitionCounts { ToAccept = 0, AcceptanceOverdue = 0 };
}

internal static class CountPetitionsEndpoint
{
    public static void Map(IEndpointRouteBuilder petitions) =>
        petitions.MapGet("/counts", Handle)
            .WithName("CountPetitions")
            .WithDescription("How many petitions the caller may read wait for the acceptance decision (status `registered`), and how many of them are past their acceptance day (flag `acceptance_overdue`): the counts of the home page, which open the worklist with the same filter. Within the caller's jurisdiction; 403 for roles that do not classify petitions.")
            .WithSummary("How many petitions of the caller's jurisdiction wait for acceptance, and how many of them are overdue.")
            .RequireCapability(Capability.ClassifyPetitions)
            .CachedForCaller();

    private static async Task<Ok<PetitionCounts>> Handle(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new CountPetitions(), cancellationToken));
}
