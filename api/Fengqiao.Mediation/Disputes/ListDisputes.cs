using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Contracts.Organization;
using Fengqiao.Mediation.Clock;
using Fengqiao.Mediation.Outcomes;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Disputes;

internal sealed record DisputeListItem
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required DisputeStatus Status { get; init; }

    public required string DisputeType { get; init; }

    public required DisputeSource Source { get; init; }

    public required string Summary { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required Guid? RoomId { get; init; }

    public required string? RoomName { get; init; }

    public required string? LeadMediatorName { get; init; }

    public required string ApplicantNames { get; init; }

    public required string RespondentNames { get; init; }

    public required string? PetitionNumber { get; init; }

    /// <summary>What the last return visit found of an agreement's performance.</summary>
    public required Performance? Performance { get; init; }

    /// <summary>The mediation deadline of a type with a time limit; <see cref="ClockOverdue"/> when it passed while the clock ran.</summary>
    public required DateOnly? ClockDueOn { get; init; }

    public required DateTimeOffset? ClockPausedAt { get; init; }

    public bool ClockOverdue { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required long Version { get; init; }
}

internal sealed record DisputeCursor(DateTimeOffset A, Guid I);

/// <summary>
/// The disputes of the caller's jurisdiction, latest first, optionally of a region's subtree, a status, a type, a source and a room; with
/// <see cref="AwaitingPerformance"/>, only the agreements no return visit has yet found performed, for action; with
/// <see cref="ClockOverdue"/>, only the accepted disputes whose time limit passed while the clock ran; with <see cref="ConfirmationDueSoon"/>,
/// only the agreements not yet brought to a court whose last day to apply for judicial confirmation is within the rule set's reminder days.
/// </summary>
internal sealed record ListDisputes(
    Guid? RegionId, DisputeStatus? Status, string? DisputeType, DisputeSource? Source, Guid? RoomId, bool? AwaitingPerformance, bool? ClockOverdue, string? Cursor,
    int? Limit, bool? ConfirmationDueSoon = null)
    : IQuery<Page<DisputeListItem>>;

internal sealed class ListDisputesValidator : AbstractValidator<ListDisputes>
{
    public ListDisputesValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.DisputeType).MaximumLength(50);
    }
}

internal sealed class ListDisputesHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory, IRuleSets ruleSets, TimeProvider clock)
    : IQueryHandler<ListDisputes, Page<DisputeListItem>>
{
    public async ValueTask<Page<DisputeListItem>> Handle(ListDisputes query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? BuildingBlocks.Http.Cursor.DefaultLimit;
        var after = BuildingBlocks.Http.Cursor.Decode<DisputeCursor>(query.Cursor);
        var regionPrefix = "%";
        if (query.RegionId is { } regionId)
        {
            // An unknown region matches no path, so the list is empty rather than the whole jurisdiction.
            regionPrefix = await directory.FindRegionAsync(regionId, cancellationToken) is { } region ? region.Path + "%" : "\u0000";
        }

        var today = WorkCalendar.LocalDate(clock.GetUtcNow());
        var rows = await session.QueryInJurisdictionAsync<DisputeListItem>(
            caller,
            DisputeSql.List(session.Dialect)[after is null ? "first" : "after"],
            new
            {
                RegionPrefix = regionPrefix,
                Status = query.Status?.ToString(),
                DisputeType = string.IsNullOrEmpty(query.DisputeType) ? null : query.DisputeType,
                Source = query.Source?.ToString(),
                query.RoomId,
                AwaitingPerformance = query.AwaitingPerformance == true,
                ClockOverdue = query.ClockOverdue == true,
                Today = today,
                ConfirmationDueSoon = query.ConfirmationDueSoon == true,
                ConfirmationDueBy = today.AddDays(MediationRuleSection.From(ruleSets).ConfirmationReminderDays),
                Limit = limit + 1,
                AfterAt = after?.A,
                AfterId = after?.I,
            },
            cancellationToken);
        var flagged = rows.Select(r => r.Status == DisputeStatus.Accepted && r.ClockDueOn is { } due
            ? r with { ClockOverdue = MediationClock.IsOverdue(due, r.ClockPausedAt is not null, today) }
            : r).ToList();
        return BuildingBlocks.Http.Cursor.ToPage(flagged, limit, r => new DisputeCursor(r.RegisteredAt, r.Id));
    }
}

internal static class ListDisputesEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapGet("/", Handle)
            .WithName("ListDisputes")
            .WithDescription("The dispute worklist of the caller's jurisdiction, latest first, optionally of one region's subtree, status, type, source (walk-in, court referral, petition referral, ...) and room, keyset-paginated; `awaitingPerformance=true` lists the agreements no return visit has yet found performed, for action; `clockOverdue=true` the accepted disputes past their time limit (medical disputes: 30 working days, appraisal excluded); `confirmationDueSoon=true` the agreements not yet brought to a court whose last day to apply for judicial confirmation is today or within the rule set's reminder days. Parties are shown masked.")
            .WithSummary("The dispute worklist of the caller's jurisdiction, latest first, filtered by region, status, type, source and room.")
            .RequireCapability(Capability.ViewDisputes)
            .ProducesValidationProblem();

    private static async Task<Ok<Page<DisputeListItem>>> Handle(
        Guid? regionId,
        [QueryEnum(typeof(DisputeStatus))] string? status,
        string? disputeType,
        [QueryEnum(typeof(DisputeSource))] string? source,
        Guid? roomId,
        bool? awaitingPerformance,
        bool? clockOverdue,
        bool? confirmationDueSoon,
        string? cursor,
        int? limit,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new ListDisputes(regionId, QueryEnum.Parse<DisputeStatus>(status, nameof(status)), disputeType, QueryEnum.Parse<DisputeSource>(source, nameof(source)), roomId,
                awaitingPerformance, clockOverdue, cursor, limit, confirmationDueSoon),
            cancellationToken));
}
