using System.Globalization;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Organization;
using Fengqiao.Dispatch.Cases;
using Fengqiao.Dispatch.Rules;

namespace Fengqiao.Dispatch.BulkLoading;

/// <summary>A timeline entry as <see cref="CaseSql.InsertTimeline"/> takes it; replayed steps name the acting unit, not a person.</summary>
internal sealed record ReplayedTimelineEntry(Guid Id, Guid CaseId, DateTimeOffset OccurredAt, string Kind, bool IsPublic, string Text, string? UnitName)
{
    public Guid? UserId => null;

    public string? UserName => null;

    public bool ByAgent => false;
}

internal sealed record ReplayedCoUnit(Guid CaseId, Guid UnitId, string UnitName, DateTimeOffset? InputAt, string InputText);

internal sealed record ReplayedExtension(Guid Id, Guid CaseId, int Days, string Reason, DateTimeOffset RequestedAt, string? Decision, DateTimeOffset? DecidedAt, string? DecidedByName);

internal sealed record ReplayedPause(Guid Id, Guid CaseId, string Reason, DateTimeOffset PausedAt, DateTimeOffset? ResumedAt, int Days);

internal sealed record ReplayedOrder(
    Guid Id, Guid CaseId, Guid UnitId, string UnitName, string Text, DateOnly DueOn, DateTimeOffset IssuedAt, string IssuedByName, DateTimeOffset? AnsweredAt, string AnswerText);

internal sealed record ReplayedBreach(Guid CaseId, string Kind, DateTimeOffset Now);

internal sealed record ReplayedReminder(Guid Id, Guid CaseId, string Step, string Light, DateOnly DueOn, DateTimeOffset Now);

/// <summary>
/// One case as its history left it, with what its steps left in the other dispatch tables. The checklist is copied only
/// onto cases not closed yet (the case page of a closed case shows its timeline, not its ticks). <see cref="Events"/> are
/// the events the handlers and the watcher would have published that the projections (metrics) count, kept as history.
/// </summary>
internal sealed record ReplayedCase(
    CaseRow Row,
    List<ReplayedTimelineEntry> Timeline,
    List<ReplayedCoUnit> CoUnits,
    ReplayedExtension? Extension,
    ReplayedPause? Pause,
    ReplayedOrder? Order,
    IReadOnlyList<ChecklistItemTemplate> Checklist,
    DateTimeOffset? ChecklistDoneAt,
    List<ReplayedBreach> Breaches,
    List<ReplayedReminder> Reminders,
    IReadOnlyList<CaseEvent> Events);

/// <summary>
/// Takes a <see cref="CaseHistory"/> through its steps up to now as the handlers would have: the row each step's handler
/// saves (deadlines from the rule set and the work calendar), its timeline entries, the breaches of late steps, and the
/// lights, reminders and breaches the deadline watcher would have left by today.
/// </summary>
internal sealed class CaseReplay(DispatchRules rules, WorkCalendar calendar, DateTimeOffset now)
{
    private readonly DateOnly _today = WorkCalendar.LocalDate(now);

    /// <summary>The kind of a case that reviews <paramref name="reviewOf"/>: handling when it reviews nothing.</summary>
    public static CaseKind KindOfReview(CaseHistory? reviewOf) =>
        reviewOf is null ? CaseKind.Handling : reviewOf.ReviewOf is null ? CaseKind.Review : CaseKind.ReReview;

    public static Period ReplyPeriod(DispatchRules rules, CaseKind kind) => kind switch
    {
        CaseKind.Handling => rules.ReplyDeadline,
        CaseKind.Review => rules.ReviewDeadline,
        _ => rules.ReReviewDeadline,
    };

    /// <summary>As <see cref="AssignCaseHandler"/> counts it for a handling case; a review's from the day it was requested.</summary>
    public static DateOnly StatutoryReplyDue(DispatchRules rules, WorkCalendar calendar, CaseKind kind, DateOnly openedOn) =>
        kind == CaseKind.Handling ? CaseClock.ReplyDue(openedOn, rules.ReplyDeadline, 0, 0, calendar) : ReplyPeriod(rules, kind).From(openedOn, calendar);

    public static DateOnly Extended(DispatchRules rules, WorkCalendar calendar, CaseKind kind, DateOnly replyDue, int days) =>
        (ReplyPeriod(rules, kind) with { Days = days }).From(replyDue, calendar);

