using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Mediation.Disputes;
using Fengqiao.Mediation.Mediators;
using Fengqiao.Mediation.Rooms;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Calendar;

internal sealed record CalendarMediator(Guid Id, string Name);

/// <summary>A session as a calendar shows it: when, where, for which dispute, with whom.</summary>
internal sealed record CalendarSession(
    Guid Id,
    Guid DisputeId,
    string DisputeNumber,
    Guid RoomId,
    string RoomName,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    SessionStatus Status,
    IReadOnlyList<CalendarMediator> Mediators,
    long Version);

/// <param name="From">The first day shown (Asia/Shanghai).</param>
/// <param name="To">The day after the last one shown.</param>
/// <param name="Sessions">The scheduled and held sessions overlapping those days, by start.</param>
internal sealed record SessionCalendar(DateOnly From, DateOnly To, IReadOnlyList<CalendarSession> Sessions);

internal sealed record CalendarSessionRow
{
    public required Guid Id { get; init; }

    public required Guid DisputeId { get; init; }

    public required string DisputeNumber { get; init; }

    public required Guid RoomId { get; init; }

    public required string RoomName { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }

    public required SessionStatus Status { get; init; }

    public required long Version { get; init; }
}

internal sealed record CalendarMediatorRow
{
    public required Guid SessionId { get; init; }

    public required Guid MediatorId { get; init; }

    public required string MediatorName { get; init; }
}

/// <summary>
/// The sessions of a room, or of one of its mediators when <see cref="MediatorId"/> is given, over <see cref="Days"/> days
/// from <see cref="From"/> (by default the seven days of the current week, from Monday, Asia/Shanghai).
/// </summary>
internal sealed record ListSessionCalendar(Guid RoomId, Guid? MediatorId, DateOnly? From, int? Days) : IQuery<SessionCalendar>;

internal sealed class ListSessionCalendarValidator : AbstractValidator<ListSessionCalendar>
{
    public ListSessionCalendarValidator()
    {
        RuleFor(q => q.Days).InclusiveBetween(1, 42).When(q => q.Days is not null).WithMessage("Show 1 to 42 days.");
        RuleFor(q => q.From).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2998, 12, 1)).When(q => q.From is not null);
    }
}

internal sealed class ListSessionCalendarHandler(IDbSession session, ICurrentUser caller, RoomStore rooms, TimeProvider clock)
    : IQueryHandler<ListSessionCalendar, SessionCalendar>
{
    public async ValueTask<SessionCalendar> Handle(ListSessionCalendar query, CancellationToken cancellationToken)
    {
        var room = await rooms.GetAsync(query.RoomId, cancellationToken);
        var from = query.From ?? MondayOf(WorkCalendar.LocalDate(clock.GetUtcNow()));
        var to = from.AddDays(query.Days ?? 7);
        var range = new { From = WorkCalendar.StartOfLocalDay(from), To = WorkCalendar.StartOfLocalDay(to) };
        IReadOnlyList<CalendarSessionRow> rows;
        if (query.MediatorId is { } mediatorId)
        {
            var mediator = (await session.QuerySingleInJurisdictionAsync<MediatorRow>(caller, MediatorSql.ById, new { Id = mediatorId, RoomId = room.Id }, cancellationToken))
                ?? throw new NotFoundException("Mediator");
            rows = await session.QueryInJurisdictionAsync<CalendarSessionRow>(caller, CalendarSql.OfMediator,
                new { MediatorId = mediator.Id, mediator.UserId, range.From, range.To }, cancellationToken);
        }
        else
        {
            rows = await session.QueryInJurisdictionAsync<CalendarSessionRow>(caller, CalendarSql.OfRoom, new { RoomId = room.Id, range.From, range.To }, cancellationToken);
        }

        var named = rows.Count == 0
            ? Array.Empty<CalendarMediatorRow>().ToLookup(m => m.SessionId)
            : (await session.QueryAsync<CalendarMediatorRow>(CalendarSql.MediatorsOf, new { SessionIds = RoomStore.IdTexts(rows.Select(r => r.Id)) }, cancellationToken))
                .ToLookup(m => m.SessionId);
        var sessions = rows.Select(r => new CalendarSession(r.Id, r.DisputeId, r.DisputeNumber, r.RoomId, r.RoomName, r.StartsAt, r.EndsAt, r.Status,
            named[r.Id].Select(m => new CalendarMediator(m.MediatorId, m.MediatorName)).ToList(), r.Version)).ToList();
        return new SessionCalendar(from, to, sessions);
    }

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}

internal static class ListSessionCalendarEndpoints
{
    public static void Map(IEndpointRouteBuilder rooms)
    {
        rooms.MapGet("/{id:guid}/sessions", HandleRoom)
            .WithName("ListRoomSessions")
            .WithDescription("The week calendar of a room of the caller's jurisdiction: its scheduled and held sessions overlapping `days` days (1 to 42, by default 7) from `from` (by default this week's Monday, Asia/Shanghai), with their dispute numbers and mediators. 404 for a room outside the jurisdiction.")
            .WithSummary("The sessions of a room over a week (or up to 42 days), for its calendar.")
            .RequireCapability(Capability.ViewDisputes)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        rooms.MapGet("/{id:guid}/mediators/{mediatorId:guid}/sessions", HandleMediator)
            .WithName("ListMediatorSessions")
            .WithDescription("The week calendar of a mediator of a room of the caller's jurisdiction: the scheduled and held sessions naming them — in any room of the jurisdiction when they sign in with an account, since the person is booked as one — overlapping `days` days (1 to 42, by default 7) from `from` (by default this week's Monday, Asia/Shanghai). 404 for a room outside the jurisdiction or a mediator not of the room.")
            .WithSummary("The sessions of a mediator over a week (or up to 42 days), for their calendar.")
            .RequireCapability(Capability.ViewDisputes)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<SessionCalendar>> HandleRoom(Guid id, DateOnly? from, int? days, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListSessionCalendar(id, null, from, days), cancellationToken));

    private static async Task<Ok<SessionCalendar>> HandleMediator(Guid id, Guid mediatorId, DateOnly? from, int? days, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListSessionCalendar(id, mediatorId, from, days), cancellationToken));
}
