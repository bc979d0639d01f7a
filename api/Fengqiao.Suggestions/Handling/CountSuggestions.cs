using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Handling;

internal sealed record SuggestionCounts
{
    /// <summary>Suggestions received and not yet screened (the worklist's status <c>submitted</c>).</summary>
    public required long ToScreen { get; init; }

    /// <summary>Suggestions screened valid and not yet assigned to departments (status <c>valid</c>).</summary>
    public required long ToAssign { get; init; }
}

/// <summary>How many suggestions of the caller's jurisdiction wait for the reviewer: the home page's counts.</summary>
internal sealed record CountSuggestions : IQuery<SuggestionCounts>;

internal sealed class CountSuggestionsHandler(IDbSession session, ICurrentUser caller) : IQueryHandler<CountSuggestions, SuggestionCounts>
{
    public async ValueTask<SuggestionCounts> Handle(CountSuggestions query, CancellationToken cancellationToken) =>
        (await session.QueryInJurisdictionAsync<SuggestionCounts>(caller, SuggestionSql.CountAwaitingReviewer, null, cancellationToken)).Single();
}

internal static class CountSuggestionsEndpoint
{
    public static void Map(IEndpointRouteBuilder suggestions) =>
        suggestions.MapGet("/counts", Handle)
            .WithName("CountSuggestions")
            .WithDescription("How many suggestions of the caller's jurisdiction wait to be screened (status `submitted`) and, screened valid, to be assigned to departments (status `valid`): the counts of the home page, which open the worklist with the same status. 403 for roles that do not handle suggestions.")
            .WithSummary("How many suggestions of the caller's jurisdiction wait to be screened and to be assigned.")
            .RequireCapability(Capability.HandleSuggestions)
            .CachedForCaller();

    private static async Task<Ok<SuggestionCounts>> Handle(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new CountSuggestions(), cancellationToken));
}