    public ReplayedCase Replay(CaseHistory history)
    {
        var kind = KindOfReview(history.ReviewOf);
        var timeline = new List<ReplayedTimelineEntry>();
        var breaches = new List<ReplayedBreach>();
        var reminders = new List<ReplayedReminder>();
        var events = new List<CaseEvent>();
        var openedOn = WorkCalendar.LocalDate(history.OpenedAt);
        var assignmentDue = kind == CaseKind.Handling ? rules.AssignmentDeadline.From(WorkCalendar.LocalDate(history.ReceivedAt), calendar) : openedOn;
        var row = new CaseRow
        {
            Id = history.Id,
            PetitionId = history.PetitionId,
            Kind = kind,
            ParentCaseId = history.ReviewOf?.Id,
            Number = history.Number,
            Category = history.Category,
            RegionId = history.Region.Id,
            RegionPath = history.Region.Path,
            RegionName = history.Region.Name,
            Summary = history.Summary,
            ReceivedAt = history.ReceivedAt,
            AcceptedAt = Root(history).OpenedAt,
            IsFirstTime = history.IsFirstTime,
            IsRepeat = history.IsRepeat,
            IsSkipLevel = history.IsSkipLevel,
            Status = CaseStatus.AwaitingAssignment,
            SuggestedUnitId = history.SuggestedUnit?.Id,
            ReportRequired = false,
            AssignmentDue = assignmentDue,
            ExtensionDays = 0,
            PausedDays = 0,
            CurrentStep = ClockStep.Assignment,
            CurrentDueOn = assignmentDue,
            CurrentYellowOn = assignmentDue,
            Light = Light.Green,
            IsListed = false,
            CreatedAt = history.OpenedAt,
            Version = 1,
        };

        void Step(DateTimeOffset at, CaseEventKind eventKind, bool isPublic, string text, string? unitName) =>
            timeline.Add(new ReplayedTimelineEntry(Guid.CreateVersion7(at), row.Id, at, eventKind.ToString(), isPublic, text, unitName));

        void Breach(ClockStep step, DateTimeOffset at)
        {
            var breach = CaseStore.BreachFor(step);
            if (at <= now && !breaches.Exists(b => b.Kind == breach))
            {
                breaches.Add(new ReplayedBreach(row.Id, breach, at));
            }
        }

        ReplayedCase Done(List<ReplayedCoUnit> coUnits, ReplayedExtension? extension = null, ReplayedPause? pause = null, ReplayedOrder? order = null,
            bool frozen = false, DateTimeOffset? checklistDoneAt = null) =>
            Finish(row, timeline, coUnits, extension, pause, order, breaches, reminders, events, frozen, checklistDoneAt);

        CaseEventHeader Header(DateTimeOffset at) => CaseEventHeader.Of(row, at);

        Step(history.OpenedAt, CaseEventKind.Opened, false, kind == CaseKind.Handling ? row.Number : history.ReviewOf!.ReviewRequestReason, null);
        if (history.ReviewOf is { } reviewed)
        {
            // As ReviewOpener publishes it: about the case reviewed, naming this review.
            var reviewedKind = KindOfReview(reviewed.ReviewOf).ToSnakeCase();
            events.Add(new CaseReviewRequested(Guid.CreateVersion7(history.OpenedAt), history.OpenedAt, reviewed.Id, reviewed.PetitionId, reviewedKind, reviewed.Region.Path,
                reviewed.Lead.Id, row.Id, kind.ToSnakeCase()));
        }

        if (!Happened(history.AssignedAt))
        {
            return Done([]);
        }

        var statutoryReplyDue = StatutoryReplyDue(rules, calendar, kind, openedOn);
        var mode = history.Forwarded ? AssignmentMode.Forward : AssignmentMode.Assign;
        var firstLead = history.Return?.ReturnedBy ?? history.Lead;
        row = Assigned(row, firstLead, mode, history.AssignedAt!.Value, statutoryReplyDue);
        if (kind == CaseKind.Handling && WorkCalendar.LocalDate(history.AssignedAt.Value) > row.AssignmentDue)
        {
            Breach(ClockStep.Assignment, history.AssignedAt.Value);
        }

        Step(history.AssignedAt.Value, mode == AssignmentMode.Forward ? CaseEventKind.Forwarded : CaseEventKind.Assigned, true, firstLead.Name, history.AssignedBy.Name);
        if (history.Agent is { } agent && Happened(agent.AssignedAt))
        {
            row = row with { AgentUserId = agent.Agent.Id, AgentName = agent.Agent.DisplayName };
            Step(agent.AssignedAt, CaseEventKind.AgentAssigned, false, agent.Agent.DisplayName, history.AssignedBy.Name);
        }

        if (history.Return is { } returned && Happened(returned.ReturnedAt))
        {
            row = row with { Status = CaseStatus.Returned, SignedAt = null };
            Step(returned.ReturnedAt, CaseEventKind.Returned, false, returned.Reason, returned.ReturnedBy.Name);
            if (!Happened(returned.ReassignedAt))
            {
                return Done([]);
            }

            row = Assigned(row, history.Lead, mode, returned.ReassignedAt!.Value, statutoryReplyDue);
            Step(returned.ReassignedAt.Value, CaseEventKind.Reassigned, true, history.Lead.Name, history.AssignedBy.Name);
        }

        var co = history.CoUnits.Select(u => new ReplayedCoUnit(row.Id, u.Unit.Id, u.Unit.Name, Happened(u.InputAt) ? u.InputAt : null, u.Input)).ToList();
        if (!Happened(history.SignedAt))
        {
            return Done(co);
        }

        var signedAt = history.SignedAt!.Value;
        row = row with { Status = CaseStatus.InProgress, SignedAt = signedAt };
        if (WorkCalendar.LocalDate(signedAt) > row.SignDue)
        {
            Breach(ClockStep.Signature, signedAt);
        }

        Step(signedAt, CaseEventKind.Signed, true, history.Lead.Name, history.Lead.Name);
        foreach (var input in co.Where(c => c.InputAt is not null))
        {
            Step(input.InputAt!.Value, CaseEventKind.CoUnitInput, false, input.InputText, input.UnitName);
        }

        var repliedAt = Happened(history.RepliedAt) ? history.RepliedAt : null;
        bool BeforeReply(DateTimeOffset at) => Happened(at) && (repliedAt is null || at < repliedAt);

        ReplayedExtension? extension = null;
        if (history.Extension is { } asked && BeforeReply(asked.RequestedAt))
        {
            var decided = Happened(asked.DecidedAt);
            extension = new ReplayedExtension(Guid.CreateVersion7(asked.RequestedAt), row.Id, asked.Days, asked.Reason, asked.RequestedAt,
                decided ? asked.Approved ? "Approved" : "Refused" : null, decided ? asked.DecidedAt : null, history.AssignedBy.Name);
            Step(asked.RequestedAt, CaseEventKind.ExtensionRequested, false, $"{asked.Days}: {asked.Reason}", history.Lead.Name);
            if (decided && asked.Approved)
            {
                row = row with { ExtensionDays = asked.Days, ReplyDue = Extended(rules, calendar, kind, statutoryReplyDue, asked.Days) };
                Step(asked.DecidedAt, CaseEventKind.ExtensionApproved, true, $"{row.ReplyDue:yyyy-MM-dd}: {asked.Reason}", history.AssignedBy.Name);
            }
            else if (decided)
            {
                Step(asked.DecidedAt, CaseEventKind.ExtensionRefused, false, asked.RefusalReason, history.AssignedBy.Name);
            }
        }

        var order = Order(row, history, BeforeReply);
        ReplayedPause? pause = null;
        if (history.Pause is { } paused && BeforeReply(paused.PausedAt))
        {
            pause = new ReplayedPause(Guid.CreateVersion7(paused.PausedAt), row.Id, paused.Reason, paused.PausedAt, null, 0);
            Step(paused.PausedAt, CaseEventKind.ClockPaused, true, paused.Reason, history.Lead.Name);
            if (!Happened(paused.ResumedAt))
            {
                var pausedOn = WorkCalendar.LocalDate(paused.PausedAt);
                var frozen = CaseClock.Read(row.Status, row.AssignmentDue, row.SignDue, row.ReplyDue, pausedOn, rules.YellowWorkingDays, calendar);
                row = row with
                {
                    PausedAt = paused.PausedAt, PauseReason = paused.Reason, CurrentStep = frozen.Step, CurrentDueOn = frozen.DueOn, CurrentYellowOn = frozen.YellowOn,
                    Light = frozen.Light,
                };
                return Done(co, extension, pause, AddOrderSteps(order), frozen: true);
            }

            var days = ReplyPeriod(rules, kind).Count(WorkCalendar.LocalDate(paused.PausedAt), WorkCalendar.LocalDate(paused.ResumedAt!.Value), calendar);
            pause = pause with { ResumedAt = paused.ResumedAt, Days = days };
            row = row with { PausedDays = days, ReplyDue = Extended(rules, calendar, kind, row.ReplyDue!.Value, days) };
            Step(paused.ResumedAt.Value, CaseEventKind.ClockResumed, true, $"{row.ReplyDue:yyyy-MM-dd}", history.Lead.Name);
        }

        AddOrderSteps(order);
        var dueOn = row.ReplyDue!.Value;
        var yellowOn = CaseClock.YellowFrom(dueOn, rules.YellowWorkingDays, calendar);
        var lastOpenDay = repliedAt is { } replied ? WorkCalendar.LocalDate(replied) : _today;
        if (yellowOn <= lastOpenDay && yellowOn <= dueOn)
        {
            Watched(row, ClockStep.Reply, dueOn, yellowOn, Light.Yellow, timeline, reminders, events);
        }

        if (dueOn < lastOpenDay)
        {
            Watched(row, ClockStep.Reply, dueOn, dueOn.AddDays(1), Light.Red, timeline, reminders, events);
            Breach(ClockStep.Reply, Local(dueOn.AddDays(1), 0, 5));
        }

        if (history.ListedAt is { } listedAt && BeforeReply(listedAt))
        {
            var reason = history.ListedReason ?? string.Empty;
            row = row with { IsListed = true, ListedReason = reason };
            Step(listedAt, CaseEventKind.ListedForSupervision, false, reason, history.AssignedBy.Name);
        }

        if (repliedAt is null)
        {
            return Done(co, extension, pause, order);
        }

        var opinion = QueryEnum.Parse<Opinion>(history.Opinion, nameof(CaseHistory.Opinion))!.Value;
        row = row with { Status = CaseStatus.Replied, RepliedAt = repliedAt, Opinion = opinion, ReplyText = history.ReplyText };
        Step(repliedAt.Value, CaseEventKind.Replied, true, history.ReplyText, history.Lead.Name);
        var reply = Header(repliedAt.Value);
        events.Add(new CaseReplied(reply.EventId, reply.OccurredAt, reply.CaseId, reply.PetitionId, reply.Kind, reply.RegionPath, reply.LeadUnitId,
            opinion.ToSnakeCase(), WorkCalendar.LocalDate(repliedAt.Value) <= dueOn));
        if (Happened(history.RatedAt) && QueryEnum.Parse<Rating>(history.Rating, nameof(CaseHistory.Rating)) is { } rating)
        {
            var ratedAt = history.RatedAt!.Value;
            row = row with { Rating = rating, RatingSource = history.RatedByPetitioner ? RatingSource.Petitioner : RatingSource.Callback, RatedAt = ratedAt };
            Step(ratedAt, CaseEventKind.Rated, history.RatedByPetitioner, rating.ToSnakeCase(), history.RatedByPetitioner ? null : history.Lead.Name);
            var rated = Header(ratedAt);
            events.Add(new CaseRated(rated.EventId, rated.OccurredAt, rated.CaseId, rated.PetitionId, rated.Kind, rated.RegionPath, rated.LeadUnitId, rating.ToSnakeCase(),
                row.RatingSource!.Value.ToSnakeCase()));
            if (Happened(history.ReviewRequestedAt))
            {
                row = row with { ReviewRequestedAt = history.ReviewRequestedAt };
                Step(history.ReviewRequestedAt!.Value, CaseEventKind.ReviewRequested, true, history.ReviewRequestReason, null);
            }
        }

        if (!Happened(history.ClosedAt))
        {
            return Done(co, extension, pause, order, checklistDoneAt: repliedAt.Value - TimeSpan.FromHours(1));
        }

        var closedAt = history.ClosedAt!.Value;
        var final = kind == CaseKind.ReReview;
        row = row with { Status = CaseStatus.Closed, ClosedAt = closedAt, FinalAt = final ? closedAt : null };
        Step(closedAt, CaseEventKind.Closed, true, string.Empty, history.Lead.Name);
        var closed = Header(closedAt);
        events.Add(new CaseClosed(closed.EventId, closed.OccurredAt, closed.CaseId, closed.PetitionId, closed.Kind, closed.RegionPath, closed.LeadUnitId, row.Rating?.ToSnakeCase()));
        if (final)
        {
            Step(closedAt, CaseEventKind.Final, true, row.Number, history.Lead.Name);
        }

        return Done(co, extension, pause, order);

        ReplayedOrder? AddOrderSteps(ReplayedOrder? issued)
        {
            if (issued is not null)
            {
                Step(issued.IssuedAt, CaseEventKind.SupervisionOrderIssued, false, $"{issued.UnitName}: {issued.Text}", issued.IssuedByName);
                if (issued.AnsweredAt is { } answeredAt)
                {
                    Step(answeredAt, CaseEventKind.SupervisionOrderAnswered, false, issued.AnswerText, issued.UnitName);
                }
            }

            return issued;
        }
    }

