using System.Globalization;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Mediation.Disputes;

namespace Fengqiao.Mediation.Sessions;

internal sealed record SessionClash(string ResourceKind, Guid SessionId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string RoomName, string DisputeNumber);

/// <summary>A session as read for a change of its own: when, where, in what state and at which version.</summary>
internal sealed record SessionRow
{
    public required Guid Id { get; init; }

    public required Guid DisputeId { get; init; }

    public required Guid RoomId { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }

    public required SessionStatus Status { get; init; }

    public required long Version { get; init; }
}

internal sealed record SessionMediatorKey
{
    public required Guid Id { get; init; }

    public required Guid? UserId { get; init; }

    /// <summary>A mediator with an account is booked by the account, so that one person serving in two rooms is one resource.</summary>
    public string Key => (UserId ?? Id).ToString("D");
}

/// <summary>
/// Claims the half-hour slots of a session for its room and mediators, after checking that none is held: a clash answers 409
/// naming the session holding it. Loads sessions for a change through their dispute, so jurisdiction is checked first (404).
/// </summary>
internal sealed class SessionBooking(IDbSession session, DisputeStore disputes)
{
    public async Task ClaimAsync(Guid sessionId, Guid roomId, IReadOnlyList<string> mediatorKeys, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken)
    {
        var slots = SessionSlots.Between(startsAt, endsAt);
        var roomKey = roomId.ToString("D");
        var clash = (await session.QueryAsync<SessionClash>(SessionSql.Clashes(session.Dialect), new { Slots = slots, RoomKey = roomKey, MediatorKeys = mediatorKeys }, cancellationToken))
            .FirstOrDefault();
        if (clash is not null)
        {
            throw new ConflictException(clash.ResourceKind == "room" ? "room_booked" : "mediator_booked", Describe(clash));
        }

        foreach (var slot in slots)
        {
            await session.ExecuteAsync(SessionSql.InsertSlot, new { ResourceKind = "room", ResourceKey = roomKey, SlotStart = slot, SessionId = sessionId }, cancellationToken);
            foreach (var key in mediatorKeys)
            {
                await session.ExecuteAsync(SessionSql.InsertSlot, new { ResourceKind = "mediator", ResourceKey = key, SlotStart = slot, SessionId = sessionId }, cancellationToken);
            }
        }
    }

    public Task FreeAsync(Guid sessionId, CancellationToken cancellationToken) => session.ExecuteAsync(SessionSql.FreeSlots, new { SessionId = sessionId }, cancellationToken);

    /// <summary>The dispute (in the caller's jurisdiction, else 404), and its scheduled session at the version read (412), for a change.</summary>
    public async Task<(DisputeRow Dispute, SessionRow Session)> GetScheduledForChangeAsync(Guid disputeId, Guid sessionId, long expectedVersion, CancellationToken cancellationToken)
    {
        var dispute = await disputes.GetAsync(disputeId, cancellationToken);
        var row = await session.QuerySingleOrDefaultAsync<SessionRow>(SessionSql.ById, new { Id = sessionId, DisputeId = disputeId }, cancellationToken)
            ?? throw new NotFoundException("Session");
        if (row.Version != expectedVersion)
        {
            throw new PreconditionFailedException(row.Version);
        }

        if (row.Status != SessionStatus.Scheduled)
        {
            throw new ConflictException("session_not_scheduled", $"The session is {row.Status}; only a scheduled session can be held, moved or cancelled.");
        }

        if (dispute.Status != DisputeStatus.Accepted)
        {
            throw new ConflictException("dispute_not_accepted", $"The dispute is {dispute.Status}; its sessions no longer change.");
        }

        return (dispute, row);
    }

    public async Task<IReadOnlyList<string>> MediatorKeysOfAsync(Guid sessionId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<SessionMediatorKey>(SessionSql.MediatorKeysOf, new { SessionId = sessionId }, cancellationToken)).Select(m => m.Key).Distinct().ToList();

    private static string Describe(SessionClash clash)
    {
        var start = TimeZoneInfo.ConvertTime(clash.StartsAt, WorkCalendar.ChinaStandardTime);
        var end = TimeZoneInfo.ConvertTime(clash.EndsAt, WorkCalendar.ChinaStandardTime);
        var when = string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd HH:mm}–{end:HH:mm}");
        return clash.ResourceKind == "room"
            ? $"{clash.RoomName} is booked {when} by session {clash.SessionId} of dispute {clash.DisputeNumber}."
            : $"A mediator is booked {when} by session {clash.SessionId} of dispute {clash.DisputeNumber} in {clash.RoomName}.";
    }
}
