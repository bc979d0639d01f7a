using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Mediation.Clock;
using Fengqiao.Mediation.FollowUps;
using Fengqiao.Mediation.Outcomes;
using Fengqiao.Mediation.Sessions;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Disputes;

/// <summary>A party as every reader sees it: a person's ID number and phone masked (330602********1234, 138****5678).</summary>
internal sealed record DisputePartyView
{
    public required Guid Id { get; init; }

    public required DisputeSide Side { get; init; }

    public required PartyKind Kind { get; init; }

    public required string Name { get; init; }

    public required string? IdNumberMasked { get; init; }

    public required string? PhoneMasked { get; init; }

    public required string? OrganisationCode { get; init; }
}

internal sealed record AssistingMediatorView
{
    public required Guid MediatorId { get; init; }

    public required string MediatorName { get; init; }
}

/// <summary>Where a session stands: booked, held with its record, or cancelled (its slots freed).</summary>
public enum SessionStatus
{
    Scheduled,
    Held,
    Cancelled,
}

internal sealed record SessionView
{
    public required Guid Id { get; init; }

    public required string RoomName { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }

    public required SessionStatus Status { get; init; }

    public required bool? ApplicantAttended { get; init; }

    public required bool? RespondentAttended { get; init; }

    /// <summary>The record 笔录 of a held session.</summary>
    public required string? Record { get; init; }

    public required DateTimeOffset? HeldAt { get; init; }

    /// <summary>Why the session was last moved, if it was.</summary>
    public required string? RescheduleReason { get; init; }

    public required string? CancelReason { get; init; }

    public required long Version { get; init; }

    public IReadOnlyList<string> MediatorNames { get; init; } = [];

    /// <summary>The parties invited to the session, as the dispute names them.</summary>
    public IReadOnlyList<string> InvitedPartyNames { get; init; } = [];
}

internal sealed record SessionMediatorRow(Guid SessionId, string MediatorName);

internal sealed record SessionInviteeRow(Guid SessionId, string PartyName);

/// <param name="Performance">What the last return visit found of the agreement's performance; <paramref name="PerformedOn"/> the day one found it performed.</param>
/// <param name="FollowUps">The return visits after the agreement, latest first.</param>
/// <param name="Clock">The mediation time limit of a type that has one, from acceptance.</param>
/// <param name="Representatives">Each side's representatives, masked as the parties are.</param>
/// <param name="RepresentativeLimitPerSide">How many representatives a side may name in a dispute of this type, by the rule set.</param>
/// <param name="CanChangeRepresentatives">Whether the caller may add or remove representatives now: the dispute is open and the caller mediates.</param>
/// <param name="Sessions">By start.</param>
/// <param name="AllowedActions">The steps the dispute's state allows and the caller may take.</param>
internal sealed record DisputeDetail(
    Guid Id,
    string Number,
    DisputeStatus Status,
    string DisputeType,
    string Summary,
    string Claims,
    decimal? AmountClaimed,
    Guid RegionId,
    string RegionName,
    DisputeSource Source,
    string? CourtName,
    string? CourtCaseNumber,
    Guid? PetitionId,
    string? PetitionNumber,
    Guid? RoomId,
    string? RoomName,
    Guid? LeadMediatorId,
    string? LeadMediatorName,
    IReadOnlyList<AssistingMediatorView> AssistingMediators,
    IReadOnlyList<DisputePartyView> Parties,
    IReadOnlyList<DisputeRepresentativeView> Representatives,
    int RepresentativeLimitPerSide,
    bool CanChangeRepresentatives,
    ConsentState ApplicantConsent,
    ConsentState RespondentConsent,
    string? Guidance,
    string? WithdrawalReason,
    string? FailureReason,
    AgreementView? Agreement,
    Performance? Performance,
    DateOnly? PerformedOn,
    IReadOnlyList<FollowUpView> FollowUps,
    MediationClockView? Clock,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<SessionView> Sessions,
    IReadOnlyList<DisputeAction> AllowedActions,
    long Version);

internal sealed record GetDispute(Guid Id) : IQuery<DisputeDetail>;

