using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Organization;
using Fengqiao.Dispatch.Rules;

namespace Fengqiao.Dispatch.Cases;

/// <summary>
/// 复查 / 复核 (Art 35, 36): within the window after the written reply, a review case goes to the petition bureau one
/// level above the unit that replied, with its own deadline. A re-review is the last step: after it the matter is final.
/// </summary>
internal sealed class ReviewOpener(
    CaseStore store,
    ChecklistTemplates checklists,
    IOrganizationDirectory directory,
    IEventPublisher events,
    DispatchRules rules,
    WorkCalendar calendar,
    TimeProvider clock)
{
    public async Task<(long ParentVersion, Guid ReviewCaseId)> OpenAsync(CaseRow parent, string reason, CancellationToken cancellationToken)
    {
        CaseStateMachine.Next(parent.Status, CaseAction.RequestReview);
        var (reviewKind, window, deadline, suffix) = parent.Kind switch
        {
            CaseKind.Handling => (CaseKind.Review, rules.ReviewRequestWindow, rules.ReviewDeadline, "复查"),
            CaseKind.Review => (CaseKind.ReReview, rules.ReReviewRequestWindow, rules.ReReviewDeadline, "复核"),
            _ => throw new ConflictException("final", "The matter is final after re-review (复核); it is not reviewed again."),
        };
        if (parent.ReviewRequestedAt is not null)
        {
            throw new ConflictException("review_requested", "A review of this reply was requested already.");
        }

        var today = store.Today;
        var windowEnd = window.From(WorkCalendar.LocalDate(parent.RepliedAt!.Value), calendar);
        if (today > windowEnd)
        {
            throw new ConflictException("review_window_passed", $"A review could be requested until {windowEnd:yyyy-MM-dd}.");
        }

        var bureau = await HigherBureauAsync(parent, cancellationToken)
            ?? throw new ConflictException("no_higher_level", "There is no petition bureau above the unit that replied.");
        var now = clock.GetUtcNow();
        var review = parent with
        {
            Id = Guid.CreateVersion7(now),
            Kind = reviewKind,
            ParentCaseId = parent.Id,
            Number = $"{PetitionNumberOf(parent.Number)}-{suffix}",
            Status = CaseStatus.AwaitingSignature,
            SuggestedUnitId = bureau.Id,
            LeadUnitId = bureau.Id,
            LeadUnitName = bureau.Name,
            AssignmentMode = AssignmentMode.Assign,
            ReportRequired = true,
            AssignedAt = now,
            AssignmentDue = today,
            SignDue = rules.SignDeadline.From(today, calendar),
            SignedAt = null,
            ReturnDue = rules.ReturnDeadline.From(today, calendar),
            ReplyDue = deadline.From(today, calendar),
            ExtensionDays = 0,
            PausedDays = 0,
            PausedAt = null,
            PauseReason = null,
            RepliedAt = null,
            Opinion = null,
            ReplyText = null,
            Rating = null,
            RatingSource = null,
            RatingNote = null,
            RatedAt = null,
            ClosedAt = null,
            FinalAt = null,
            ReviewRequestedAt = null,
            LeaderUserId = null,
            LeaderName = null,
            IsListed = false,
            ListedReason = null,
            CreatedAt = now,
            Version = 1,
        };
        var reading = CaseClock.Read(review.Status, review.AssignmentDue, review.SignDue, review.ReplyDue, today, rules.YellowWorkingDays, calendar);
        review = review with { CurrentStep = reading.Step, CurrentDueOn = reading.DueOn, CurrentYellowOn = reading.YellowOn, Light = reading.Light };
        await store.InsertAsync(review, cancellationToken);
        await checklists.CreateAsync(review.Id, rules.ChecklistFor(false), cancellationToken);
        await store.AddTimelineAsync(review.Id, CaseEventKind.Opened, false, reason, null, null, null, false, cancellationToken);
        await store.AddTimelineAsync(review.Id, CaseEventKind.Assigned, true, bureau.Name, null, null, null, false, cancellationToken);

        var parentVersion = await store.SaveAsync(parent, parent with { ReviewRequestedAt = now }, "case.review_requested", cancellationToken);
        var h = CaseEventHeader.Of(parent, now);
        events.Publish(new CaseReviewRequested(h.EventId, h.OccurredAt, h.CaseId, h.PetitionId, h.Kind, h.RegionPath, h.LeadUnitId, review.Id, reviewKind.ToSnakeCase()));
        return (parentVersion, review.Id);
    }

    private static string PetitionNumberOf(string caseNumber) =>
        caseNumber.EndsWith("-复查", StringComparison.Ordinal) || caseNumber.EndsWith("-复核", StringComparison.Ordinal) ? caseNumber[..^3] : caseNumber;

    /// <summary>The petition bureau of the region above the region of the unit that replied.</summary>
    private async Task<UnitSnapshot?> HigherBureauAsync(CaseRow parent, CancellationToken cancellationToken)
    {
        var lead = parent.LeadUnitId is { } id ? await directory.FindUnitAsync(id, cancellationToken) : null;
        var codes = (lead?.RegionPath ?? parent.RegionPath).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (codes.Length < 2)
        {
            return null;
        }

        var higherPath = "/" + string.Join('/', codes.Take(codes.Length - 1)) + "/";
        var units = await directory.ListUnitsAsync(cancellationToken);
        return units.FirstOrDefault(u => u.Kind == "petition_bureau" && u.RegionPath == higherPath);
    }
}