    private static CaseHistory Root(CaseHistory history) => history.ReviewOf is null ? history : Root(history.ReviewOf);

    private bool Happened(DateTimeOffset? at) => at is { } instant && instant <= now;

    /// <summary>A supervision order issued before the reply, to the lead unit; its answer only once given.</summary>
    private ReplayedOrder? Order(CaseRow row, CaseHistory history, Func<DateTimeOffset, bool> beforeReply) =>
        history.Order is { } order && beforeReply(order.IssuedAt)
            ? new ReplayedOrder(Guid.CreateVersion7(order.IssuedAt), row.Id, history.Lead.Id, history.Lead.Name, order.Text, order.DueOn, order.IssuedAt, order.IssuedByName,
                Happened(order.AnsweredAt) ? order.AnsweredAt : null, order.Answer)
            : null;

    /// <summary>Reads the clock as <see cref="CaseStore.SaveAsync"/> would today; a paused clock keeps the reading of the day it stopped.</summary>
    private ReplayedCase Finish(
        CaseRow row,
        List<ReplayedTimelineEntry> timeline,
        List<ReplayedCoUnit> coUnits,
        ReplayedExtension? extension,
        ReplayedPause? pause,
        ReplayedOrder? order,
        List<ReplayedBreach> breaches,
        List<ReplayedReminder> reminders,
        List<CaseEvent> events,
        bool frozen,
        DateTimeOffset? checklistDoneAt)
    {
        if (!frozen)
        {
            var reading = CaseClock.Read(row.Status, row.AssignmentDue, row.SignDue, row.ReplyDue, _today, rules.YellowWorkingDays, calendar);
            row = row with { CurrentStep = reading.Step, CurrentDueOn = reading.DueOn, CurrentYellowOn = reading.YellowOn, Light = reading.Light };
            if (reading.Light == Light.Red && reading.Step != ClockStep.Reply)
            {
                breaches.Add(new ReplayedBreach(row.Id, CaseStore.BreachFor(reading.Step), Local(reading.DueOn.AddDays(1), 0, 5)));
                Watched(row, reading.Step, reading.DueOn, reading.DueOn.AddDays(1), Light.Red, timeline, reminders, events);
            }
        }

        var open = row.Status != CaseStatus.Closed;
        return new ReplayedCase(row, timeline, coUnits, extension, pause, order, open ? rules.ChecklistFor(row.IsFirstTime) : [], checklistDoneAt, breaches, reminders, events);
    }