internal sealed class GetDisputeHandler(IDbSession session, DisputeStore store, ICurrentUser caller, IRuleSets ruleSets, WorkCalendar calendar, TimeProvider clock)
    : IQueryHandler<GetDispute, DisputeDetail>
{
    public async ValueTask<DisputeDetail> Handle(GetDispute query, CancellationToken cancellationToken)
    {
        var d = await store.GetAsync(query.Id, cancellationToken);
        var parties = await session.QueryAsync<DisputePartyView>(DisputeSql.PartiesOf, new { DisputeId = d.Id }, cancellationToken);
        var assistants = await session.QueryAsync<AssistingMediatorView>(DisputeSql.AssistantsOf, new { DisputeId = d.Id }, cancellationToken);
        var representatives = await session.QueryAsync<DisputeRepresentativeView>(DisputeSql.RepresentativesOf, new { DisputeId = d.Id }, cancellationToken);
        var sessionMediators = (await session.QueryAsync<SessionMediatorRow>(SessionSql.MediatorsOfDispute, new { DisputeId = d.Id }, cancellationToken))
            .ToLookup(m => m.SessionId, m => m.MediatorName);
        var invitees = (await session.QueryAsync<SessionInviteeRow>(SessionSql.InviteesOfDispute, new { DisputeId = d.Id }, cancellationToken))
            .ToLookup(i => i.SessionId, i => i.PartyName);
        var sessions = (await session.QueryAsync<SessionView>(SessionSql.OfDispute, new { DisputeId = d.Id }, cancellationToken))
            .Select(s => s with { MediatorNames = sessionMediators[s.Id].ToList(), InvitedPartyNames = invitees[s.Id].ToList() }).ToList();
        var agreement = await session.QuerySingleOrDefaultAsync<AgreementView>(OutcomeSql.AgreementOf, new { DisputeId = d.Id }, cancellationToken) is { } stored
            ? stored with { ConfirmationReminderDays = MediationRuleSection.From(ruleSets).ConfirmationReminderDays }
            : null;
        var followUps = await session.QueryAsync<FollowUpView>(FollowUpSql.OfDispute, new { DisputeId = d.Id }, cancellationToken);
        var mediationClock = await ClockOfAsync(d, cancellationToken);
        var mediates = Capabilities.Holds(caller, Capability.MediateDisputes);
        var allowed = mediates ? DisputeStateMachine.AllowedIn(d.State) : [];
        return new DisputeDetail(d.Id, d.Number, d.Status, d.DisputeType, d.Summary, d.Claims, d.AmountClaimed, d.RegionId, d.RegionName, d.Source, d.CourtName,
            d.CourtCaseNumber, d.PetitionId, d.PetitionNumber, d.RoomId, d.RoomName, d.LeadMediatorId, d.LeadMediatorName, assistants, parties,
            representatives, RepresentativeLimits.PerSide(ruleSets, d.DisputeType), mediates && DisputeStateMachine.IsOpen(d.Status),
            d.ApplicantConsent, d.RespondentConsent, d.Guidance, d.WithdrawalReason, d.FailureReason, agreement, d.Performance, d.PerformedOn,
            followUps, mediationClock, d.RegisteredAt, d.AcceptedAt, d.ClosedAt, sessions, allowed, d.Version);
    }

    private async Task<MediationClockView?> ClockOfAsync(DisputeRow d, CancellationToken cancellationToken)
    {
        if (d.ClockDueOn is not { } dueOn || MediationRuleSection.From(ruleSets).TimeLimitOf(d.DisputeType) is not { } limit)
        {
            return null;
        }

        var entries = await session.QueryAsync<ClockEntryView>(ClockSql.EntriesOf, new { DisputeId = d.Id }, cancellationToken);
        var today = WorkCalendar.LocalDate(clock.GetUtcNow());
        var running = d.Status == DisputeStatus.Accepted;
        return new MediationClockView(limit.Days, limit.WorkingDays, limit.Source, dueOn, d.ClockPausedAt, d.ClockPauseReason, d.ClockPausedDays, d.ClockExtendedDays,
            MediationClock.WorkingDaysLeft(dueOn, today, calendar), running && MediationClock.IsOverdue(dueOn, d.ClockPausedAt is not null, today), entries);
    }
}

internal static class GetDisputeEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapGet("/{id:guid}", Handle)
            .WithName("GetDispute")
            .WithDescription("One dispute of the caller's jurisdiction: masked parties and representatives (with the rule set's limit per side), mediators, each side's consent, sessions, and the steps the caller may take now, with the ETag for changing it. 404 when it does not exist or lies outside the caller's jurisdiction.")
            .ProducesETag()
            .WithSummary("A dispute with its masked parties, mediators, each side's consent and the steps the caller may take.")
            .RequireCapability(Capability.ViewDisputes)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<DisputeDetail>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var dispute = await sender.Send(new GetDispute(id), cancellationToken);
        Versioning.SetETag(context, dispute.Version);
        return TypedResults.Ok(dispute);
    }
}
