using Dapper;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Dispatch.Attachments;
using Fengqiao.Dispatch.Rules;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

internal sealed record GetCase(Guid Id) : IQuery<CaseDetail>;

/// <summary>
/// One round trip: the case row (none when the case is outside the caller's jurisdiction) and everything recorded
/// against it, in the result sets of <see cref="CaseSql.Detail"/>.
/// </summary>
internal sealed class GetCaseHandler(IDbSession session, CaseStore store, ICurrentUser caller, DispatchRules rules)
    : IQueryHandler<GetCase, CaseDetail>
{
    public async ValueTask<CaseDetail> Handle(GetCase query, CancellationToken cancellationToken)
    {
        await using var results = await session.QueryMultipleAsync(CaseSql.Detail, store.VisibleTo(new { query.Id, CaseId = query.Id }), cancellationToken);
        var c = await results.ReadSingleOrDefaultAsync<CaseRow>() ?? throw new NotFoundException("Case");
        var coUnits = (await results.ReadAsync<CoUnitView>()).AsList();
        var checklist = (await results.ReadAsync<ChecklistItemView>()).AsList();
        var extensions = (await results.ReadAsync<ExtensionView>()).AsList();
        var pauses = (await results.ReadAsync<PauseView>()).AsList();
        var orders = (await results.ReadAsync<SupervisionOrderView>()).AsList();
        var reminders = (await results.ReadAsync<ReminderView>()).AsList();
        var breaches = (await results.ReadAsync<string>()).AsList();
        var timeline = (await results.ReadAsync<CaseTimelineEntry>()).AsList();
        var files = (await results.ReadAsync<CaseAttachmentView>()).AsList();
        var situation = new CaseSituation(
            c,
            coUnits.Select(u => new UnitTask(u.UnitId, u.InputAt is not null)).ToList(),
            orders.Select(o => new UnitTask(o.UnitId, o.AnsweredAt is not null)).ToList(),
            extensions.Any(e => e.Status == "Pending"),
            checklist.Count(i => i.DoneAt is null),
            store.Today,
            store.ReviewRequestableUntil(c));
        return new CaseDetail
        {
            Id = c.Id,
            PetitionId = c.PetitionId,
            Number = c.Number,
            Kind = c.Kind,
            ParentCaseId = c.ParentCaseId,
            Status = c.Status,
            Category = c.Category,
            RegionId = c.RegionId,
            RegionName = c.RegionName,
            Summary = c.Summary,
            ReceivedAt = c.ReceivedAt,
            AcceptedAt = c.AcceptedAt,
            IsFirstTime = c.IsFirstTime,
            IsRepeat = c.IsRepeat,
            IsSkipLevel = c.IsSkipLevel,
            SuggestedUnitId = c.SuggestedUnitId,
            LeadUnitId = c.LeadUnitId,
            LeadUnitName = c.LeadUnitName,
            AssignmentMode = c.AssignmentMode,
            ReportRequired = c.ReportRequired,
            AssignedAt = c.AssignedAt,
            SignedAt = c.SignedAt,
            Deadlines = new CaseDeadlines(c.AssignmentDue, c.SignDue, c.ReturnDue, c.ReplyDue, c.ExtensionDays, c.PausedDays, rules.RuleSet, rules.RuleSetTitle),
            CurrentStep = c.CurrentStep,
            CurrentDueOn = c.CurrentDueOn,
            Light = c.Light,
            PausedAt = c.PausedAt,
            PauseReason = c.PauseReason,
            RepliedAt = c.RepliedAt,
            Opinion = c.Opinion,
            ReplyText = c.ReplyText,
            Attachments = files,
            Rating = c.Rating,
            RatingSource = c.RatingSource,
            RatingNote = c.RatingNote,
            RatingState = RatingStateOf(c, store.Today),
            ClosedAt = c.ClosedAt,
            FinalAt = c.FinalAt,
            ReviewRequestedAt = c.ReviewRequestedAt,
            AgentUserId = c.AgentUserId,
            AgentName = c.AgentName,
            LeaderName = c.LeaderName,
            IsListed = c.IsListed,
            ListedReason = c.ListedReason,
            CoUnits = coUnits,
            Checklist = checklist,
            Extensions = extensions,
            Pauses = pauses,
            SupervisionOrders = orders,
            Reminders = reminders,
            Breaches = breaches,
            Timeline = timeline,
            AllowedActions = CaseActions.Allowed(situation, caller),
            Version = c.Version,
        };
    }

    private RatingState RatingStateOf(CaseRow c, DateOnly today) =>
        c.Rating is not null ? RatingState.Rated
        : c.RepliedAt is not { } replied ? RatingState.NotReplied
        : today > BuildingBlocks.Clock.WorkCalendar.LocalDate(replied).AddDays(rules.UnratedAfterDays) ? RatingState.NotRated
        : RatingState.Awaiting;
}

internal static class GetCaseEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapGet("/{id:guid}", Handle)
            .WithName("GetCase")
            .WithDescription("One case within the caller's jurisdiction: its petition, lead and co-handling units, deadlines and light, reply and files, co-unit inputs, closure checklist, extensions, supervision orders, timeline, and `allowedActions`, what this caller may do to it now. The ETag is what every change of the case takes in If-Match. 404 when it does not exist or lies outside the caller's jurisdiction.")
            .ProducesETag()
            .WithSummary("A case with its deadlines and light, reply and files, co-unit inputs, checklist, extensions, supervision, timeline and the caller's allowed actions.")
            .RequireSignedIn()
            .CachedForCaller()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<CaseDetail>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var detail = await sender.Send(new GetCase(id), cancellationToken);
        Versioning.SetETag(context, detail.Version);
        return TypedResults.Ok(detail);
    }
}