    /// <summary>What the deadline watcher left when the light changed: a reminder and an internal timeline entry, just after midnight, and the overdue event.</summary>
    private void Watched(
        CaseRow row, ClockStep step, DateOnly dueOn, DateOnly on, Light light, List<ReplayedTimelineEntry> timeline, List<ReplayedReminder> reminders, List<CaseEvent> events)
    {
        var at = Local(on, 0, 5);
        if (at > now)
        {
            return;
        }

        if (light == Light.Red)
        {
            events.Add(new CaseOverdue(Guid.CreateVersion7(at), at, row.Id, row.PetitionId, row.Kind.ToSnakeCase(), row.RegionPath, row.LeadUnitId, step.ToSnakeCase(), dueOn));
        }

        reminders.Add(new ReplayedReminder(Guid.CreateVersion7(at), row.Id, step.ToString(), light.ToString(), dueOn, at));
        timeline.Add(new ReplayedTimelineEntry(Guid.CreateVersion7(at), row.Id, at, (light == Light.Red ? CaseEventKind.Overdue : CaseEventKind.DueSoon).ToString(), false,
            dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null));
    }

    /// <summary>As <see cref="AssignCaseHandler"/> sets it: the lead, the sign and return periods from the day assigned, the statutory reply deadline.</summary>
    private CaseRow Assigned(CaseRow row, UnitSnapshot lead, AssignmentMode mode, DateTimeOffset at, DateOnly replyDue)
    {
        var day = WorkCalendar.LocalDate(at);
        return row with
        {
            Status = CaseStatus.AwaitingSignature,
            AssignmentMode = mode,
            ReportRequired = mode == AssignmentMode.Assign,
            LeadUnitId = lead.Id,
            LeadUnitName = lead.Name,
            AssignedAt = at,
            SignDue = rules.SignDeadline.From(day, calendar),
            ReturnDue = rules.ReturnDeadline.From(day, calendar),
            ReplyDue = replyDue,
            SignedAt = null,
        };
    }

    private static DateTimeOffset Local(DateOnly day, int hour, int minute)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, WorkCalendar.ChinaStandardTime.GetUtcOffset(local)).ToUniversalTime();
    }
}
