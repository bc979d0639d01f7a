using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Counts;

internal sealed record MediationWorkCounts
{
    /// <summary>Sessions still scheduled for today (Asia/Shanghai) that name the caller's mediator account, in rooms of the jurisdiction.</summary>
    public required long SessionsToday { get; init; }

    /// <summary>Disputes of the jurisdiction registered and awaiting both sides' consent (the worklist's status <c>registered</c>).</summary>
    public required long DisputesToAccept { get; init; }
}

/// <summary>What waits for a mediator: the home page's counts.</summary>
internal sealed record CountMediationWork : IQuery<MediationWorkCounts>;

internal sealed class CountMediationWorkHandler(IDbSession session, ICurrentUser caller, TimeProvider clock) : IQueryHandler<CountMediationWork, MediationWorkCounts>
{
    public async ValueTask<MediationWorkCounts> Handle(CountMediationWork query, CancellationToken cancellationToken)
    {
        var today = WorkCalendar.LocalDate(clock.GetUtcNow());
        return (await session.QueryInJurisdictionAsync<MediationWorkCounts>(
            caller,
            CountSql.Work,
            new { CallerUserId = caller.UserId ?? Guid.Empty, From = WorkCalendar.StartOfLocalDay(today), To = WorkCalendar.StartOfLocalDay(today.AddDays(1)) },
            cancellationToken)).Single();
    }
}

internal static class CountMediationWorkEndpoint
{
    public static void Map(IEndpointRouteBuilder mediation) =>
        mediation.MapGet("/counts", Handle)
            .WithName("CountMediationWork")
            .WithDescription("What waits for the calling mediator: the sessions still scheduled for today (China time) that name them, in rooms of their jurisdiction, and the disputes of the jurisdiction registered and awaiting both sides' consent (status `registered`): the counts of the home page, which open the session calendar and the dispute worklist. 403 for roles that do not mediate.")
            .WithSummary("The calling mediator's sessions today and the disputes of the jurisdiction awaiting consent.")
            .RequireCapability(Capability.MediateDisputes)
            .CachedForCaller();

    private static async Task<Ok<MediationWorkCounts>> Handle(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new CountMediationWork(), cancellationToken));
}
